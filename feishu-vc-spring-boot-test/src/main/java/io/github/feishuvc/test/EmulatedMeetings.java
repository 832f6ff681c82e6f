package io.github.feishuvc.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.feishuvc.internal.MeetingApis;
import io.github.feishuvc.test.Replies.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.envelope;
import static io.github.feishuvc.test.EmulatedJson.first;
import static io.github.feishuvc.test.EmulatedJson.seconds;
import static io.github.feishuvc.test.EmulatedJson.userIds;

/**
 * The meetings of the emulated platform, their recordings, and what the meeting endpoints do with them (the recording
 * endpoints are {@link EmulatedRecordings}'), with the platform's rules: who may do what, in which state. Every change
 * of a meeting pushes the event the platform would ({@code vc.meeting.*}, with the {@code all_meeting_*} ones at start and end).
 * Works on JSON trees only, never on the starter's models.
 *
 * <p>A meeting belongs to the tenant of the reservation it was started from, and to the reservation's owner: the
 * app's tenant access token of that tenant, and the owner's user access token, may read it; an in-meeting operation by
 * a user needs that user in the meeting, and ending it or recording it needs the host.
 */
final class EmulatedMeetings implements VcRoutes.Endpoints {

	private static final int MAX_INVITEES = 10;

	private static final int MAX_PAGE_SIZE = 50;

	private static final Duration RETENTION = Duration.ofDays(90);

	private static final int IN_PROGRESS = 2;

	private static final int ENDED = 3;

	private static final int CALLING = 1;

	private static final int IN_MEETING = 2;

	private static final int NOT_IN_MEETING = 4;

	private final Replies replies;

	private final Clock clock;

	private final EventSink events;

	private final Duration recordingProcessingTime;

	private final Map<String, StoredMeeting> meetings = new ConcurrentHashMap<>();

	private final EmulatedNotes notes;

	EmulatedMeetings(Replies replies, Clock clock, EventSink events, Duration recordingProcessingTime,
			EmulatedNotes notes) {
		this.replies = replies;
		this.clock = clock;
		this.events = new Visible(events);
		this.recordingProcessingTime = recordingProcessingTime;
		this.notes = notes;
	}

	// Life cycle, as the emulator's test hooks drive it

	/** A meeting running behind a reservation as the platform's documentation shows it, without an event. */
	synchronized String addRunning(ObjectNode documented, String tenantKey) {
		StoredMeeting meeting = new StoredMeeting(documented.path("id").asString(), tenantKey,
				documented.path("host_user").path("id").asString(""), documented);
		meeting.startTime = seconds(documented.get("start_time"), this.clock.instant());
		for (JsonNode participant : documented.path("participants")) {
			meeting.participant(participant.path("id").asString("")).join(meeting.startTime);
		}
		this.meetings.put(meeting.id, meeting);
		return meeting.id;
	}

	/** Start a meeting behind a reservation: its owner hosts it and is in it. */
	String start(ObjectNode reserve, Caller creator) {
		StoredMeeting meeting;
		synchronized (this) {
			String owner = reserve.path("reserve_user_id").asString("ou_emulated_host");
			ObjectNode json = this.replies.object()
				.put("id", uniqueMeetingId())
				.put("topic", reserve.path("meeting_settings").path("topic").asString(""))
				.put("url", reserve.path("url").asString(""))
				.put("meeting_no", reserve.path("meeting_no").asString(""));
			if (reserve.has("password")) {
				json.put("password", reserve.path("password").asString());
			}
			json.put("meeting_connect", reserve.path("meeting_settings").path("meeting_connect").asBoolean(false));
			meeting = new StoredMeeting(json.path("id").asString(), creator.tenantKey(), owner, json);
			meeting.startTime = this.clock.instant();
			meeting.participant(owner).join(meeting.startTime);
			this.meetings.put(meeting.id, meeting);
		}
		this.events.pushAndWait(meeting.tenantKey, List.of(
				event("vc.meeting.meeting_started_v1", meeting, meeting.hostId, true),
				event("vc.meeting.all_meeting_started_v1", meeting, meeting.hostId, true)));
		return meeting.id;
	}

