package io.github.feishuvc.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.github.feishuvc.internal.MeetingApis;
import io.github.feishuvc.test.Replies.Reply;
import io.github.feishuvc.test.StoredMeeting.Participant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.first;
import static io.github.feishuvc.test.EmulatedJson.seconds;

/**
 * The meeting endpoints of the emulated platform (get, list, list by number, invite, kickout, set host, end, change
 * names), over the
 * meetings of {@link EmulatedMeetings} and under its lock, with the platform's rules ({@link MeetingRules}): invite
 * and end take a user access token, kickout the tenant access token; in-meeting operations need the operator in the
 * meeting, ending needs the host, set host compares the host the caller saw. What they change pushes the events the
 * platform would. The recording endpoints are {@link EmulatedRecordings}'.
 */
final class EmulatedMeetingEndpoints implements VcRoutes.Endpoints {

	private static final int MAX_INVITEES = 10;

	private static final int MAX_PAGE_SIZE = 50;

	private static final Duration RETENTION = Duration.ofDays(90);

	private final EmulatedMeetings meetings;

	private final MeetingRules rules;

	private final Replies replies;

	private final Clock clock;

	EmulatedMeetingEndpoints(EmulatedMeetings meetings, MeetingRules rules, Replies replies, Clock clock) {
		this.meetings = meetings;
		this.rules = rules;
		this.replies = replies;
		this.clock = clock;
	}

	@Override
	public void serve(VcRoutes routes) {
		routes.handle(MeetingApis.GET, (caller, call) -> get(caller, call.path("meeting_id"), call.query()));
		routes.handle(MeetingApis.LIST_BY_NO, (caller, call) -> listByNo(caller, call.query()));
		routes.handle(MeetingApis.INVITE, (caller, call) -> invite(caller, call.path("meeting_id"), call.body()));
		routes.handle(MeetingApis.KICKOUT, (caller, call) -> kickout(caller, call.path("meeting_id"), call.body()));
		routes.handle(MeetingApis.SET_HOST, (caller, call) -> setHost(caller, call.path("meeting_id"), call.body()));
		routes.handle(MeetingApis.END, (caller, call) -> end(caller, call.path("meeting_id")));
		routes.handle(MeetingApis.LIST, (caller, call) -> list(caller, call.query()));
		routes.handle(MeetingApis.CHANGE_NAME,
				(caller, call) -> changeName(caller, call.path("meeting_id"), call.body()));
	}

	/**
	 * {@code GET /meetings}: the meetings of a status started in a range, 20 a page unless asked; the app's of its
	 * tenant, a user's those they own or attended. No meeting of the emulator is held in a room, so a room's list is
	 * empty.
	 */
	private Reply list(Caller caller, Map<String, List<String>> query) {
		Instant start = seconds(first(query, "start_time"));
		Instant end = seconds(first(query, "end_time"));
		String status = first(query, "status");
		String roomId = first(query, "room_id");
		if (start == null || end == null || !start.isBefore(end) || status == null
				|| !List.of("1", "2", "3").contains(status)) {
			return this.replies.paramError();
		}
		List<ObjectNode> views;
		synchronized (this.meetings) {
			views = this.meetings.all()
				.stream()
				.filter((meeting) -> meeting.tenantKey.equals(caller.tenantKey()) && roomId == null
						&& meeting.status == Integer.parseInt(status) && !meeting.startTime.isBefore(start)
						&& !meeting.startTime.isAfter(end)
						&& (caller.isApp() || meeting.ownerId.equals(caller.userId())
								|| meeting.participants.containsKey(caller.userId())))
				.sorted(Comparator.comparing((StoredMeeting meeting) -> meeting.startTime)
					.thenComparing((meeting) -> meeting.id))
				.map((meeting) -> {
					ObjectNode view = meeting.view(this.clock, false, false);
					view.retain("id", "topic", "meeting_no", "password", "start_time", "end_time", "meeting_connect",
							"status", "participant_count_accumulated", "note_id");
					return view;
				})
				.toList();
		}
		return this.replies.paged(views, "meetings", first(query, "page_size"), first(query, "page_token"), 20, 1,
				MAX_PAGE_SIZE);
	}

	/**
	 * {@code POST /meetings/:meeting_id/change_name}: participants in the meeting take the names given (result 1),
	 * anyone else is left alone (result 2); the note's transcript then shows the new names.
	 */
	private Reply changeName(Caller caller, String meetingId, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		if (request == null || !(request.get("change_name_users") instanceof ArrayNode users) || users.isEmpty()) {
			return this.replies.paramError();
		}
		synchronized (this.meetings) {
			StoredMeeting meeting = this.meetings.find(meetingId);
			Reply error = caller.isApp() ? this.rules.stateError(caller, meeting)
					: this.rules.inMeetingError(caller, meeting);
			if (error != null) {
				return error;
			}
			ObjectNode data = this.replies.object();
			ArrayNode results = data.putArray("results");
			for (JsonNode user : users) {
				String userId = user.path("id").asString("");
				String name = user.path("in_meeting_name").asString("");
				Participant participant = meeting.participants.get(userId);
				boolean renamed = participant != null && participant.status == StoredMeeting.IN_MEETING
						&& !name.isBlank();
				if (renamed) {
					participant.inMeetingName = name;
				}
				results.addObject()
					.put("id", userId)
					.put("user_type", user.path("user_type").asInt(1))
					.put("result", renamed ? 1 : 2);
			}
			return this.replies.success(data);
		}
	}


