package io.github.feishuvc.agent.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A meeting-agent event of the platform ({@code vc.bot.*}), typed, published as a Spring application event beside the
 * raw {@link io.github.feishuvc.events.FeishuEvent}: listen to one type ({@code @EventListener void
 * on(AgentInvitedEvent event)}) or to all ({@code on(AgentEvent event)}). The platform sends them to apps that added
 * them in the developer console (there is no subscription API) and are in the agents' gray release. The family is
 * open: a {@code switch} over the types needs a {@code default} branch.
 */
public interface AgentEvent {

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

}
