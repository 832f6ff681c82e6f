package io.github.feishuvc.room;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * Which bookings need approval ({@code approval_condition}).
 */
public enum ApprovalCondition implements CodedEnum {

	/** Every booking (0). */
	ALL(0),

	/** Bookings longer than the configured duration (1). */
	LONGER_THAN_DURATION(1),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final ApprovalCondition[] CONSTANTS = values();

	private final int code;

	ApprovalCondition(int code) {
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
	public static @Nullable ApprovalCondition fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
