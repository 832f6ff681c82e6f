package io.github.feishuvc.meeting.event;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An event of a user's audio recording (录音, {@code vc.recording.*}), typed, published as a Spring application event
 * beside the raw {@link io.github.feishuvc.events.FeishuEvent}. An audio recording is made on a Feishu recorder (the
 * platform names its source {@code recording_bean}), not a meeting's cloud recording (录制), whose events are
 * {@link RecordingStartedEvent} and its siblings. The platform sends these to apps that added them in the developer
 * console, for users who subscribed ({@code MeetingOperations.subscribeAudioRecordings()} as that user). The family is
 * open: a {@code switch} over the types needs a {@code default} branch.
 */
public interface AudioRecordingEvent {

	/** The source of every audio recording the platform documents: a Feishu recorder. */
	String RECORDING_BEAN = "recording_bean";

	/**
	 * The event's id ({@code header.event_id}), the same however often the platform delivers it.
	 * @return the id
	 */
	String eventId();

	/**
	 * The tenant the event happened in.
	 * @return the tenant key, if the event names one
	 */
	@Nullable String tenantKey();

	/**
	 * When the platform made the event ({@code header.create_time}).
	 * @return the time, if the event says
	 */
	@Nullable Instant createTime();

	/**
	 * The recording session, the same in its started, transcript and ended events ({@code unique_key}).
	 * @return the key
	 */
	String uniqueKey();

	/**
	 * Where the recording was made: {@value #RECORDING_BEAN} today; the platform's CLI warns that more may come.
	 * @return the source, if the event says
	 */
	@Nullable String source();

	/**
	 * The subscribed users the recording concerns.
	 * @return their ids
	 */
	List<EventUserIds> subscriberIds();

}
