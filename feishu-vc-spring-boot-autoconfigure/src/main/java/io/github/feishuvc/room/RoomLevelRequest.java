package io.github.feishuvc.room;

import org.jspecify.annotations.Nullable;

/**
 * A level to create, or a level's new name and place ({@link RoomLevelOperations#create},
 * {@link RoomLevelOperations#update}): the platform takes both the name and the parent each time.
 *
 * @param name the level's name
 * @param parentId the level above it; the tenant's root is {@link RoomLevelOperations#ROOT}
 * @param customGroupId the tenant's own id of the level, if any
 */
public record RoomLevelRequest(String name, String parentId, @Nullable String customGroupId) {

	/**
	 * A level of a name under a parent.
	 * @param name the level's name
	 * @param parentId the level above it
	 * @return the request
	 */
	public static RoomLevelRequest of(String name, String parentId) {
		return new RoomLevelRequest(name, parentId, null);
	}

	/**
	 * The same level with the tenant's own id.
	 * @param customGroupId the id
	 * @return the request
	 */
	public RoomLevelRequest withCustomGroupId(String customGroupId) {
		return new RoomLevelRequest(this.name, this.parentId, customGroupId);
	}

}
