package io.github.feishuvc.agent.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.feishuvc.agent.AgentMeeting;
import io.github.feishuvc.agent.AgentUser;
import io.github.feishuvc.agent.MeetingActivity;
import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.events.FeishuEventDecoder;
import io.github.feishuvc.internal.TypedEvents;
import org.jspecify.annotations.Nullable;

/**
 * Turns the {@code vc.bot.*} events into their {@link AgentEvent} records, as leniently as the API's answers: a user's
 * id as a string or an object of ids, the activity under its name or under the misspelt
 * {@code meeting_actitivty_items} reported once. An event without an id, a meeting event without its meeting, or an
 * activity event without activities does not decode.
 */
public final class AgentEventDecoder implements FeishuEventDecoder {

	/** The scopes the platform's console enables the agent events with (reported; no page lists them). */
	private static final List<String> SCOPES = List.of("vc:meeting.bot.join:write", "vc:meeting.meetingevent:read");

	private static final TypedEvents<Body, AgentEvent> EVENTS = new TypedEvents<>(Body.class, Map.of(
			AgentInvitedEvent.TYPE,
			(h, b) -> new AgentInvitedEvent(h.eventId(), h.tenantKey(), h.createdAt(), b.meeting(), b.bot(),
					b.inviter(), b.inviteTime(), b.callId()),
			AgentMeetingStartedEvent.TYPE,
			(h, b) -> new AgentMeetingStartedEvent(h.eventId(), h.tenantKey(), h.createdAt(), b.meeting()),
			AgentMeetingEndedEvent.TYPE,
			(h, b) -> new AgentMeetingEndedEvent(h.eventId(), h.tenantKey(), h.createdAt(), b.meeting()),
			AgentMeetingActivityEvent.TYPE,
			(h, b) -> new AgentMeetingActivityEvent(h.eventId(), h.tenantKey(), h.createdAt(), b.activities())),
			(type) -> SCOPES, "a meeting-agent event");

	/**
	 * The types this decoder knows.
	 * @return the event types
	 */
	public static Set<String> types() {
		return EVENTS.types();
	}

	/**
	 * The scopes of each type, any one of which the app needs for the platform to send it.
	 * @return the scopes by event type
	 */
	public static Map<String, List<String>> scopes() {
		return EVENTS.scopes();
	}

	@Override
	public @Nullable AgentEvent decode(FeishuEvent event) {
		boolean activity = AgentMeetingActivityEvent.TYPE.equals(event.type());
		return EVENTS.decode(event, (body) -> activity ? !body.activities().isEmpty()
				: body.meeting() != null && body.meeting().id() != null);
	}

	@Override
	public String toString() {
		return "AgentEventDecoder[" + EVENTS.types().size() + " types]";
	}

	/** The body of an agent event: the meeting events' fields and the activity's. */
	record Body(@Nullable AgentMeeting meeting, @Nullable AgentUser bot, @Nullable AgentUser inviter,
			@Nullable Instant inviteTime, @Nullable String callId,
			@Nullable List<MeetingActivity> meetingActivityItems,
			@Nullable List<MeetingActivity> meetingActitivtyItems) {

		List<MeetingActivity> activities() {
			List<MeetingActivity> items = (this.meetingActivityItems != null) ? this.meetingActivityItems
					: this.meetingActitivtyItems;
			return (items != null) ? items : List.of();
		}

	}

}
