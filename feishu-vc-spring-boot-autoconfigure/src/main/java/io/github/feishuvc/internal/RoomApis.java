package io.github.feishuvc.internal;

import java.util.List;

import io.github.feishuvc.core.RateLimit;
import io.github.feishuvc.internal.FeishuApi.Meaning;
import io.github.feishuvc.internal.FeishuApi.Token;
import io.github.feishuvc.internal.RoomRequests.DeleteLevel;
import io.github.feishuvc.internal.RoomRequests.MgetLevels;
import io.github.feishuvc.internal.RoomRequests.MgetRooms;
import io.github.feishuvc.room.Room;
import io.github.feishuvc.room.RoomCreateRequest;
import io.github.feishuvc.room.RoomLevel;
import io.github.feishuvc.room.RoomLevelRequest;
import io.github.feishuvc.room.RoomReservation;
import io.github.feishuvc.room.RoomSearchRequest;
import io.github.feishuvc.room.RoomUpdateRequest;

/**
 * The room, level and room booking endpoints ({@code vc-rooms.md} §2, §3, §7): each declared once. Writes of rooms
 * and levels are the platform's tier 2, 20 a minute.
 */
public final class RoomApis {

	private static final String ROOMS = "/open-apis/vc/v1/rooms";

	private static final String LEVELS = "/open-apis/vc/v1/room_levels";

	private static final RateLimit TIER_2 = RateLimit.perMinute(20);

	/** {@code GET /rooms}: the rooms of a level, in pages of 100. */
	public static final FeishuApi<Page<Room>> LIST = FeishuApi.get("room.list", ROOMS)
		.tokens(Token.TENANT)
		.scopes("vc:room", "vc:room:readonly")
		.userIdType()
		.query("room_level_id")
		.paged("rooms", Room.class, 100, false);

	/** {@code GET /rooms/:room_id}: a room. */
	public static final FeishuApi<Room> GET = FeishuApi.get("room.get", ROOMS + "/{room_id}")
		.tokens(Token.TENANT)
		.scopes("vc:room", "vc:room:readonly")
		.userIdType()
		.returning("room", Room.class);

	/** {@code POST /rooms/mget}: rooms by id, a read by POST. */
	public static final FeishuApi<List<Room>> MGET = FeishuApi.post("room.mget", ROOMS + "/mget")
		.read()
		.tokens(Token.TENANT)
		.scopes("vc:room", "vc:room:readonly")
		.userIdType()
		.body(MgetRooms.class)
		.returningList("items", Room.class);

	/** {@code POST /rooms}: create a room; {@code 125001} for a level that may not hold rooms. */
	public static final FeishuApi<Room> CREATE = FeishuApi.post("room.create", ROOMS)
		.tokens(Token.TENANT)
		.scopes("vc:room")
		.userIdType()
		.limit(TIER_2)
		.body(RoomCreateRequest.class)
		.error(125001, Meaning.INVALID_PARAMETER)
		.returning("room", Room.class);

	/** {@code PATCH /rooms/:room_id}: change a room. */
	public static final FeishuApi<Boolean> PATCH = FeishuApi.patch("room.patch", ROOMS + "/{room_id}")
		.tokens(Token.TENANT)
		.scopes("vc:room")
		.userIdType()
		.limit(TIER_2)
		.body(RoomUpdateRequest.class)
		.error(125001, Meaning.INVALID_PARAMETER)
		.acknowledged();

	/** {@code DELETE /rooms/:room_id}: delete a room. */
	public static final FeishuApi<Boolean> DELETE = FeishuApi.delete("room.delete", ROOMS + "/{room_id}")
		.tokens(Token.TENANT)
		.scopes("vc:room")
		.limit(TIER_2)
		.acknowledged();

