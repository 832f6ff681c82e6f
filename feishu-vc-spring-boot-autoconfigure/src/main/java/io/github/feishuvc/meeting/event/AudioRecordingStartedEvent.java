package io.github.feishuvc.meeting.event;

import java.time.Instant;
import java.util.List;

import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * {@value #TYPE}: an audio recording started. See {@link AudioRecordingEvent}.
 *
 * @param eventId the event's id
 * @param tenantKey the tenant the event happened in, if named
 * @param createTime when the platform made the event
 * @param uniqueKey the recording session
 * @param source where the recording was made
 * @param subscriberIds the subscribed users the recording concerns
 */
public record AudioRecordingStartedEvent(String eventId, @Nullable String tenantKey, @Nullable Instant createTime,
		String uniqueKey, @Nullable String source, List<EventUserIds> subscriberIds)
		implements AudioRecordingEvent {

	/** The platform's type of this event. */
	public static final String TYPE = "vc.recording.recording_started_v1";

	/**
	 * Create the event; the list is copied.
	 * @param eventId the event's id
	 * @param tenantKey the tenant the event happened in, if named
	 * @param createTime when the platform made the event
	 * @param uniqueKey the recording session
	 * @param source where the recording was made
	 * @param subscriberIds the subscribed users the recording concerns
		 */
	public AudioRecordingStartedEvent {
		subscriberIds = Lists.immutable(subscriberIds);
	}

}