	/**
	 * Start a meeting that was not reserved through the API, as a user would from the app: it joins the meeting data,
	 * the subscriptions' events and the search, but the platform sends no {@code vc.meeting.*} event of it (only the
	 * {@code all_meeting_*} and subscribed users' ones).
	 */
	String startAdHoc(String tenantKey, String hostId, String topic) {
		StoredMeeting meeting;
		synchronized (this) {
			ObjectNode json = this.replies.object()
				.put("id", uniqueMeetingId())
				.put("topic", topic)
				.put("meeting_no", this.replies.randomDigits(9));
			json.put("url", "https://vc.feishu.cn/j/" + json.path("meeting_no").asString());
			meeting = new StoredMeeting(json.path("id").asString(), tenantKey, hostId, json);
			meeting.viaApi = false;
			meeting.startTime = this.clock.instant();
			meeting.participant(hostId).join(meeting.startTime);
			this.meetings.put(meeting.id, meeting);
		}
		this.events.pushAndWait(meeting.tenantKey,
				List.of(event("vc.meeting.all_meeting_started_v1", meeting, meeting.hostId, true)));
		return meeting.id;
	}

	void join(String meetingId, String userId) {
		StoredMeeting meeting = running(meetingId);
		synchronized (this) {
			meeting.participant(userId).join(this.clock.instant());
		}
		this.events.pushAndWait(meeting.tenantKey, List.of(event("vc.meeting.join_meeting_v1", meeting, userId, false)));
	}

	void leave(String meetingId, String userId) {
		StoredMeeting meeting = running(meetingId);
		List<ObjectNode> pushed = new ArrayList<>();
		synchronized (this) {
			Participant participant = meeting.participants.get(userId);
			if (participant == null || participant.status != IN_MEETING) {
				throw new IllegalArgumentException(userId + " is not in meeting " + meetingId);
			}
			if (userId.equals(meeting.sharer)) {
				pushed.add(event("vc.meeting.share_ended_v1", meeting, userId, false));
				meeting.sharer = null;
			}
			pushed.add(leaveEvent(meeting, participant, userId, 1));
		}
		this.events.pushAndWait(meeting.tenantKey, pushed);
	}

	void startRecording(String meetingId) {
		StoredMeeting meeting = running(meetingId);
		synchronized (this) {
			if (meeting.recording == RecordingState.RECORDING) {
				throw new IllegalArgumentException("Meeting " + meetingId + " is being recorded already");
			}
			meeting.startRecording(this.clock.instant());
		}
		this.events.pushAndWait(meeting.tenantKey,
				List.of(event("vc.meeting.recording_started_v1", meeting, meeting.hostId, false)));
	}

	void stopRecording(String meetingId) {
		StoredMeeting meeting = running(meetingId);
		synchronized (this) {
			if (meeting.recording != RecordingState.RECORDING) {
				throw new IllegalArgumentException("Meeting " + meetingId + " is not being recorded");
			}
			meeting.stopRecording(this.clock.instant());
		}
		this.events.pushAndWait(meeting.tenantKey,
				List.of(event("vc.meeting.recording_ended_v1", meeting, meeting.hostId, false)));
	}

	void startSharing(String meetingId, String userId) {
		StoredMeeting meeting = running(meetingId);
		synchronized (this) {
			Participant participant = meeting.participants.get(userId);
			if (participant == null || participant.status != IN_MEETING) {
				throw new IllegalArgumentException(userId + " is not in meeting " + meetingId);
			}
			meeting.sharer = userId;
			meeting.usedSharing = true;
		}
		this.events.pushAndWait(meeting.tenantKey, List.of(event("vc.meeting.share_started_v1", meeting, userId, false)));
	}

	void stopSharing(String meetingId) {
		StoredMeeting meeting = running(meetingId);
		String sharer;
		synchronized (this) {
			sharer = meeting.sharer;
			if (sharer == null) {
				throw new IllegalArgumentException("Nobody shares a screen in meeting " + meetingId);
			}
			meeting.sharer = null;
		}
		this.events.pushAndWait(meeting.tenantKey, List.of(event("vc.meeting.share_ended_v1", meeting, sharer, false)));
	}

