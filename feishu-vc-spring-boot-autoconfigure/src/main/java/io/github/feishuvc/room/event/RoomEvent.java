package io.github.feishuvc.room.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A room event of the platform, typed: one record per event type, published as a Spring application event beside the
 * raw {@link io.github.feishuvc.events.FeishuEvent}. Listen to one type ({@code @EventListener void
 * on(RoomCreatedEvent event)}) or to all ({@code on(RoomEvent event)}). The family is open: a {@code switch} over the
 * types needs a {@code default} branch. The platform sends them for changes made by any client, the app's own
 * included, with the {@code vc:room} or {@code vc:room:readonly} scope.
 */
public interface RoomEvent {

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

}
