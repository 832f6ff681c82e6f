package io.github.feishuvc.reserve;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * A meeting action that an action permission governs ({@code permission}).
 */
public enum ActionPermission implements CodedEnum {

	/** Whether the user can become host (1). */
	CAN_BE_HOST(1),

	/** Whether the user can invite participants (2). */
	CAN_INVITE_PARTICIPANTS(2),

	/** Whether the user can join the meeting (3). */
	CAN_JOIN_MEETING(3),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final ActionPermission[] CONSTANTS = values();

	private final int code;

	ActionPermission(int code) {
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
	public static @Nullable ActionPermission fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