	/** End a meeting as its host would: everyone leaves, a recording ends and is ready a little later. */
	void end(String meetingId) {
		StoredMeeting meeting = running(meetingId);
		this.events.pushAndWait(meeting.tenantKey, endNow(meeting, meeting.hostId));
	}

	private synchronized List<ObjectNode> endNow(StoredMeeting meeting, String operator) {
		List<ObjectNode> pushed = new ArrayList<>();
		if (meeting.sharer != null) {
			pushed.add(event("vc.meeting.share_ended_v1", meeting, meeting.sharer, false));
			meeting.sharer = null;
		}
		if (meeting.recording == RecordingState.RECORDING) {
			meeting.stopRecording(this.clock.instant());
			pushed.add(event("vc.meeting.recording_ended_v1", meeting, operator, false));
		}
		meeting.participants.values().forEach((participant) -> {
			if (participant.status == IN_MEETING) {
				pushed.add(leaveEvent(meeting, participant, operator, 2));
			}
		});
		meeting.status = ENDED;
		meeting.endTime = this.clock.instant();
		pushed.add(event("vc.meeting.meeting_ended_v1", meeting, operator, true));
		pushed.add(event("vc.meeting.all_meeting_ended_v1", meeting, operator, true));
		List<String> attendees = meeting.participants.values()
			.stream()
			.filter((participant) -> participant.firstJoin != null)
			.map((participant) -> participant.id)
			.toList();
		List<String> subscribed = this.notes.subscribedAmong(meeting.tenantKey, EmulatedNotes.PARTICIPANT_MEETING_ENDED,
				attendees);
		if (!subscribed.isEmpty()) {
			ObjectNode ended = event(EmulatedNotes.PARTICIPANT_MEETING_ENDED, meeting, operator, true);
			EmulatedNotes.subscriberIds((ObjectNode) ended.get("event"), subscribed);
			pushed.add(ended);
		}
		meeting.json.put("note_id", this.notes.meetingEnded(meeting.tenantKey, meeting.id, meeting.hostId, attendees));
		if (meeting.recording == RecordingState.PROCESSING) {
			this.events.pushLater(meeting.tenantKey, this.recordingProcessingTime, () -> recordingReady(meeting));
		}
		return pushed;
	}

	private synchronized @Nullable ObjectNode recordingReady(StoredMeeting meeting) {
		if (meeting.recording != RecordingState.PROCESSING) {
			return null;
		}
		meeting.recording = RecordingState.READY;
		meeting.recordingId = this.replies.randomDigits(19);
		meeting.recordingUrl = "https://meetings.feishu.cn/minutes/obcn" + this.replies.randomHex(10);
		ObjectNode ready = envelope("vc.meeting.recording_ready_v1");
		ObjectNode body = (ObjectNode) ready.get("event");
		ObjectNode reduced = body.putObject("meeting")
			.put("id", meeting.id)
			.put("topic", meeting.json.path("topic").asString(""))
			.put("meeting_no", meeting.json.path("meeting_no").asString(""))
			.put("meeting_source", 4);
		reduced.putObject("owner").set("id", userIds(meeting.ownerId));
		reduced.putObject("security_setting").put("security_level", 1);
		body.put("url", meeting.recordingUrl).put("duration", Long.toString(meeting.recorded.toMillis()));
		return ready;
	}

	/** A meeting as the platform returns it behind its reservation: with what was used in it. */
	synchronized ObjectNode view(String meetingId, boolean withParticipants) {
		return view(this.meetings.get(meetingId), withParticipants, true);
	}

	/** Whether a meeting is in progress, for the reservation it was started from. */
	/** A meeting, whatever its state, or {@code null}; read and change it under this object's lock. */
	@Nullable StoredMeeting find(String meetingId) {
		return this.meetings.get(meetingId);
	}

	boolean isRunning(String meetingId) {
		StoredMeeting meeting = this.meetings.get(meetingId);
		return meeting != null && meeting.status == IN_PROGRESS;
	}

	private StoredMeeting running(String meetingId) {
		StoredMeeting meeting = this.meetings.get(meetingId);
		if (meeting == null || meeting.status != IN_PROGRESS) {
			throw new IllegalArgumentException("No meeting " + meetingId + " in progress");
		}
		return meeting;
	}

	// Endpoints

