package io.github.feishuvc.meeting;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * Outcome of inviting one user ({@code status} of {@code invite_results}).
 */
public enum InviteStatus implements CodedEnum {

	/** Invited (1). */
	SUCCEEDED(1),

	/** Not invited (2). */
	FAILED(2),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final InviteStatus[] CONSTANTS = values();

	private final int code;

	InviteStatus(int code) {
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
	public static @Nullable InviteStatus fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
