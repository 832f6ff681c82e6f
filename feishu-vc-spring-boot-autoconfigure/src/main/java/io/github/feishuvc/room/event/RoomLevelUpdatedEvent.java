package io.github.feishuvc.room.event;

import java.time.Instant;

import io.github.feishuvc.room.RoomLevel;
import org.jspecify.annotations.Nullable;

/**
 * {@value #TYPE}: a level was renamed or moved.
 *
 * @param eventId the event's id
 * @param tenantKey the tenant the event happened in, if named
 * @param createTime when the platform made the event
 * @param roomLevel the level as it is now
 */
public record RoomLevelUpdatedEvent(String eventId, @Nullable String tenantKey,
		@Nullable Instant createTime, RoomLevel roomLevel) implements RoomEvent {

	/** The platform's type of this event. */
	public static final String TYPE = "vc.room_level.updated_v1";

}
