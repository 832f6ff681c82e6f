package io.github.feishuvc.room;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * How long a deployment code stays valid ({@code valid_day}).
 */
public enum AccessCodeValidity implements CodedEnum {

	/** One day (1). */
	DAY(1),

	/** One week (7). */
	WEEK(7),

	/** Thirty days (30). */
	MONTH(30),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final AccessCodeValidity[] CONSTANTS = values();

	private final int code;

	AccessCodeValidity(int code) {
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
	public static @Nullable AccessCodeValidity fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
