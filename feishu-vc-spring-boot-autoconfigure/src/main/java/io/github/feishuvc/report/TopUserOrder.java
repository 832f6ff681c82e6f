package io.github.feishuvc.report;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * What the top users are ranked by, always most first ({@code order_by}).
 */
public enum TopUserOrder implements CodedEnum {

	/** The number of meetings (1). */
	MEETING_COUNT(1),

	/** The time spent in meetings (2). */
	MEETING_DURATION(2),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final TopUserOrder[] CONSTANTS = values();

	private final int code;

	TopUserOrder(int code) {
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
	public static @Nullable TopUserOrder fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
