package io.github.feishuvc.minutes.event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * {@value #TYPE}: a minute of subscribed users was generated, of a meeting they took part in or a recording or upload
 * of theirs. The platform sends it for users who subscribed ({@code MinuteOperations.subscribe()} as that user) to
 * apps that added the event in the developer console. Read the minute as one of {@link #subscriberIds()}
 * ({@code MinuteOperations.get(minuteToken)}); its artifacts may still answer {@code 2091003} (not ready) for a while.
 *
 * @param eventId the event's id
 * @param tenantKey the tenant the event happened in, if named
 * @param createTime when the platform made the event
 * @param minuteToken the minute's token
 * @param minuteSource where it came from; only a minute of a meeting has one
 * @param subscriberIds the subscribed users the minute concerns (at most 500)
 */
public record MinuteGeneratedEvent(String eventId, @Nullable String tenantKey, @Nullable Instant createTime,
		String minuteToken, @Nullable Source minuteSource, List<MinuteUserIds> subscriberIds) implements MinuteEvent {

	/** The platform's type of this event. */
	public static final String TYPE = "minutes.minute.generated_v1";

	/** The source type of a minute of a meeting. */
	public static final String MEETING_SOURCE = "meeting";

	/**
	 * Create the event; the list is copied.
	 * @param eventId the event's id
	 * @param tenantKey the tenant the event happened in, if named
	 * @param createTime when the platform made the event
	 * @param minuteToken the minute's token
	 * @param minuteSource where it came from; only a minute of a meeting has one
	 * @param subscriberIds the subscribed users the minute concerns (at most 500)
	 */
	public MinuteGeneratedEvent {
		subscriberIds = Lists.immutable(subscriberIds);
	}

	/**
	 * The meeting the minute was made of: the only place the platform says it.
	 * @return the meeting's id, empty for a minute of a recording or an upload
	 */
	public Optional<String> meetingId() {
		return (this.minuteSource != null && MEETING_SOURCE.equals(this.minuteSource.sourceType()))
				? Optional.ofNullable(this.minuteSource.sourceEntityId()) : Optional.empty();
	}

	/**
	 * Where a minute came from ({@code minute_source}).
	 *
	 * @param sourceType such as {@code meeting}
	 * @param sourceEntityId the source's id: the meeting's, for a meeting
	 */
	public record Source(@Nullable String sourceType, @Nullable String sourceEntityId) {
	}

}
