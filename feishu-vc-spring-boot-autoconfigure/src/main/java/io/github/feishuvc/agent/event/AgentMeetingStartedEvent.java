package io.github.feishuvc.agent.event;

import java.time.Instant;

import io.github.feishuvc.agent.AgentMeeting;
import org.jspecify.annotations.Nullable;

/**
 * {@value #TYPE}: a meeting the agent is concerned with started (the platform's page: "when the meeting starts, the
 * system pushes this event to the subscriber"; which meetings is not documented).
 *
 * @param eventId the event's id
 * @param tenantKey the tenant the event happened in, if named
 * @param createTime when the platform made the event
 * @param meeting the meeting
 */
public record AgentMeetingStartedEvent(String eventId, @Nullable String tenantKey, @Nullable Instant createTime,
		AgentMeeting meeting) implements AgentEvent {

	/** The platform's type of this event. */
	public static final String TYPE = "vc.bot.meeting_started_v1";

}
