package io.github.feishuvc.meeting.event;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * A user's role in a meeting ({@code user_role} of an event's user).
 */
public enum UserRole implements CodedEnum {

	/** A participant (1). */
	PARTICIPANT(1),

	/** The host (2). */
	HOST(2),

	/** A co-host (3). */
	COHOST(3),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final UserRole[] CONSTANTS = values();

	private final int code;

	UserRole(int code) {
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
	public static @Nullable UserRole fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
