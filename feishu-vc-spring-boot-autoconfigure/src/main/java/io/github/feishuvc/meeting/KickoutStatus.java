package io.github.feishuvc.meeting;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * Outcome of removing one participant ({@code result} of {@code kickout_results}).
 */
public enum KickoutStatus implements CodedEnum {

	/** Removed (1). */
	REMOVED(1),

	/** Not removed (2). */
	FAILED(2),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final KickoutStatus[] CONSTANTS = values();

	private final int code;

	KickoutStatus(int code) {
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
	public static @Nullable KickoutStatus fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
