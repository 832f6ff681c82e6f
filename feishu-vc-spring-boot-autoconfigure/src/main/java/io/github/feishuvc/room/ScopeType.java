package io.github.feishuvc.room;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * What a configuration applies to ({@code scope_type}): a level (and what it holds) or one room.
 */
public enum ScopeType implements CodedEnum {

	/** A level of rooms (1). */
	ROOM_LEVEL(1),

	/** One room (2). */
	ROOM(2),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final ScopeType[] CONSTANTS = values();

	private final int code;

	ScopeType(int code) {
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
	public static @Nullable ScopeType fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
