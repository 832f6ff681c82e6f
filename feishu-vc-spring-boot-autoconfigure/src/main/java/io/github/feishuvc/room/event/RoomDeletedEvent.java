package io.github.feishuvc.room.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * {@value #TYPE}: a room was deleted.
 *
 * @param eventId the event's id
 * @param tenantKey the tenant the event happened in, if named
 * @param createTime when the platform made the event
 * @param roomId the room's id
 */
public record RoomDeletedEvent(String eventId, @Nullable String tenantKey,
		@Nullable Instant createTime, String roomId) implements RoomEvent {

	/** The platform's type of this event. */
	public static final String TYPE = "vc.room.deleted_v1";

}
