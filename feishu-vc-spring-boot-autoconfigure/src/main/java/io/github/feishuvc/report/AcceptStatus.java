package io.github.feishuvc.report;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * How a participant answered the meeting's calendar invitation ({@code accept_status}).
 */
public enum AcceptStatus implements CodedEnum {

	/** Accepted (1). */
	ACCEPTED(1),

	/** Declined (2). */
	DECLINED(2),

	/** Tentatively accepted (3). */
	TENTATIVE(3),

	/** Not answered (4). */
	NO_RESPONSE(4),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final AcceptStatus[] CONSTANTS = values();

	private final int code;

	AcceptStatus(int code) {
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
	public static @Nullable AcceptStatus fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
