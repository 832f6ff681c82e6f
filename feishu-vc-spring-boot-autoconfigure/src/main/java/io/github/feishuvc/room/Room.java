package io.github.feishuvc.room;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * A meeting room ({@code room}).
 *
 * @param roomId the room's id ({@code omm_...})
 * @param name its name
 * @param capacity how many people it holds
 * @param description what it is
 * @param displayId the id shown to people, such as {@code LM134742334}
 * @param customRoomId the tenant's own id of the room
 * @param roomLevelId the level it is in
 * @param path the ids of the levels above it
 * @param roomStatus whether it is enabled, and its disablement
 * @param devices its facilities
 */
public record Room(@Nullable String roomId, @Nullable String name, @Nullable Integer capacity,
		@Nullable String description, @Nullable String displayId, @Nullable String customRoomId,
		@Nullable String roomLevelId, List<String> path, @Nullable RoomStatus roomStatus,
		@JsonProperty("device") List<RoomDevice> devices) {

	/**
	 * Create a room, its lists immutable and without nulls.
	 * @param roomId the room's id ({@code omm_...})
	 * @param name its name
	 * @param capacity how many people it holds
	 * @param description what it is
	 * @param displayId the id shown to people, such as {@code LM134742334}
	 * @param customRoomId the tenant's own id of the room
	 * @param roomLevelId the level it is in
	 * @param path the ids of the levels above it
	 * @param roomStatus whether it is enabled, and its disablement
	 * @param devices its facilities
	 */
	public Room {
		path = Lists.immutable(path);
		devices = Lists.immutable(devices);
	}

}