	/** Serves the meeting endpoints; {@link EmulatedRecordings} serves the recording ones. */
	@Override
	public void serve(VcRoutes routes) {
		routes.handle(MeetingApis.GET, (caller, call) -> get(caller, call.path("meeting_id"), call.query()));
		routes.handle(MeetingApis.LIST_BY_NO, (caller, call) -> listByNo(caller, call.query()));
		routes.handle(MeetingApis.INVITE, (caller, call) -> invite(caller, call.path("meeting_id"), call.body()));
		routes.handle(MeetingApis.KICKOUT, (caller, call) -> kickout(caller, call.path("meeting_id"), call.body()));
		routes.handle(MeetingApis.SET_HOST, (caller, call) -> setHost(caller, call.path("meeting_id"), call.body()));
		routes.handle(MeetingApis.END, (caller, call) -> end(caller, call.path("meeting_id")));
	}

	/** {@code GET /meetings/:meeting_id}, and the active meeting of a reservation. */
	Reply get(Caller caller, String meetingId, Map<String, List<String>> query) {
		StoredMeeting meeting = this.meetings.get(meetingId);
		Reply error = readError(caller, meeting, 121004);
		if (error != null) {
			return error;
		}
		ObjectNode data = this.replies.object();
		if ("1".equals(first(query, "query_mode"))) {
			data.putObject("related_artifacts")
				.put("note_doc_token", (meeting.status == ENDED) ? "doccn" + meeting.id : "")
				.put("verbatim_doc_token", (meeting.status == ENDED) ? "doccnv" + meeting.id : "");
			return this.replies.success(data);
		}
		boolean ability = "true".equals(first(query, "with_meeting_ability")) && caller.isApp();
		data.set("meeting", view(meeting, "true".equals(first(query, "with_participants")), ability));
		return this.replies.success(data);
	}

	/** {@code GET /meetings/list_by_no}: the meetings of a number started in a range, 20 a page unless asked. */
	Reply listByNo(Caller caller, Map<String, List<String>> query) {
		String meetingNo = first(query, "meeting_no");
		Instant start = seconds(first(query, "start_time"));
		Instant end = seconds(first(query, "end_time"));
		String size = first(query, "page_size");
		String token = first(query, "page_token");
		int pageSize;
		int offset;
		try {
			pageSize = (size != null) ? Integer.parseInt(size) : 20;
			offset = (token != null) ? Integer.parseInt(token) : 0;
		}
		catch (NumberFormatException ex) {
			return paramError();
		}
		if (meetingNo == null || start == null || end == null || !start.isBefore(end) || pageSize < 1
				|| pageSize > MAX_PAGE_SIZE || offset < 0) {
			return paramError();
		}
		Instant oldest = this.clock.instant().minus(RETENTION);
		List<StoredMeeting> found = this.meetings.values()
			.stream()
			.filter((meeting) -> meeting.tenantKey.equals(caller.tenantKey())
					&& meetingNo.equals(meeting.json.path("meeting_no").asString(""))
					&& !meeting.startTime.isBefore(start) && !meeting.startTime.isAfter(end)
					&& !meeting.startTime.isBefore(oldest))
			.sorted(Comparator.comparing((StoredMeeting meeting) -> meeting.startTime).thenComparing((meeting) -> meeting.id))
			.toList();
		ObjectNode data = this.replies.object();
		ArrayNode briefs = data.putArray("meeting_briefs");
		for (StoredMeeting meeting : found.subList(Math.min(offset, found.size()), Math.min(offset + pageSize, found.size()))) {
			ObjectNode brief = briefs.addObject()
				.put("id", meeting.id)
				.put("topic", meeting.json.path("topic").asString(""))
				.put("url", meeting.json.path("url").asString(""))
				.put("meeting_no", meeting.json.path("meeting_no").asString(""));
			if (meeting.json.has("password")) {
				brief.put("password", meeting.json.path("password").asString());
			}
			brief.put("meeting_connect", meeting.json.path("meeting_connect").asBoolean(false));
		}
		boolean more = offset + pageSize < found.size();
		data.put("has_more", more);
		if (more) {
			data.put("page_token", Integer.toString(offset + pageSize));
		}
		return this.replies.success(data);
	}

