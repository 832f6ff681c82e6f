package io.github.feishuvc.room;

import org.jspecify.annotations.Nullable;

/**
 * The configuration of a room, or of every room of a scope ({@code room_config}): what its screens show and whether
 * it is enabled. What is absent is inherited from the scope above (see {@link ScopeConfigs}).
 *
 * @param roomBackground the background image of the Rooms app, a URL
 * @param displayBackground the background image of the check-in board, a URL
 * @param digitalSignage the digital signage of the Rooms app
 * @param roomBoxDigitalSignage the digital signage of the share box
 * @param roomStatus whether the rooms are enabled
 */
public record RoomConfig(@Nullable String roomBackground, @Nullable String displayBackground,
		@Nullable RoomDigitalSignage digitalSignage, @Nullable RoomDigitalSignage roomBoxDigitalSignage,
		@Nullable RoomStatus roomStatus) {
}
