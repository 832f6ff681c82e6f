package io.github.feishuvc.meeting.event;

import java.time.Instant;
import java.util.List;

import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * {@value #TYPE}: a batch of an audio recording's live transcript was made. See {@link AudioRecordingEvent}.
 *
 * @param eventId the event's id
 * @param tenantKey the tenant the event happened in, if named
 * @param createTime when the platform made the event
 * @param uniqueKey the recording session
 * @param source where the recording was made
 * @param subscriberIds the subscribed users the recording concerns
 * @param transcriptItems what was said, in order
 */
public record AudioRecordingTranscriptEvent(String eventId, @Nullable String tenantKey, @Nullable Instant createTime,
		String uniqueKey, @Nullable String source, List<EventUserIds> subscriberIds,
		List<AudioTranscriptItem> transcriptItems) implements AudioRecordingEvent {

	/** The platform's type of this event. */
	public static final String TYPE = "vc.recording.recording_transcript_generated_v1";

	/**
	 * Create the event; the lists are copied.
	 * @param eventId the event's id
	 * @param tenantKey the tenant the event happened in, if named
	 * @param createTime when the platform made the event
	 * @param uniqueKey the recording session
	 * @param source where the recording was made
	 * @param subscriberIds the subscribed users the recording concerns
	 * @param transcriptItems what was said, in order
	 */
	public AudioRecordingTranscriptEvent {
		subscriberIds = Lists.immutable(subscriberIds);
		transcriptItems = Lists.immutable(transcriptItems);
	}

}