	/** {@code PATCH /meetings/:meeting_id/invite}: a user in the meeting calls others in, at most 10. */
	Reply invite(Caller caller, String meetingId, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		if (request == null || !(request.get("invitees") instanceof ArrayNode invitees) || invitees.isEmpty()
				|| invitees.size() > MAX_INVITEES) {
			return paramError();
		}
		synchronized (this) {
			StoredMeeting meeting = this.meetings.get(meetingId);
			Reply error = (caller.isApp()) ? noPermission() : inMeetingError(caller, meeting);
			if (error != null) {
				return error;
			}
			ObjectNode data = this.replies.object();
			ArrayNode results = data.putArray("invite_results");
			for (JsonNode invitee : invitees) {
				String userId = invitee.path("id").asString("");
				Participant participant = meeting.participants.get(userId);
				boolean invitable = !userId.isEmpty() && (participant == null || participant.status != IN_MEETING);
				if (invitable) {
					meeting.participant(userId).status = CALLING;
				}
				results.addObject()
					.put("id", userId)
					.put("user_type", invitee.path("user_type").asInt(1))
					.put("status", invitable ? 1 : 2);
			}
			return this.replies.success(data);
		}
	}

	/** {@code POST /meetings/:meeting_id/kickout}: the app removes participants; tenant access token only. */
	Reply kickout(Caller caller, String meetingId, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		if (request == null || !(request.get("kickout_users") instanceof ArrayNode users) || users.isEmpty()) {
			return paramError();
		}
		List<ObjectNode> pushed = new ArrayList<>();
		StoredMeeting meeting = this.meetings.get(meetingId);
		ObjectNode data = this.replies.object();
		synchronized (this) {
			Reply error = (!caller.isApp()) ? noPermission() : stateError(caller, meeting);
			if (error != null) {
				return error;
			}
			ArrayNode results = data.putArray("kickout_results");
			for (JsonNode user : users) {
				String userId = user.path("id").asString("");
				Participant participant = meeting.participants.get(userId);
				boolean removed = participant != null && participant.status == IN_MEETING;
				if (removed) {
					if (userId.equals(meeting.sharer)) {
						pushed.add(event("vc.meeting.share_ended_v1", meeting, userId, false));
						meeting.sharer = null;
					}
					pushed.add(leaveEvent(meeting, participant, meeting.hostId, 3));
				}
				results.addObject()
					.put("id", userId)
					.put("user_type", user.path("user_type").asInt(1))
					.put("result", removed ? 1 : 2);
			}
		}
		this.events.push(meeting.tenantKey, pushed);
		return this.replies.success(data);
	}

	/** {@code PATCH /meetings/:meeting_id/set_host}: compare and set; a user caller must be the host. */
	Reply setHost(Caller caller, String meetingId, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		String newHost = (request != null) ? request.path("host_user").path("id").asString("") : "";
		if (newHost.isEmpty()) {
			return paramError();
		}
		synchronized (this) {
			StoredMeeting meeting = this.meetings.get(meetingId);
			Reply error = caller.isApp() ? stateError(caller, meeting) : hostError(caller, meeting);
			if (error != null) {
				return error;
			}
			if (!caller.isApp() && newHost.equals(caller.userId())) {
				return this.replies.error(400, 122005, "cannot operate self");
			}
			String oldHost = request.path("old_host_user").path("id").asString("");
			if (!oldHost.isEmpty() && !oldHost.equals(meeting.hostId)) {
				return this.replies.error(409, 121006, "data conflict");
			}
			Participant target = meeting.participants.get(newHost);
			if (target == null || target.status != IN_MEETING) {
				return this.replies.error(400, 122004, "target user not in meeting");
			}
			meeting.hostId = newHost;
			ObjectNode data = this.replies.object();
			data.putObject("host_user").put("id", newHost).put("user_type", 1);
			return this.replies.success(data);
		}
	}

	/** {@code PATCH /meetings/:meeting_id/end}: the host ends it; user access token only. */
	Reply end(Caller caller, String meetingId) {
		StoredMeeting meeting = this.meetings.get(meetingId);
		List<ObjectNode> pushed;
		synchronized (this) {
			Reply error = caller.isApp() ? noPermission() : hostError(caller, meeting);
			if (error != null) {
				return error;
			}
			pushed = endNow(meeting, caller.userId());
		}
		this.events.push(meeting.tenantKey, pushed);
		return this.replies.success(this.replies.object());
	}

