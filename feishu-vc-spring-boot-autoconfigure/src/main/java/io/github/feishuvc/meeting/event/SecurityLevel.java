package io.github.feishuvc.meeting.event;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * Who may join a meeting ({@code security_level} of an event's security setting).
 */
public enum SecurityLevel implements CodedEnum {

	/** Anyone (1). */
	ANYONE(1),

	/** Users of the tenant only (2). */
	TENANT(2),

	/** The listed contacts and groups only (3). */
	CONTACTS_AND_GROUPS(3),

	/** Nobody but the host: the meeting is locked (4). */
	LOCKED(4),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final SecurityLevel[] CONSTANTS = values();

	private final int code;

	SecurityLevel(int code) {
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
	public static @Nullable SecurityLevel fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
