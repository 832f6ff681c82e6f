package io.github.feishuvc.room;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * The unit of how long before a meeting the booking form's notice arrives ({@code time_unit}).
 */
public enum NoticeTimeUnit implements CodedEnum {

	/** Minutes (1). */
	MINUTE(1),

	/** Hours (2). */
	HOUR(2),

	/** Days (3). */
	DAY(3),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final NoticeTimeUnit[] CONSTANTS = values();

	private final int code;

	NoticeTimeUnit(int code) {
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
	public static @Nullable NoticeTimeUnit fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