	// Rules

	/** A read: the app of the meeting's tenant, or its owner; {@code notFound} is the endpoint's own code. */
	@Nullable Reply readError(Caller caller, @Nullable StoredMeeting meeting, int notFound) {
		if (meeting == null || !meeting.tenantKey.equals(caller.tenantKey())) {
			return this.replies.error(404, notFound, (notFound == 121004) ? "data not exist" : "meeting not exist");
		}
		return (caller.isApp() || meeting.ownerId.equals(caller.userId())) ? null : noPermission();
	}

	/** An in-meeting operation of the app: the meeting must be in progress. */
	private @Nullable Reply stateError(Caller caller, @Nullable StoredMeeting meeting) {
		if (meeting == null || !meeting.tenantKey.equals(caller.tenantKey())) {
			return this.replies.error(404, 122002, "meeting not exist");
		}
		return (meeting.status != IN_PROGRESS) ? statusUnexpected() : null;
	}

	/** An in-meeting operation of a user: the meeting in progress, the user in it. */
	private @Nullable Reply inMeetingError(Caller caller, @Nullable StoredMeeting meeting) {
		Reply error = stateError(caller, meeting);
		if (error != null) {
			return error;
		}
		Participant operator = meeting.participants.get(caller.userId());
		return (operator == null || operator.status != IN_MEETING)
				? this.replies.error(400, 122003, "operator user not in meeting") : null;
	}

	/** What only the host may do. */
	@Nullable Reply hostError(Caller caller, @Nullable StoredMeeting meeting) {
		Reply error = inMeetingError(caller, meeting);
		return (error == null && !meeting.hostId.equals(caller.userId())) ? noPermission() : error;
	}

	Reply statusUnexpected() {
		return this.replies.error(400, 122001, "meeting status unexpected");
	}

	Reply noPermission() {
		return this.replies.error(403, 121005, "no permission");
	}

	Reply paramError() {
		return this.replies.error(400, 121003, "param error");
	}

	// JSON

	private ObjectNode view(StoredMeeting meeting, boolean withParticipants, boolean withAbility) {
		ObjectNode view = meeting.json.deepCopy();
		view.put("create_time", Long.toString(meeting.startTime.getEpochSecond()))
			.put("start_time", Long.toString(meeting.startTime.getEpochSecond()));
		if (meeting.endTime != null) {
			view.put("end_time", Long.toString(meeting.endTime.getEpochSecond()));
		}
		else {
			view.remove("end_time");
		}
		view.putObject("host_user").put("id", meeting.hostId).put("user_type", 1);
		view.put("status", meeting.status);
		long inMeeting = meeting.participants.values().stream().filter((p) -> p.status == IN_MEETING).count();
		meeting.peak = Math.max(meeting.peak, (int) inMeeting);
		view.put("participant_count", Integer.toString(Math.max(meeting.peak, 1)))
			.put("participant_count_accumulated",
					Long.toString(meeting.participants.values().stream().filter((p) -> p.firstJoin != null).count()));
		view.remove("participants");
		view.remove("ability");
		if (withParticipants) {
			ArrayNode participants = view.putArray("participants");
			meeting.participants.forEach((userId, participant) -> {
				ObjectNode node = participants.addObject().put("id", userId);
				if (participant.firstJoin != null) {
					node.put("first_join_time", Long.toString(participant.firstJoin.getEpochSecond()));
				}
				if (participant.finalLeave != null) {
					node.put("final_leave_time", Long.toString(participant.finalLeave.getEpochSecond()));
				}
				node.put("in_meeting_duration", Long.toString(participant.inMeeting(this.clock.instant()).toSeconds()))
					.put("user_type", 1)
					.put("is_host", userId.equals(meeting.hostId))
					.put("is_cohost", false)
					.put("is_external", false)
					.put("status", participant.status);
			});
		}
		if (withAbility) {
			view.putObject("ability")
				.put("use_video", true)
				.put("use_audio", true)
				.put("use_share_screen", meeting.usedSharing)
				.put("use_follow_screen", false)
				.put("use_recording", meeting.recording != RecordingState.NONE)
				.put("use_pstn", false);
		}
		return view;
	}

