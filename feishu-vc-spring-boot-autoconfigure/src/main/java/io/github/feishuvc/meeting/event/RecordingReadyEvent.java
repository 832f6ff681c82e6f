package io.github.feishuvc.meeting.event;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * {@value #TYPE}: the recording of a meeting reserved through the open platform is ready; it can now be read and
 * shared ({@link io.github.feishuvc.meeting.RecordingOperations}). Its meeting has fewer fields (no host, times or
 * calendar event) and it names no operator.
 *
 * @param eventId the event's id
 * @param tenantKey the tenant the event happened in, if named
 * @param createTime when the platform made the event
 * @param meeting the meeting
 * @param operator who did it: the platform names nobody
 * @param url where to watch the recording
 * @param duration how long it is (the platform sends milliseconds)
 */
public record RecordingReadyEvent(String eventId, @Nullable String tenantKey, @Nullable Instant createTime,
		EventMeeting meeting, @Nullable EventUser operator, @Nullable String url, @Nullable Duration duration)
		implements MeetingEvent {

	/** The platform's type of this event. */
	public static final String TYPE = "vc.meeting.recording_ready_v1";

}
