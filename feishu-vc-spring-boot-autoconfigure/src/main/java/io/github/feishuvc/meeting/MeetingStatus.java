package io.github.feishuvc.meeting;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * State of a meeting ({@code status} of a meeting).
 */
public enum MeetingStatus implements CodedEnum {

	/** The meeting is calling (1). */
	CALLING(1),

	/** The meeting is in progress (2). */
	IN_PROGRESS(2),

	/** The meeting has ended (3). */
	ENDED(3),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final MeetingStatus[] CONSTANTS = values();

	private final int code;

	MeetingStatus(int code) {
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
	public static @Nullable MeetingStatus fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