	/** A meeting event: the meeting as events show it, and who did it. */
	ObjectNode event(String eventType, StoredMeeting meeting, String operator, boolean withCalendar) {
		ObjectNode event = envelope(eventType);
		ObjectNode body = (ObjectNode) event.get("event");
		body.set("meeting", eventMeeting(meeting, withCalendar));
		body.set("operator", eventUser(meeting, operator));
		return event;
	}

	private ObjectNode leaveEvent(StoredMeeting meeting, Participant participant, String operator, int reason) {
		participant.leave(this.clock.instant());
		ObjectNode event = event("vc.meeting.leave_meeting_v1", meeting, operator, false);
		((ObjectNode) event.get("event")).put("leave_reason", reason).set("leave_user", eventUser(meeting, participant.id));
		return event;
	}

	private ObjectNode eventMeeting(StoredMeeting meeting, boolean withCalendar) {
		ObjectNode node = this.replies.object()
			.put("id", meeting.id)
			.put("topic", meeting.json.path("topic").asString(""))
			.put("meeting_no", meeting.json.path("meeting_no").asString(""))
			.put("meeting_source", 4)
			.put("start_time", Long.toString(meeting.startTime.getEpochSecond()));
		if (meeting.endTime != null) {
			node.put("end_time", Long.toString(meeting.endTime.getEpochSecond()));
		}
		node.set("host_user", eventUser(meeting, meeting.hostId));
		node.set("owner", eventUser(meeting, meeting.ownerId));
		if (withCalendar) {
			node.put("calendar_event_id", "");
		}
		node.putObject("security_setting").put("security_level", 1);
		return node;
	}

	private ObjectNode eventUser(StoredMeeting meeting, String userId) {
		ObjectNode user = this.replies.object();
		user.set("id", userIds(userId));
		user.put("user_role", userId.equals(meeting.hostId) ? 2 : 1).put("user_type", 1);
		return user;
	}

	/**
	 * The events the platform sends: of a meeting not reserved through the API, only those of every meeting
	 * ({@code all_meeting_*}) and of subscribed users ({@code participant_meeting_*}).
	 */
	private final class Visible implements EventSink {

		private final EventSink sink;

		Visible(EventSink sink) {
			this.sink = sink;
		}

		@Override
		public void push(String tenantKey, List<ObjectNode> events) {
			this.sink.push(tenantKey, visible(events));
		}

		@Override
		public void pushAndWait(String tenantKey, List<ObjectNode> events) {
			this.sink.pushAndWait(tenantKey, visible(events));
		}

		@Override
		public void pushLater(String tenantKey, Duration delay, Supplier<@Nullable ObjectNode> event) {
			this.sink.pushLater(tenantKey, delay, () -> {
				ObjectNode due = event.get();
				return (due != null && isVisible(due)) ? due : null;
			});
		}

		private List<ObjectNode> visible(List<ObjectNode> events) {
			return events.stream().filter(this::isVisible).toList();
		}

		private boolean isVisible(ObjectNode event) {
			String type = event.path("header").path("event_type").asString("");
			StoredMeeting meeting = EmulatedMeetings.this.meetings
				.get(event.path("event").path("meeting").path("id").asString(""));
			return meeting == null || meeting.viaApi || type.startsWith("vc.meeting.all_meeting_")
					|| type.startsWith("vc.meeting.participant_meeting_");
		}

	}

	private String uniqueMeetingId() {
		String id;
		do {
			id = "69" + this.replies.randomDigits(17);
		}
		while (this.meetings.containsKey(id));
		return id;
	}

