package io.github.feishuvc.test;

import java.time.Clock;
import java.util.List;

import io.github.feishuvc.internal.RecordingApis;
import io.github.feishuvc.test.Replies.Reply;
import io.github.feishuvc.test.StoredMeeting.RecordingState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The recording endpoints of the emulated platform, over the meetings of {@link EmulatedMeetings} and under its lock,
 * with the rules of {@link MeetingRules}:
 * start and stop by the host, the recording once the meeting ended and it was processed ({@code 124002} before), and
 * its permissions by its owner.
 */
final class EmulatedRecordings implements VcRoutes.Endpoints {

	private final EmulatedMeetings meetings;

	private final MeetingRules rules;

	private final Replies replies;

	private final Clock clock;

	private final EventSink events;

	EmulatedRecordings(EmulatedMeetings meetings, MeetingRules rules, Replies replies, Clock clock, EventSink events) {
		this.meetings = meetings;
		this.rules = rules;
		this.replies = replies;
		this.clock = clock;
		this.events = events;
	}

	/** Serves the recording endpoints. */
	@Override
	public void serve(VcRoutes routes) {
		routes.handle(RecordingApis.GET, (caller, call) -> recording(caller, call.path("meeting_id")));
		routes.handle(RecordingApis.START,
				(caller, call) -> startRecording(caller, call.path("meeting_id"), call.body()));
		routes.handle(RecordingApis.STOP, (caller, call) -> stopRecording(caller, call.path("meeting_id")));
		routes.handle(RecordingApis.SET_PERMISSION,
				(caller, call) -> setPermission(caller, call.path("meeting_id"), call.body()));
	}

	/** {@code GET /meetings/:meeting_id/recording}: once the meeting ended and the recording is ready. */
	Reply recording(Caller caller, String meetingId) {
		StoredMeeting meeting = this.meetings.find(meetingId);
		Reply error = this.rules.readError(caller, meeting, 122002);
		if (error != null) {
			return error;
		}
		synchronized (this.meetings) {
			if (meeting.recording == RecordingState.NONE) {
				return this.replies.error(404, 121004, "data not exist");
			}
			if (meeting.recording != RecordingState.READY) {
				return this.replies.error(400, 124002, "record processing");
			}
			ObjectNode data = this.replies.object();
			data.putObject("recording")
				.put("id", meeting.recordingId)
				.put("meeting_id", meeting.id)
				.put("url", meeting.recordingUrl)
				.put("duration", Long.toString(meeting.recorded.toMillis()));
			return this.replies.success(data);
		}
	}

	/** {@code PATCH /meetings/:meeting_id/recording/start}: the host starts recording; user access token only. */
	Reply startRecording(Caller caller, String meetingId, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		JsonNode timezone = (request != null) ? request.get("timezone") : null;
		if (body.length > 0 && (request == null
				|| (timezone != null && (!timezone.isInt() || timezone.intValue() < -12 || timezone.intValue() > 12)))) {
			return this.replies.paramError();
		}
		StoredMeeting meeting = this.meetings.find(meetingId);
		synchronized (this.meetings) {
			Reply error = this.rules.hostError(caller, meeting);
			if (error == null && meeting.recording == RecordingState.RECORDING) {
				error = this.rules.statusUnexpected();
			}
			if (error != null) {
				return error;
			}
			meeting.startRecording(this.clock.instant());
		}
		this.events.push(meeting.tenantKey,
				List.of(MeetingEvents.event("vc.meeting.recording_started_v1", meeting, caller.userId(), false)));
		return this.replies.success(this.replies.object());
	}

	/** {@code PATCH /meetings/:meeting_id/recording/stop}: the host stops recording; user access token only. */
	Reply stopRecording(Caller caller, String meetingId) {
		StoredMeeting meeting = this.meetings.find(meetingId);
		synchronized (this.meetings) {
			Reply error = this.rules.hostError(caller, meeting);
			if (error == null && meeting.recording != RecordingState.RECORDING) {
				error = this.rules.statusUnexpected();
			}
			if (error != null) {
				return error;
			}
			meeting.stopRecording(this.clock.instant());
		}
		this.events.push(meeting.tenantKey,
				List.of(MeetingEvents.event("vc.meeting.recording_ended_v1", meeting, caller.userId(), false)));
		return this.replies.success(this.replies.object());
	}

	/** {@code PATCH /meetings/:meeting_id/recording/set_permission}: the owner shares a ready recording. */
	Reply setPermission(Caller caller, String meetingId, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		if (request == null || !(request.get("permission_objects") instanceof ArrayNode objects) || objects.isEmpty()
				|| !validPermissionObjects(objects) || !request.path("action_type").asString("0").matches("[01]")) {
			return this.replies.paramError();
		}
		StoredMeeting meeting = this.meetings.find(meetingId);
		if (meeting == null) {
			return this.replies.error(404, 122002, "meeting not exist");
		}
		synchronized (this.meetings) {
			if (!caller.tenantKey().equals(meeting.tenantKey) || !meeting.ownerId.equals(caller.userId())) {
				return this.rules.noPermission();
			}
			if (meeting.recording != RecordingState.READY) {
				return this.replies.error(404, 121004, "data not exist");
			}
			boolean revoke = request.path("action_type").asInt(0) == 1;
			for (JsonNode object : objects) {
				String key = object.path("type").asInt() + ":" + object.path("id").asString("");
				if (revoke) {
					meeting.sharedWith.remove(key);
				}
				else {
					meeting.sharedWith.put(key, object.path("permission").asInt());
				}
			}
		}
		return this.replies.success(this.replies.object());
	}

	/** Who a ready recording is shared with, as {@code type:id}. */
	List<String> sharedWith(String meetingId) {
		synchronized (this.meetings) {
			StoredMeeting meeting = this.meetings.find(meetingId);
			return (meeting != null) ? List.copyOf(meeting.sharedWith.keySet()) : List.of();
		}
	}

	private static boolean validPermissionObjects(ArrayNode objects) {
		for (JsonNode object : objects) {
			int type = object.path("type").asInt(0);
			boolean named = !object.path("id").asString("").isEmpty();
			boolean valid = object.path("permission").asInt(0) == 1 && ((type == 1 || type == 2) ? named
					: (type == 3 || type == 4) && !named);
			if (!valid) {
				return false;
			}
		}
		return true;
	}

}
