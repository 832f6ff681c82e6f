package io.github.feishuvc.agent.event;

import java.time.Instant;

import io.github.feishuvc.agent.AgentMeeting;
import org.jspecify.annotations.Nullable;

/**
 * {@value #TYPE}: a meeting the agent was in ended; the agent is out of it, no leave is needed.
 *
 * @param eventId the event's id
 * @param tenantKey the tenant the event happened in, if named
 * @param createTime when the platform made the event
 * @param meeting the meeting
 */
public record AgentMeetingEndedEvent(String eventId, @Nullable String tenantKey, @Nullable Instant createTime,
		AgentMeeting meeting) implements AgentEvent {

	/** The platform's type of this event. */
	public static final String TYPE = "vc.bot.meeting_ended_v1";

}
