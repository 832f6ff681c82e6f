package io.github.feishuvc.test;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.feishuvc.test.StoredMeeting.Participant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.envelope;
import static io.github.feishuvc.test.EmulatedJson.userIds;

/**
 * The {@code vc.meeting.*} events a meeting's life pushes, as the platform shows the meeting and its people in them,
 * and which of them the platform sends at all: of a meeting not reserved through the API, only those of every meeting
 * ({@code all_meeting_*}) and of subscribed users ({@code participant_meeting_*}).
 */
final class MeetingEvents {

	private MeetingEvents() {
	}

	/** A meeting event: the meeting as events show it, and who did it. */
	static ObjectNode event(String eventType, StoredMeeting meeting, String operator, boolean withCalendar) {
		ObjectNode event = envelope(eventType);
		ObjectNode body = (ObjectNode) event.get("event");
		body.set("meeting", eventMeeting(meeting, withCalendar));
		body.set("operator", eventUser(meeting, operator));
		return event;
	}

	/** {@code vc.meeting.leave_meeting_v1} of a participant who left: 1 by themselves, 2 as it ended, 3 removed. */
	static ObjectNode leave(StoredMeeting meeting, Participant participant, String operator, int reason) {
		ObjectNode event = event("vc.meeting.leave_meeting_v1", meeting, operator, false);
		((ObjectNode) event.get("event")).put("leave_reason", reason).set("leave_user", eventUser(meeting, participant.id));
		return event;
	}

	/** {@code vc.meeting.recording_ready_v1}: the meeting reduced to what the event carries, and the recording. */
	static ObjectNode recordingReady(StoredMeeting meeting) {
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

	/** The events of a sink the platform sends of the meetings it finds by id. */
	static EventSink visible(EventSink sink, Function<String, @Nullable StoredMeeting> meetings) {
		return new Visible(sink, meetings);
	}

	private static ObjectNode eventMeeting(StoredMeeting meeting, boolean withCalendar) {
		ObjectNode node = JsonNodeFactory.instance.objectNode()
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

	private static ObjectNode eventUser(StoredMeeting meeting, String userId) {
		ObjectNode user = JsonNodeFactory.instance.objectNode();
		user.set("id", userIds(userId));
		user.put("user_role", userId.equals(meeting.hostId) ? 2 : 1).put("user_type", 1);
		return user;
	}

	/** A sink that lets through only the events the platform sends. */
	private static final class Visible implements EventSink {

		private final EventSink sink;

		private final Function<String, @Nullable StoredMeeting> meetings;

		Visible(EventSink sink, Function<String, @Nullable StoredMeeting> meetings) {
			this.sink = sink;
			this.meetings = meetings;
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
			StoredMeeting meeting = this.meetings.apply(event.path("event").path("meeting").path("id").asString(""));
			return meeting == null || meeting.viaApi || type.startsWith("vc.meeting.all_meeting_")
					|| type.startsWith("vc.meeting.participant_meeting_");
		}

	}

}