	/** {@code POST /rooms/search}: the rooms a user may book, a read by POST paged in its body. */
	public static final FeishuApi<Page<Room>> SEARCH = FeishuApi.post("room.search", ROOMS + "/search")
		.read()
		.tokens(Token.USER)
		.scopes("vc:room", "vc:room:readonly")
		.userIdType()
		.body(RoomSearchRequest.class)
		.paged("rooms", Room.class, 100, true);

	/** {@code GET /room_levels}: the levels below a level, in pages of 100. */
	public static final FeishuApi<Page<RoomLevel>> LEVEL_LIST = FeishuApi.get("room_level.list", LEVELS)
		.tokens(Token.TENANT)
		.scopes("vc:room", "vc:room:readonly")
		.query("room_level_id")
		.paged("items", RoomLevel.class, 100, false);

	/** {@code GET /room_levels/:room_level_id}: a level, {@code 0} the tenant's root. */
	public static final FeishuApi<RoomLevel> LEVEL_GET = FeishuApi.get("room_level.get", LEVELS + "/{room_level_id}")
		.tokens(Token.TENANT)
		.scopes("vc:room", "vc:room:readonly")
		.returning("room_level", RoomLevel.class);

	/** {@code POST /room_levels/mget}: levels by id, a read by POST. */
	public static final FeishuApi<List<RoomLevel>> LEVEL_MGET = FeishuApi
		.post("room_level.mget", LEVELS + "/mget")
		.read()
		.tokens(Token.TENANT)
		.scopes("vc:room", "vc:room:readonly")
		.body(MgetLevels.class)
		.returningList("items", RoomLevel.class);

	/** {@code POST /room_levels}: create a level. */
	public static final FeishuApi<RoomLevel> LEVEL_CREATE = FeishuApi.post("room_level.create", LEVELS)
		.tokens(Token.TENANT)
		.scopes("vc:room")
		.limit(TIER_2)
		.body(RoomLevelRequest.class)
		.returning("room_level", RoomLevel.class);

	/** {@code PATCH /room_levels/:room_level_id}: rename or move a level. */
	public static final FeishuApi<Boolean> LEVEL_PATCH = FeishuApi
		.patch("room_level.patch", LEVELS + "/{room_level_id}")
		.tokens(Token.TENANT)
		.scopes("vc:room")
		.limit(TIER_2)
		.body(RoomLevelRequest.class)
		.acknowledged();

	/** {@code POST /room_levels/del}: delete a level, a delete by POST; {@code 125001} for one that holds any. */
	public static final FeishuApi<Boolean> LEVEL_DELETE = FeishuApi.post("room_level.del", LEVELS + "/del")
		.tokens(Token.TENANT)
		.scopes("vc:room")
		.limit(TIER_2)
		.body(DeleteLevel.class)
		.error(125001, Meaning.INVALID_PARAMETER)
		.acknowledged();

	/** {@code GET /room_levels/search}: the ids of levels by the tenant's own ids, given in one string. */
	public static final FeishuApi<List<String>> LEVEL_SEARCH = FeishuApi
		.get("room_level.search", LEVELS + "/search")
		.tokens(Token.TENANT)
		.scopes("vc:room", "vc:room:readonly")
		.query("custom_level_ids")
		.returningList("level_ids", String.class);

	/** {@code GET /resource_reservation_list}: the bookings of rooms, in pages of up to 100; 100 calls a minute. */
	public static final FeishuApi<Page<RoomReservation>> RESERVATIONS = FeishuApi
		.get("resource_reservation_list.get", "/open-apis/vc/v1/resource_reservation_list")
		.tokens(Token.TENANT, Token.USER)
		.scopes("vc:room:readonly")
		.query("room_level_id", "need_topic", "start_time", "end_time", "room_ids", "is_exclude")
		.limit(RateLimit.perMinute(100))
		.error(126005, Meaning.INVALID_PARAMETER)
		.error(126006, Meaning.INVALID_PARAMETER)
		.paged("room_reservation_list", RoomReservation.class, 100, false);

	private RoomApis() {
	}

}
