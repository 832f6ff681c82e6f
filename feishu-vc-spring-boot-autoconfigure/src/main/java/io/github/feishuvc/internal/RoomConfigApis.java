package io.github.feishuvc.internal;

import io.github.feishuvc.core.RateLimit;
import io.github.feishuvc.internal.FeishuApi.Token;
import io.github.feishuvc.internal.RoomRequests.AccessCodeRequest;
import io.github.feishuvc.internal.RoomRequests.DeleteRoomConfig;
import io.github.feishuvc.internal.RoomRequests.ScopeAccessCodeRequest;
import io.github.feishuvc.internal.RoomRequests.SetRoomConfig;
import io.github.feishuvc.room.RoomConfig;
import io.github.feishuvc.room.ScopeConfig;
import io.github.feishuvc.room.ScopeConfigs;

/**
 * The room configuration endpoints ({@code vc-rooms.md} §4 and the legacy §6): each declared once. The legacy ones
 * state no limit of their own.
 */
public final class RoomConfigApis {

	private static final String LEGACY = "/open-apis/vc/v1/room_configs";

	/** {@code POST /scope_config}: set a level's or a room's configuration; 20 a minute. */
	public static final FeishuApi<Boolean> SET = FeishuApi.post("scope_config.create", "/open-apis/vc/v1/scope_config")
		.tokens(Token.TENANT)
		.scopes("vc:room")
		.userIdType()
		.limit(RateLimit.perMinute(20))
		.body(ScopeConfig.class)
		.acknowledged();

	/** {@code GET /scope_config}: a level's or a room's configuration, and its scopes'. */
	public static final FeishuApi<ScopeConfigs> GET = FeishuApi.get("scope_config.get", "/open-apis/vc/v1/scope_config")
		.tokens(Token.TENANT)
		.scopes("vc:room", "vc:room:readonly")
		.userIdType()
		.query("scope_type", "scope_id")
		.returningData(ScopeConfigs.class);

	/** {@code GET /room_configs/query}: a legacy scope's configuration, the whole {@code data}. */
	public static final FeishuApi<RoomConfig> QUERY = FeishuApi.get("room_config.query", LEGACY + "/query")
		.tokens(Token.TENANT)
		.scopes("vc:room:readonly")
		.userIdType()
		.query("scope", "country_id", "district_id", "building_id", "floor_name", "room_id")
		.returningData(RoomConfig.class);

	/** {@code POST /room_configs/set}: set a legacy scope's configuration. */
	public static final FeishuApi<Boolean> LEGACY_SET = FeishuApi.post("room_config.set", LEGACY + "/set")
		.tokens(Token.TENANT)
		.scopes("vc:room")
		.userIdType()
		.body(SetRoomConfig.class)
		.acknowledged();

	/** {@code POST /room_configs/set_checkboard_access_code}: a new deployment code of check-in boards. */
	public static final FeishuApi<String> CHECKBOARD_ACCESS_CODE = FeishuApi
		.post("room_config.set_checkboard_access_code", LEGACY + "/set_checkboard_access_code")
		.tokens(Token.TENANT)
		.scopes("vc:room")
		.body(AccessCodeRequest.class)
		.returning("access_code", String.class);

	/** {@code POST /room_configs/set_room_access_code}: a new deployment code of Rooms devices. */
	public static final FeishuApi<String> ROOM_ACCESS_CODE = FeishuApi
		.post("room_config.set_room_access_code", LEGACY + "/set_room_access_code")
		.tokens(Token.TENANT)
		.scopes("vc:room")
		.body(AccessCodeRequest.class)
		.returning("access_code", String.class);

	/*
	 * The two below have no public page: their wire contract is the official Node SDK's (1.74.0); the token and scope
	 * are their documented siblings' (vc-agents-recordings-transcripts.md §4.5-4.6).
	 */

	/** {@code POST /scope_config/access_code}: a new deployment code of a level's or a room's devices. */
	public static final FeishuApi<String> SCOPE_ACCESS_CODE = FeishuApi
		.post("scope_config.access_code", "/open-apis/vc/v1/scope_config/access_code")
		.tokens(Token.TENANT)
		.scopes("vc:room")
		.body(ScopeAccessCodeRequest.class)
		.returning("access_code", String.class);

	/** {@code POST /room_configs/del}: delete one configuration of a legacy scope. */
	public static final FeishuApi<Boolean> LEGACY_DELETE = FeishuApi.post("room_config.del", LEGACY + "/del")
		.tokens(Token.TENANT)
		.scopes("vc:room")
		.body(DeleteRoomConfig.class)
		.acknowledged();

	private RoomConfigApis() {
	}

}
