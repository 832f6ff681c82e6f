package io.github.feishuvc.room.event;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.feishuvc.internal.Lists;
import io.github.feishuvc.room.RoomDevice;
import org.jspecify.annotations.Nullable;

/**
 * A room as its events show it ({@code room_event}): a {@link io.github.feishuvc.room.Room} whose contacts carry every
 * kind of user id.
 *
 * @param roomId the room's id
 * @param name its name
 * @param capacity how many people it holds
 * @param description what it is
 * @param displayId the id shown to people
 * @param customRoomId the tenant's own id of the room
 * @param roomLevelId the level it is in
 * @param path the ids of the levels above it
 * @param roomStatus whether it is enabled, and its disablement
 * @param devices its facilities
 */
public record EventRoom(@Nullable String roomId, @Nullable String name, @Nullable Integer capacity,
		@Nullable String description, @Nullable String displayId, @Nullable String customRoomId,
		@Nullable String roomLevelId, List<String> path, @Nullable EventRoomStatus roomStatus,
		@JsonProperty("device") List<RoomDevice> devices) {

	/**
	 * Create a room, its lists immutable and without nulls.
	 * @param roomId the room's id
	 * @param name its name
	 * @param capacity how many people it holds
	 * @param description what it is
	 * @param displayId the id shown to people
	 * @param customRoomId the tenant's own id of the room
	 * @param roomLevelId the level it is in
	 * @param path the ids of the levels above it
	 * @param roomStatus whether it is enabled, and its disablement
	 * @param devices its facilities
	 */
	public EventRoom {
		path = Lists.immutable(path);
		devices = Lists.immutable(devices);
	}

}
