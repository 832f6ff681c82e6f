package io.github.feishuvc.meeting.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * {@value #TYPE}: recording of a meeting reserved through the open platform ended; the recording is ready later
 * ({@link RecordingReadyEvent}).
 *
 * @param eventId the event's id
 * @param tenantKey the tenant the event happened in, if named
 * @param createTime when the platform made the event
 * @param meeting the meeting
 * @param operator who did it
 */
public record RecordingEndedEvent(String eventId, @Nullable String tenantKey, @Nullable Instant createTime,
		EventMeeting meeting, @Nullable EventUser operator) implements MeetingEvent {

	/** The platform's type of this event. */
	public static final String TYPE = "vc.meeting.recording_ended_v1";

}
