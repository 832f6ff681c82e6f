package io.github.feishuvc.room;

import java.util.List;

import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * What {@link RoomOperations#search} looks for: rooms by the tenant's own ids, or by a keyword (optionally within a
 * level, optionally matching the levels' names too). The platform answers only with the rooms the user may book.
 *
 * @param customRoomIds the tenant's own ids of the rooms; when given, the rest is ignored
 * @param keyword a word of the rooms' names
 * @param roomLevelId the level to search within
 * @param searchLevelName whether the keyword also matches the names of the levels the rooms are in
 */
public record RoomSearchRequest(List<String> customRoomIds, @Nullable String keyword, @Nullable String roomLevelId,
		@Nullable Boolean searchLevelName) {

	/**
	 * Create a request; the factories read better.
	 * @param customRoomIds the tenant's own ids of the rooms; when given, the rest is ignored
	 * @param keyword a word of the rooms' names
	 * @param roomLevelId the level to search within
	 * @param searchLevelName whether the keyword also matches the names of the levels the rooms are in
	 */
	public RoomSearchRequest {
		customRoomIds = Lists.immutable(customRoomIds);
	}

	/**
	 * The rooms whose names have a keyword.
	 * @param keyword the keyword
	 * @return the request
	 */
	public static RoomSearchRequest keyword(String keyword) {
		return new RoomSearchRequest(List.of(), keyword, null, null);
	}

	/**
	 * The rooms of the tenant's own ids.
	 * @param customRoomIds the ids, at least one
	 * @return the request
	 */
	public static RoomSearchRequest customRoomIds(List<String> customRoomIds) {
		return new RoomSearchRequest(customRoomIds, null, null, null);
	}

	/**
	 * The same search within a level.
	 * @param roomLevelId the level's id
	 * @return the request
	 */
	public RoomSearchRequest inLevel(String roomLevelId) {
		return new RoomSearchRequest(this.customRoomIds, this.keyword, roomLevelId, this.searchLevelName);
	}

	/**
	 * The same search, the keyword matching the names of the rooms' levels too.
	 * @return the request
	 */
	public RoomSearchRequest matchingLevelNames() {
		return new RoomSearchRequest(this.customRoomIds, this.keyword, this.roomLevelId, true);
	}

}
