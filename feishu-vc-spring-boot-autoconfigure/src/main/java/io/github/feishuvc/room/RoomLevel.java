package io.github.feishuvc.room;

import java.util.List;

import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * A level of the tree rooms are arranged in, such as a building or a floor ({@code room_level}). A tenant's root
 * level is {@link RoomLevelOperations#ROOT}.
 *
 * @param roomLevelId the level's id ({@code omb_...})
 * @param name its name
 * @param parentId the level above it
 * @param path the ids of the levels above it
 * @param hasChild whether levels hang below it
 * @param customGroupId the tenant's own id of the level
 */
public record RoomLevel(@Nullable String roomLevelId, @Nullable String name, @Nullable String parentId,
		List<String> path, @Nullable Boolean hasChild, @Nullable String customGroupId) {

	/**
	 * Create a level, its path immutable and without nulls.
	 * @param roomLevelId the level's id ({@code omb_...})
	 * @param name its name
	 * @param parentId the level above it
	 * @param path the ids of the levels above it
	 * @param hasChild whether levels hang below it
	 * @param customGroupId the tenant's own id of the level
	 */
	public RoomLevel {
		path = Lists.immutable(path);
	}

}
