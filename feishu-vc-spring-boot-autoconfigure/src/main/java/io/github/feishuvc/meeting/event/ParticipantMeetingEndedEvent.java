package io.github.feishuvc.meeting.event;

import java.time.Instant;
import java.util.List;

import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * {@value #TYPE}: a meeting that subscribed users joined ended, whether or not it was reserved through the API. The
 * platform sends it for users who subscribed ({@code MeetingOperations.subscribe()} as that user) to apps that added
 * the event in the developer console; {@link #subscriberIds()} says which of them the meeting concerns.
 *
 * @param eventId the event's id
 * @param tenantKey the tenant the event happened in, if named
 * @param createTime when the platform made the event
 * @param meeting the meeting
 * @param operator who ended it
 * @param subscriberIds the subscribed users who joined it (at most 500)
 */
public record ParticipantMeetingEndedEvent(String eventId, @Nullable String tenantKey, @Nullable Instant createTime,
		EventMeeting meeting, @Nullable EventUser operator, List<EventUserIds> subscriberIds) implements MeetingEvent {

	/** The platform's type of this event. */
	public static final String TYPE = "vc.meeting.participant_meeting_ended_v1";

	/**
	 * Create the event; the list is copied.
	 * @param eventId the event's id
	 * @param tenantKey the tenant the event happened in, if named
	 * @param createTime when the platform made the event
	 * @param meeting the meeting
	 * @param operator who ended it
	 * @param subscriberIds the subscribed users who joined it (at most 500)
	 */
	public ParticipantMeetingEndedEvent {
		subscriberIds = Lists.immutable(subscriberIds);
	}

}
