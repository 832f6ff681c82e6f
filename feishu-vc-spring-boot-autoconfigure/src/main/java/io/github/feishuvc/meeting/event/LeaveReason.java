package io.github.feishuvc.meeting.event;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * Why someone left a meeting ({@code leave_reason} of the leave event).
 */
public enum LeaveReason implements CodedEnum {

	/** They left (1). */
	LEFT(1),

	/** The meeting ended (2). */
	MEETING_ENDED(2),

	/** They were removed (3). */
	KICKED_OUT(3),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final LeaveReason[] CONSTANTS = values();

	private final int code;

	LeaveReason(int code) {
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
	public static @Nullable LeaveReason fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
