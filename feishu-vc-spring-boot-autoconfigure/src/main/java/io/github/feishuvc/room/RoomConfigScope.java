package io.github.feishuvc.room;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * What a configuration of the legacy fixed hierarchy applies to ({@code scope}); see {@link RoomConfigLocation}.
 */
public enum RoomConfigScope implements CodedEnum {

	/** The whole tenant (1). */
	TENANT(1),

	/** A country or region (2). */
	COUNTRY_DISTRICT(2),

	/** A city (3). */
	CITY(3),

	/** A building (4). */
	BUILDING(4),

	/** A floor of a building (5). */
	FLOOR(5),

	/** One room (6). */
	ROOM(6),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final RoomConfigScope[] CONSTANTS = values();

	private final int code;

	RoomConfigScope(int code) {
		this.code = code;
	}

	@Override
	public int code() {
		return this.code;
	}

	/**
	 * The constant for a platform code.
	 * @param code the raw code
	 * @return the constant, {@link #UNKNOWN} for an unrecognised code, {@code null} for {@code null}
	 */
	public static @Nullable RoomConfigScope fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
