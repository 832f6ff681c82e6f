package io.github.feishuvc.meeting.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A meeting event of the platform, typed: one record per event type, published as a Spring application event beside
 * the raw {@link io.github.feishuvc.events.FeishuEvent}. Listen to one type ({@code @EventListener void
 * on(MeetingEndedEvent event)}) or to all ({@code on(MeetingEvent event)}). The family is open: the platform adds
 * events, and a later version of the starter their records, so a {@code switch} over the types needs a
 * {@code default} branch.
 *
 * <p>The platform sends the {@code vc.meeting.*} events (but the {@code all_meeting_*} ones) only for meetings reserved
 * through the open platform, which are the meetings this starter reserves; the {@code all_meeting_*} events come for
 * every meeting of the tenant, with the {@code vc:meeting.all_meeting:readonly} scope, and
 * {@link ParticipantMeetingEndedEvent} for any meeting a user who subscribed joined.
 */
public interface MeetingEvent {

	/**
	 * The event's id ({@code header.event_id}), the same however often the platform delivers it.
	 * @return the id
	 */
	String eventId();

	/**
	 * The tenant the event happened in; with a store app, act on it with {@code forTenant(tenantKey)}.
	 * @return the tenant key, if the event names one
	 */
	@Nullable String tenantKey();

	/**
	 * When the platform made the event ({@code header.create_time}).
	 * @return the time, if the event says
	 */
	@Nullable Instant createTime();

	/**
	 * The meeting the event is about.
	 * @return the meeting
	 */
	EventMeeting meeting();

	/**
	 * Who did what the event tells of (the recording-ready event names nobody).
	 * @return the operator, if the event names one
	 */
	@Nullable EventUser operator();

}
