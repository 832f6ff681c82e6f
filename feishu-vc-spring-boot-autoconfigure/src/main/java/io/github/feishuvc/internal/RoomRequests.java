package io.github.feishuvc.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.feishuvc.room.ApprovalConfig;
import io.github.feishuvc.room.DisableInformConfig;
import io.github.feishuvc.room.ReserveAdminConfig;
import io.github.feishuvc.room.ReserveFormConfig;
import io.github.feishuvc.room.ReserveScopeConfig;
import io.github.feishuvc.room.RoomConfig;
import io.github.feishuvc.room.RoomConfigLocation;
import io.github.feishuvc.room.TimeConfig;
import org.jspecify.annotations.Nullable;

/**
 * The request bodies of the room endpoints that are no public model: the platform's envelopes around one.
 */
public final class RoomRequests {

	private RoomRequests() {
	}

	/**
	 * {@code POST /rooms/mget}.
	 *
	 * @param roomIds the rooms' ids
	 */
	public record MgetRooms(List<String> roomIds) {
	}

	/**
	 * {@code POST /room_levels/mget}: the ids are {@code level_ids} here.
	 *
	 * @param levelIds the levels' ids
	 */
	public record MgetLevels(List<String> levelIds) {
	}

	/**
	 * {@code POST /room_levels/del}: a delete by POST, the id in the body.
	 *
	 * @param roomLevelId the level's id
	 * @param deleteChild whether the levels and rooms below go too
	 */
	public record DeleteLevel(String roomLevelId, boolean deleteChild) {
	}

	/**
	 * {@code POST /room_configs/set}: the scope's fields beside its configuration.
	 *
	 * @param location the scope
	 * @param roomConfig its configuration
	 */
	public record SetRoomConfig(@JsonUnwrapped RoomConfigLocation location, RoomConfig roomConfig) {
	}

	/**
	 * {@code POST /room_configs/set_*_access_code}.
	 *
	 * @param location the scope
	 * @param validDay how many days the code is valid: 1, 7 or 30
	 */
	public record AccessCodeRequest(@JsonUnwrapped RoomConfigLocation location, int validDay) {
	}

	/**
	 * {@code POST /scope_config/access_code}: a deployment code of a level's or a room's devices.
	 *
	 * @param scopeType 1 for a level, 2 for a room
	 * @param scopeId the level's or room's id
	 * @param validDay how many days the code stays valid
	 */
	public record ScopeAccessCodeRequest(int scopeType, String scopeId, int validDay) {
	}

	/**
	 * {@code POST /room_configs/del}: delete one configuration of a legacy scope.
	 *
	 * @param location the scope
	 * @param config which configuration
	 */
	public record DeleteRoomConfig(@JsonUnwrapped RoomConfigLocation location, String config) {
	}

	/**
	 * {@code PATCH /reserve_configs/:id}: {@code scope_type} is a string here, and the approval
	 * {@code approval_config} (read back as {@code approve_config}).
	 *
	 * @param scopeType 1 for a level, 2 for a room
	 * @param approvalConfig the approval
	 * @param timeConfig the times
	 * @param reserveScopeConfig who may book
	 */
	public record ReserveScopePatch(@JsonFormat(shape = JsonFormat.Shape.STRING) int scopeType,
			@Nullable ApprovalConfig approvalConfig, @Nullable TimeConfig timeConfig,
			@Nullable ReserveScopeConfig reserveScopeConfig) {
	}

	/**
	 * {@code PATCH /reserve_configs/:id/form}.
	 *
	 * @param scopeType 1 for a level, 2 for a room
	 * @param reserveFormConfig the form
	 */
	public record FormPatch(int scopeType, ReserveFormConfig reserveFormConfig) {
	}

	/**
	 * {@code PATCH /reserve_configs/:id/admin}.
	 *
	 * @param scopeType 1 for a level, 2 for a room
	 * @param reserveAdminConfig the administrators
	 */
	public record AdminPatch(int scopeType, ReserveAdminConfig reserveAdminConfig) {
	}

	/**
	 * {@code PATCH /reserve_configs/:id/disable_inform}.
	 *
	 * @param scopeType 1 for a level, 2 for a room
	 * @param disableInform who is told
	 */
	public record DisableInformPatch(int scopeType, DisableInformConfig disableInform) {
	}

}
