package io.github.feishuvc.room.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * {@value #TYPE}: a room was changed.
 *
 * @param eventId the event's id
 * @param tenantKey the tenant the event happened in, if named
 * @param createTime when the platform made the event
 * @param room the room as it is now
 */
public record RoomUpdatedEvent(String eventId, @Nullable String tenantKey,
		@Nullable Instant createTime, EventRoom room) implements RoomEvent {

	/** The platform's type of this event. */
	public static final String TYPE = "vc.room.updated_v1";

}