	/**
	 * What happened in a tenant's meetings, for the meeting data: a copy of each taken under the lock, in the order
	 * they started.
	 */
	synchronized List<History> history(String tenantKey) {
		List<History> history = new ArrayList<>();
		for (StoredMeeting meeting : this.meetings.values()) {
			if (!meeting.tenantKey.equals(tenantKey)) {
				continue;
			}
			List<Attendance> attendances = new ArrayList<>();
			meeting.participants.forEach((userId, participant) -> {
				if (participant.firstJoin != null) {
					attendances.add(new Attendance(userId, participant.firstJoin, participant.finalLeave,
							participant.inMeeting(this.clock.instant()),
							meeting.endTime != null && meeting.endTime.equals(participant.finalLeave)));
				}
			});
			history.add(new History(meeting.id, meeting.json.path("meeting_no").asString(""),
					meeting.json.path("topic").asString(""), meeting.hostId, meeting.startTime, meeting.endTime,
					meeting.recording != RecordingState.NONE, meeting.usedSharing, List.copyOf(attendances)));
		}
		history.sort(Comparator.comparing(History::start));
		return history;
	}

	/**
	 * A meeting as the meeting data reads it.
	 *
	 * @param id the meeting's id
	 * @param meetingNo its number
	 * @param topic its topic
	 * @param hostId its host
	 * @param start when it started
	 * @param end when it ended, {@code null} while in progress
	 * @param recorded whether it was recorded
	 * @param shared whether anyone shared
	 * @param attendances who took part
	 */
	record History(String id, String meetingNo, String topic, String hostId, Instant start, @Nullable Instant end,
			boolean recorded, boolean shared, List<Attendance> attendances) {
	}

	/**
	 * One participant's attendance as the meeting data reads it.
	 *
	 * @param userId who
	 * @param firstJoin when they first joined
	 * @param finalLeave when they last left, {@code null} while in the meeting
	 * @param attended how long they were in it
	 * @param endedByHost whether they left because the meeting ended
	 */
	record Attendance(String userId, Instant firstJoin, @Nullable Instant finalLeave, Duration attended,
			boolean endedByHost) {
	}

	enum RecordingState {

		NONE, RECORDING, PROCESSING, READY

	}

	/** A meeting and what happened in it; changed under the lock of {@link EmulatedMeetings}. */
	static final class StoredMeeting {

		final String id;

		final String tenantKey;

		final String ownerId;

		final ObjectNode json;

		final Map<String, Participant> participants = new LinkedHashMap<>();

		final Map<String, Integer> sharedWith = new LinkedHashMap<>();

		Instant startTime = Instant.EPOCH;

		@Nullable Instant endTime;

		int status = IN_PROGRESS;

		/** Whether it was reserved through the API, the only meetings the {@code vc.meeting.*} events are of. */
		boolean viaApi = true;

		String hostId;

		int peak;

		@Nullable String sharer;

		boolean usedSharing;

		RecordingState recording = RecordingState.NONE;

		@Nullable Instant recordingSince;

		Duration recorded = Duration.ZERO;

		@Nullable String recordingId;

		@Nullable String recordingUrl;

		StoredMeeting(String id, String tenantKey, String ownerId, ObjectNode json) {
			this.id = id;
			this.tenantKey = tenantKey;
			this.ownerId = ownerId;
			this.json = json;
			this.hostId = ownerId;
		}

		Participant participant(String userId) {
			return this.participants.computeIfAbsent(userId, Participant::new);
		}

		void startRecording(Instant now) {
			this.recording = RecordingState.RECORDING;
			this.recordingSince = now;
		}

		void stopRecording(Instant now) {
			this.recorded = this.recorded.plus(Duration.between(this.recordingSince, now));
			this.recording = RecordingState.PROCESSING;
		}

	}

	/** One participant's attendance. */
	private static final class Participant {

		final String id;

		int status = NOT_IN_MEETING;

		@Nullable Instant firstJoin;

		@Nullable Instant joinedAt;

		@Nullable Instant finalLeave;

		Duration attended = Duration.ZERO;

		Participant(String id) {
			this.id = id;
		}

		void join(Instant now) {
			if (this.firstJoin == null) {
				this.firstJoin = now;
			}
			this.joinedAt = now;
			this.status = IN_MEETING;
		}

		void leave(Instant now) {
			if (this.joinedAt != null) {
				this.attended = this.attended.plus(Duration.between(this.joinedAt, now));
			}
			this.joinedAt = null;
			this.finalLeave = now;
			this.status = NOT_IN_MEETING;
		}

		Duration inMeeting(Instant now) {
			return (this.joinedAt != null) ? this.attended.plus(Duration.between(this.joinedAt, now)) : this.attended;
		}

	}

}