	/** {@code GET /meetings/:meeting_id}, and the active meeting of a reservation. */
	private Reply get(Caller caller, String meetingId, Map<String, List<String>> query) {
		StoredMeeting meeting = this.meetings.find(meetingId);
		Reply error = this.rules.readError(caller, meeting, 121004);
		if (error != null) {
			return error;
		}
		ObjectNode data = this.replies.object();
		if ("1".equals(first(query, "query_mode"))) {
			data.putObject("related_artifacts")
				.put("note_doc_token", (meeting.status == StoredMeeting.ENDED) ? "doccn" + meeting.id : "")
				.put("verbatim_doc_token", (meeting.status == StoredMeeting.ENDED) ? "doccnv" + meeting.id : "");
			return this.replies.success(data);
		}
		boolean ability = "true".equals(first(query, "with_meeting_ability")) && caller.isApp();
		data.set("meeting", meeting.view(this.clock, "true".equals(first(query, "with_participants")), ability));
		return this.replies.success(data);
	}

	/** {@code GET /meetings/list_by_no}: the meetings of a number started in a range, 20 a page unless asked. */
	private Reply listByNo(Caller caller, Map<String, List<String>> query) {
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
			return this.replies.paramError();
		}
		if (meetingNo == null || start == null || end == null || !start.isBefore(end) || pageSize < 1
				|| pageSize > MAX_PAGE_SIZE || offset < 0) {
			return this.replies.paramError();
		}
		Instant oldest = this.clock.instant().minus(RETENTION);
		List<StoredMeeting> found = this.meetings.all()
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
	private Reply invite(Caller caller, String meetingId, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		if (request == null || !(request.get("invitees") instanceof ArrayNode invitees) || invitees.isEmpty()
				|| invitees.size() > MAX_INVITEES) {
			return this.replies.paramError();
		}
		synchronized (this.meetings) {
			StoredMeeting meeting = this.meetings.find(meetingId);
			Reply error = (caller.isApp()) ? this.rules.noPermission() : this.rules.inMeetingError(caller, meeting);
			if (error != null) {
				return error;
			}
			ObjectNode data = this.replies.object();
			ArrayNode results = data.putArray("invite_results");
			for (JsonNode invitee : invitees) {
				String userId = invitee.path("id").asString("");
				Participant participant = meeting.participants.get(userId);
				boolean invitable = !userId.isEmpty()
						&& (participant == null || participant.status != StoredMeeting.IN_MEETING);
				if (invitable) {
					meeting.participant(userId).status = StoredMeeting.CALLING;
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
	private Reply kickout(Caller caller, String meetingId, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		if (request == null || !(request.get("kickout_users") instanceof ArrayNode users) || users.isEmpty()) {
			return this.replies.paramError();
		}
		List<ObjectNode> pushed = new ArrayList<>();
		StoredMeeting meeting = this.meetings.find(meetingId);
		ObjectNode data = this.replies.object();
		synchronized (this.meetings) {
			Reply error = (!caller.isApp()) ? this.rules.noPermission() : this.rules.stateError(caller, meeting);
			if (error != null) {
				return error;
			}
			ArrayNode results = data.putArray("kickout_results");
			for (JsonNode user : users) {
				String userId = user.path("id").asString("");
				Participant participant = meeting.participants.get(userId);
				boolean removed = participant != null && participant.status == StoredMeeting.IN_MEETING;
				if (removed) {
					if (userId.equals(meeting.sharer)) {
						pushed.add(MeetingEvents.event("vc.meeting.share_ended_v1", meeting, userId, false));
						meeting.sharer = null;
					}
					participant.leave(this.clock.instant());
					pushed.add(MeetingEvents.leave(meeting, participant, meeting.hostId, 3));
				}
				results.addObject()
					.put("id", userId)
					.put("user_type", user.path("user_type").asInt(1))
					.put("result", removed ? 1 : 2);
			}
		}
		this.meetings.events().push(meeting.tenantKey, pushed);
		return this.replies.success(data);
	}

	/** {@code PATCH /meetings/:meeting_id/set_host}: compare and set; a user caller must be the host. */
	private Reply setHost(Caller caller, String meetingId, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		String newHost = (request != null) ? request.path("host_user").path("id").asString("") : "";
		if (newHost.isEmpty()) {
			return this.replies.paramError();
		}
		synchronized (this.meetings) {
			StoredMeeting meeting = this.meetings.find(meetingId);
			Reply error = caller.isApp() ? this.rules.stateError(caller, meeting)
					: this.rules.hostError(caller, meeting);
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
			if (target == null || target.status != StoredMeeting.IN_MEETING) {
				return this.replies.error(400, 122004, "target user not in meeting");
			}
			meeting.hostId = newHost;
			ObjectNode data = this.replies.object();
			data.putObject("host_user").put("id", newHost).put("user_type", 1);
			return this.replies.success(data);
		}
	}

	/** {@code PATCH /meetings/:meeting_id/end}: the host ends it; user access token only. */
	private Reply end(Caller caller, String meetingId) {
		StoredMeeting meeting = this.meetings.find(meetingId);
		List<ObjectNode> pushed;
		synchronized (this.meetings) {
			Reply error = caller.isApp() ? this.rules.noPermission() : this.rules.hostError(caller, meeting);
			if (error != null) {
				return error;
			}
			pushed = this.meetings.endNow(meeting, caller.userId());
		}
		this.meetings.events().push(meeting.tenantKey, pushed);
		return this.replies.success(this.replies.object());
	}

}
