package io.github.feishuvc.test;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.ControlOperation.Type.BOOLEAN;
import static io.github.feishuvc.test.ControlOperation.Type.INSTANT;
import static io.github.feishuvc.test.ControlOperation.Type.INTEGER;
import static io.github.feishuvc.test.ControlOperation.Type.OBJECT;
import static io.github.feishuvc.test.ControlOperation.Type.OBJECTS;
import static io.github.feishuvc.test.ControlOperation.Type.STRING;
import static io.github.feishuvc.test.ControlOperation.Type.STRINGS;
import static io.github.feishuvc.test.ControlOperation.of;

/**
 * The control operations on the tenant's data, each one of the Java hooks over HTTP: reservations, meetings and what
 * happens in them, audio recordings, rooms, scopes, exports, alerts, minutes and the meeting agents.
 */
final class ControlTenantOperations {

	private static final String MEETING = "/meetings/{meetingId}";

	private ControlTenantOperations() {
	}

	static List<ControlOperation> operations(FeishuVcEmulator emulator, JsonMapper mapper) {
		EmulatorMeetings meetings = emulator.meetings();
		EmulatorMinutes minutes = emulator.minutes();
		EmulatorAgents agents = emulator.agents();
		return List.of(
				// Reservations
				of("POST", "/reserves", "addReserve", "Add (or replace) a reservation, the app's or a user's")
					.field("reserve", OBJECT, "The reserve object as the platform sends it, with a string id")
					.optional("tenantKey", STRING, "A store app's tenant that owns it (the app's own unless set)")
					.optional("ownerId", STRING, "The user who made it: the app's tenant token then gets 121005")
					.answers("The reservation's id", "reserveId", STRING, "Its id")
					.serves("FeishuVcEmulator.addReserve", "FeishuVcEmulator.addTenantReserve")
					.does((request) -> {
						if (request.has("tenantKey") && request.has("ownerId")) {
							throw new IllegalArgumentException("A reservation has tenantKey or ownerId, not both");
						}
						String reserve = request.json("reserve");
						String id = request.has("ownerId") ? emulator.addReserve(reserve, request.string("ownerId"))
								: request.has("tenantKey")
										? emulator.addTenantReserve(request.string("tenantKey"), reserve)
										: emulator.addReserve(reserve);
						return ControlAnswer.json(mapper.createObjectNode().put("reserveId", id));
					}),
				of("GET", "/reserves/{reserveId}", "getReserve", "A stored reservation, as get returns it to its owner")
					.answers("The reservation", "reserve", OBJECT, "The reserve object")
					.serves("FeishuVcEmulator.findReserve")
					.does((request) -> {
						String id = request.pathParameter("reserveId");
						String reserve = found(emulator.findReserve(id), "No reservation " + id);
						ObjectNode answer = mapper.createObjectNode();
						answer.set("reserve", mapper.readTree(reserve));
						return ControlAnswer.json(answer);
					}),
				of("POST", "/reserves/{reserveId}/meeting", "startReservedMeeting",
						"Start the meeting behind a reservation, hosted by its owner")
					.answers("The meeting", "meetingId", STRING, "Its id")
					.serves("EmulatorMeetings.start", "FeishuVcEmulator.meetings")
					.does((request) -> ControlAnswer.json(mapper.createObjectNode()
						.put("meetingId", meetings.start(request.pathParameter("reserveId"))))),
				of("DELETE", "/reserves/{reserveId}/meeting", "endReservedMeeting",
						"End the meeting running behind a reservation, as its host would")
					.serves("EmulatorMeetings.end")
					.runs((request) -> meetings.end(request.pathParameter("reserveId"))),
				// Meetings
				of("POST", "/meetings", "startAdHocMeeting", "Start a meeting not reserved through the API")
					.field("hostId", STRING, "The host's open id")
					.field("topic", STRING, "The meeting's topic")
					.answers("The meeting", "meetingId", STRING, "Its id")
					.serves("EmulatorMeetings.startAdHoc")
					.does((request) -> ControlAnswer.json(mapper.createObjectNode()
						.put("meetingId", meetings.startAdHoc(request.string("hostId"), request.string("topic"))))),
				of("POST", MEETING + "/end", "endMeeting", "End a meeting, as its host would")
					.serves("EmulatorMeetings.endMeeting")
					.runs((request) -> meetings.endMeeting(request.pathParameter("meetingId"))),
				of("POST", MEETING + "/participants", "joinMeeting", "A user joins the meeting")
					.field("userId", STRING, "The user's open id")
					.serves("EmulatorMeetings.join")
					.runs((request) -> meetings.join(request.pathParameter("meetingId"), request.string("userId"))),
				of("DELETE", MEETING + "/participants/{userId}", "leaveMeeting", "A user leaves the meeting")
					.serves("EmulatorMeetings.leave")
					.runs((request) -> meetings.leave(request.pathParameter("meetingId"),
							request.pathParameter("userId"))),
				of("POST", MEETING + "/speech", "say", "A participant says something (what a recording transcribes)")
					.field("userId", STRING, "Who speaks")
					.field("text", STRING, "What they say")
					.serves("EmulatorMeetings.say")
					.runs((request) -> meetings.say(request.pathParameter("meetingId"), request.string("userId"),
							request.string("text"))),
				of("POST", MEETING + "/recording", "startRecording", "The host starts recording the meeting")
					.serves("EmulatorMeetings.startRecording")
					.runs((request) -> meetings.startRecording(request.pathParameter("meetingId"))),
				of("DELETE", MEETING + "/recording", "stopRecording", "The host stops recording the meeting")
					.serves("EmulatorMeetings.stopRecording")
					.runs((request) -> meetings.stopRecording(request.pathParameter("meetingId"))),
				of("GET", MEETING + "/recording/shared-with", "getRecordingSharedWith",
						"Who the meeting's recording is shared with")
					.answers("The users", "userIds", STRINGS, "Their open ids")
					.serves("EmulatorMeetings.recordingSharedWith")
					.does((request) -> answerStrings(mapper, "userIds",
							meetings.recordingSharedWith(request.pathParameter("meetingId")))),
				of("POST", MEETING + "/sharing", "startSharing", "A participant starts sharing their screen")
					.field("userId", STRING, "Who shares")
					.serves("EmulatorMeetings.startSharing")
					.runs((request) -> meetings.startSharing(request.pathParameter("meetingId"),
							request.string("userId"))),
				of("DELETE", MEETING + "/sharing", "stopSharing", "The screen sharing stops")
					.serves("EmulatorMeetings.stopSharing")
					.runs((request) -> meetings.stopSharing(request.pathParameter("meetingId"))),
				of("GET", MEETING + "/note", "getMeetingNote", "The meeting's AI note, once generated")
					.answers("The note", "noteId", STRING, "Its id")
					.serves("EmulatorMeetings.noteOf")
					.does((request) -> ControlAnswer.json(mapper.createObjectNode()
						.put("noteId", found(meetings.noteOf(request.pathParameter("meetingId")),
								"No note of meeting " + request.pathParameter("meetingId") + " yet")))),
				of("POST", MEETING + "/note/unified", "makeNoteUnified", "Make the meeting's note a unified one")
					.serves("EmulatorMeetings.makeNoteUnified")
					.runs((request) -> meetings.makeNoteUnified(request.pathParameter("meetingId"))),
				of("GET", MEETING + "/minute", "getMeetingMinute", "The meeting's minute, once its recording is ready")
					.answers("The minute", "minuteToken", STRING, "Its token")
					.serves("EmulatorMinutes.ofMeeting")
					.does((request) -> ControlAnswer.json(mapper.createObjectNode()
						.put("minuteToken", found(minutes.ofMeeting(request.pathParameter("meetingId")),
								"No minute of meeting " + request.pathParameter("meetingId") + " yet")))),
				// Audio recordings (录音), outside meetings
				of("POST", "/audio-recordings", "startAudioRecording", "A user starts an audio recording")
					.field("userId", STRING, "The user's open id")
					.answers("The recording", "uniqueKey", STRING, "Its key")
					.serves("EmulatorMeetings.startAudioRecording")
					.does((request) -> ControlAnswer.json(mapper.createObjectNode()
						.put("uniqueKey", meetings.startAudioRecording(request.string("userId"))))),
				of("POST", "/audio-recordings/{uniqueKey}/transcript", "transcribeAudioRecording",
						"The audio recording's transcript is generated")
					.field("text", STRING, "The transcript")
					.serves("EmulatorMeetings.transcribeAudioRecording")
					.runs((request) -> meetings.transcribeAudioRecording(request.pathParameter("uniqueKey"),
							request.string("text"))),
				of("POST", "/audio-recordings/{uniqueKey}/end", "endAudioRecording", "The audio recording ends")
					.serves("EmulatorMeetings.endAudioRecording")
					.runs((request) -> meetings.endAudioRecording(request.pathParameter("uniqueKey"))),
				// Rooms
				of("GET", "/rooms", "getRooms", "The rooms and levels of a tenant")
					.query("tenantKey", STRING, "A store app's tenant (the app's own unless set)")
					.answers("The rooms", "rootLevelId", STRING, "The root level (the app's own tenant)", "levelIds",
							STRINGS, "Every level (the app's own tenant)", "roomIds", STRINGS, "Every room")
					.serves("EmulatorRooms.rootLevelId", "EmulatorRooms.levelIds", "EmulatorRooms.roomIds",
							"FeishuVcEmulator.rooms")
					.does((request) -> {
						String tenant = request.queryParameter("tenantKey");
						ObjectNode answer = mapper.createObjectNode()
							.put("rootLevelId", emulator.rooms().rootLevelId());
						answer.set("levelIds", ControlApi.strings(mapper, emulator.rooms().levelIds()));
						answer.set("roomIds", ControlApi.strings(mapper,
								(tenant != null) ? emulator.rooms().roomIds(tenant) : emulator.rooms().roomIds()));
						return ControlAnswer.json(answer);
					}),
				of("GET", "/rooms/{roomId}", "getRoom", "A room of the app's own tenant")
					.answers("The room", "room", OBJECT, "The room object as the platform sends it")
					.serves("EmulatorRooms.room")
					.does((request) -> {
						String id = request.pathParameter("roomId");
						ObjectNode answer = mapper.createObjectNode();
						answer.set("room", mapper.readTree(found(emulator.rooms().room(id), "No room " + id)));
						return ControlAnswer.json(answer);
					}),
				of("POST", "/rooms/{roomId}/bookings", "bookRoom", "Book a room for a time, as a user would")
					.field("start", INSTANT, "When the booking starts")
					.field("end", INSTANT, "When it ends")
					.field("title", STRING, "Its title")
					.field("reserverId", STRING, "Who booked it")
					.serves("EmulatorRooms.book")
					.runs((request) -> emulator.rooms().book(request.pathParameter("roomId"), request.instant("start"),
							request.instant("end"), request.string("title"), request.string("reserverId"))),
				// Scopes
				of("PUT", "/scopes/withheld", "withholdScopes", "Withhold scopes from the app, or from one user")
					.field("scopes", STRINGS, "The scopes, such as vc:room")
					.optional("userId", STRING, "The user who did not grant them (the app when not set)")
					.serves("EmulatorScopes.withholdFromApp", "EmulatorScopes.withholdFromUser",
							"FeishuVcEmulator.scopes")
					.does((request) -> {
						String[] scopes = request.strings("scopes").toArray(String[]::new);
						if (request.has("userId")) {
							emulator.scopes().withholdFromUser(request.string("userId"), scopes);
						}
						else {
							emulator.scopes().withholdFromApp(scopes);
						}
						return ControlAnswer.done();
					}),
				of("DELETE", "/scopes/withheld", "grantAllScopes", "Grant every scope again, to the app and every user")
					.serves("EmulatorScopes.grantAll")
					.runs((request) -> emulator.scopes().grantAll()),
				// Exports
				of("GET", "/exports", "getExports", "The export tasks created so far")
					.answers("The count", "taskCount", INTEGER, "How many tasks were created")
					.serves("EmulatorExports.taskCount", "FeishuVcEmulator.exports")
					.does((request) -> ControlAnswer
						.json(mapper.createObjectNode().put("taskCount", emulator.exports().taskCount()))),
				of("POST", "/exports/next-failure", "failNextExport", "The next export task fails once processed")
					.field("message", STRING, "Its fail_msg, such as no permission")
					.serves("EmulatorExports.failNext")
					.runs((request) -> emulator.exports().failNext(request.string("message"))),
				of("POST", "/exports/next-padding", "padNextExport", "The next export file is padded to a size")
					.field("bytes", INTEGER, "Its size in bytes, at least its content's")
					.serves("EmulatorExports.padNextFile")
					.runs((request) -> emulator.exports().padNextFile(request.integer("bytes"))),
				of("POST", "/exports/next-download-error", "failNextExportDownload",
						"The next export download answers JSON instead of the file")
					.field("httpStatus", INTEGER, "Its HTTP status")
					.field("code", INTEGER, "Its code")
					.field("msg", STRING, "Its msg")
					.serves("EmulatorExports.answerNextDownloadWithJson")
					.runs((request) -> emulator.exports().answerNextDownloadWithJson(request.integer("httpStatus"),
							request.integer("code"), request.string("msg"))),
				// Alerts
				of("POST", "/alerts", "raiseAlert", "Raise an alert in the alert centre")
					.field("alert", OBJECT, "The alert as GET /alerts returns it; alert_id and alert_time filled in")
					.answers("The alert", "alertId", STRING, "Its id")
					.serves("EmulatorAlerts.raise", "FeishuVcEmulator.alerts")
					.does((request) -> ControlAnswer.json(
							mapper.createObjectNode().put("alertId", emulator.alerts().raise(request.json("alert"))))),
				// Minutes
				of("POST", "/minutes", "uploadMinute", "A user uploads a recording that becomes a minute")
					.field("ownerId", STRING, "Its owner's open id")
					.field("title", STRING, "Its title")
					.field("lines", STRINGS, "What is said in it, a line each")
					.answers("The minute", "minuteToken", STRING, "Its token")
					.serves("EmulatorMinutes.upload", "FeishuVcEmulator.minutes")
					.does((request) -> ControlAnswer.json(mapper.createObjectNode()
						.put("minuteToken", minutes.upload(request.string("ownerId"), request.string("title"),
								request.strings("lines").toArray(String[]::new))))),
				of("DELETE", "/minutes/{minuteToken}", "deleteMinute", "Delete a minute")
					.serves("EmulatorMinutes.delete")
					.runs((request) -> minutes.delete(minute(minutes, request))),
				of("GET", "/minutes/{minuteToken}/transcript", "getMinuteTranscript",
						"A minute's transcript as the export endpoint gives it")
					.query("format", STRING, "txt (the default) or srt")
					.query("speakers", BOOLEAN, "Whether lines name their speaker (true unless set)")
					.query("timestamps", BOOLEAN, "Whether lines carry their time (true unless set)")
					.answersText("The transcript", "text/plain")
					.serves("EmulatorMinutes.transcript")
					.does((request) -> {
						String token = request.pathParameter("minuteToken");
						String format = Optional.ofNullable(request.queryParameter("format")).orElse("txt");
						String transcript = minutes.transcript(token, format,
								!"false".equals(request.queryParameter("speakers")),
								!"false".equals(request.queryParameter("timestamps")));
						if (transcript == null) {
							throw new NoSuchElementException("No minute " + token);
						}
						return ControlAnswer.text("text/plain; charset=utf-8", transcript);
					}),
				of("GET", "/minutes/{minuteToken}/media", "getMinuteMedia", "Where a minute's media file is on disk")
					.answers("The file", "path", STRING, "Its path on the emulator's disk")
					.serves("EmulatorMinutes.mediaFile")
					.does((request) -> ControlAnswer.json(mapper.createObjectNode()
						.put("path", minutes.mediaFile(minute(minutes, request)).toString()))),
				of("PUT", "/minutes/{minuteToken}/transcribing", "setMinuteTranscribing",
						"Whether a minute is still being transcribed (its transcript then refused)")
					.field("transcribing", BOOLEAN, "Whether it is")
					.serves("EmulatorMinutes.transcribing")
					.runs((request) -> minutes.transcribing(minute(minutes, request),
							request.bool("transcribing"))),
				// Meeting agents
				of("GET", "/agents", "getAgent", "The app's meeting agent")
					.answers("The agent", "agentId", STRING, "The open id it has in meetings")
					.serves("EmulatorAgents.agentId", "FeishuVcEmulator.agents")
					.does((request) -> ControlAnswer.json(mapper.createObjectNode().put("agentId", agents.agentId()))),
				of("POST", MEETING + "/agent", "inviteAgent", "Someone invites the app's agent into the meeting")
					.field("inviterId", STRING, "Who invites it")
					.answers("The invitation", "callId", STRING, "Its call id, which the agent sends back to join")
					.serves("EmulatorAgents.invite")
					.does((request) -> ControlAnswer.json(mapper.createObjectNode()
						.put("callId", agents.invite(request.pathParameter("meetingId"), request.string("inviterId"))))),
				of("GET", MEETING + "/agent", "getAgentInMeeting", "Whether the agent is in the meeting, and what it did")
					.answers("The agent in the meeting", "in", BOOLEAN, "Whether it joined and is still in",
							"messages", OBJECTS, "What was sent in the meeting's chat, oldest first", "countdowns",
							OBJECTS, "The countdowns it set, oldest first")
					.serves("EmulatorAgents.isIn", "EmulatorAgents.messages", "EmulatorAgents.countdowns")
					.does((request) -> {
						String meetingId = request.pathParameter("meetingId");
						ObjectNode answer = mapper.createObjectNode().put("in", agents.isIn(meetingId));
						answer.set("messages", mapper.valueToTree(agents.messages(meetingId)));
						answer.set("countdowns", mapper.valueToTree(agents.countdowns(meetingId)));
						return ControlAnswer.json(answer);
					}),
				of("POST", MEETING + "/chat", "chat", "A participant writes in the meeting's chat")
					.field("userId", STRING, "Who writes")
					.field("text", STRING, "What they write")
					.serves("EmulatorAgents.chat")
					.runs((request) -> agents.chat(request.pathParameter("meetingId"), request.string("userId"),
							request.string("text"))),
				of("PUT", "/agents/gray-release", "setGrayRelease", "Put the tenant outside the agents' gray release")
					.field("outside", BOOLEAN, "Whether the tenant is outside (every agent call refused, 20017)")
					.serves("EmulatorAgents.outsideGrayRelease")
					.runs((request) -> agents.outsideGrayRelease(request.bool("outside"))),
				of("POST", "/agents/gray-release/owners-outside", "putOwnerOutsideGrayRelease",
						"Put one meeting owner outside the gray release")
					.field("ownerId", STRING, "The owner's open id")
					.serves("EmulatorAgents.ownerOutsideGrayRelease")
					.runs((request) -> agents.ownerOutsideGrayRelease(request.string("ownerId"))),
				of("PUT", "/agents/meeting-start-announcements", "announceMeetingStarts",
						"Whether the agent hears of every meeting that starts")
					.field("announce", BOOLEAN, "Whether to push vc.bot.meeting_started_v1")
					.serves("EmulatorAgents.announceMeetingStarts")
					.runs((request) -> agents.announceMeetingStarts(request.bool("announce"))));
	}

	/**
	 * The path's minute token, once the minute is known to be there: the Java hooks refuse an unknown one as a bad
	 * argument, which the control API answers, as for any id not there, with 404.
	 */
	private static String minute(EmulatorMinutes minutes, ControlRequest request) {
		String token = request.pathParameter("minuteToken");
		if (minutes.transcript(token, "txt", false, false) == null) {
			throw new NoSuchElementException("No minute " + token);
		}
		return token;
	}

	static <T> T found(Optional<T> value, String otherwise) {
		return value.orElseThrow(() -> new NoSuchElementException(otherwise));
	}

	static ControlAnswer answerStrings(JsonMapper mapper, String field, List<String> values) {
		ObjectNode answer = mapper.createObjectNode();
		answer.set(field, ControlApi.strings(mapper, values));
		return ControlAnswer.json(answer);
	}

}
