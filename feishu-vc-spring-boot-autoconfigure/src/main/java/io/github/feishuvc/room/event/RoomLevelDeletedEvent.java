package io.github.feishuvc.room.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * {@value #TYPE}: a level was deleted.
 *
 * @param eventId the event's id
 * @param tenantKey the tenant the event happened in, if named
 * @param createTime when the platform made the event
 * @param roomLevelId the level's id
 * @param deleteChild whether what it held was deleted with it
 */
public record RoomLevelDeletedEvent(String eventId, @Nullable String tenantKey,
		@Nullable Instant createTime, String roomLevelId, boolean deleteChild) implements RoomEvent {

	/** The platform's type of this event. */
	public static final String TYPE = "vc.room_level.deleted_v1";

}
