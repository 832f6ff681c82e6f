package io.github.feishuvc.agent.event;

import java.time.Instant;
import java.util.List;

import io.github.feishuvc.agent.MeetingActivity;
import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * {@value #TYPE}: what happened in a meeting the agent is in (people joined or left, said something, chatted, shared a
 * document), in a batch: the push counterpart of {@code MeetingAgentOperations.events}. A subtitle may come again,
 * revised, under its sentence id.
 *
 * @param eventId the event's id
 * @param tenantKey the tenant the event happened in, if named
 * @param createTime when the platform made the event
 * @param activities what happened, in order (1 to 1000)
 */
public record AgentMeetingActivityEvent(String eventId, @Nullable String tenantKey, @Nullable Instant createTime,
		List<MeetingActivity> activities) implements AgentEvent {

	/** The platform's type of this event. */
	public static final String TYPE = "vc.bot.meeting_activity_v1";

	/**
	 * Create the event; the list is copied.
	 * @param eventId the event's id
	 * @param tenantKey the tenant the event happened in, if named
	 * @param createTime when the platform made the event
	 * @param activities what happened, in order
	 */
	public AgentMeetingActivityEvent {
		activities = Lists.immutable(activities);
	}

}
