package io.github.feishuvc.room;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * What a room's screen plays between meetings ({@code room_digital_signage}).
 *
 * @param ifCoverChildScope whether this also applies to the levels and rooms below
 * @param enable whether signage plays
 * @param mute whether it plays without sound
 * @param startDisplay how many minutes after a meeting ends it starts playing, 1 to 720 (Rooms app only)
 * @param stopDisplay how many minutes before a scheduled meeting it stops, 1 to 720 (Rooms app only)
 * @param materials what it plays; not sent when empty
 */
public record RoomDigitalSignage(@Nullable Boolean ifCoverChildScope, @Nullable Boolean enable, @Nullable Boolean mute,
		@Nullable Integer startDisplay, @Nullable Integer stopDisplay,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<RoomDigitalSignageMaterial> materials) {

	/**
	 * Create a signage, its materials immutable and without nulls.
	 * @param ifCoverChildScope whether this also applies to the levels and rooms below
	 * @param enable whether signage plays
	 * @param mute whether it plays without sound
	 * @param startDisplay how many minutes after a meeting ends it starts playing, 1 to 720 (Rooms app only)
	 * @param stopDisplay how many minutes before a scheduled meeting it stops, 1 to 720 (Rooms app only)
	 * @param materials what it plays; not sent when empty
	 */
	public RoomDigitalSignage {
		materials = Lists.immutable(materials);
	}

}
