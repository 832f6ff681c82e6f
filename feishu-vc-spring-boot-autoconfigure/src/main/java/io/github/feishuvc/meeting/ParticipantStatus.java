package io.github.feishuvc.meeting;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * Where a participant is ({@code status} of a participant).
 */
public enum ParticipantStatus implements CodedEnum {

	/** Being called (1). */
	CALLING(1),

	/** In the meeting (2). */
	IN_MEETING(2),

	/** Ringing (3). */
	RINGING(3),

	/** Not in the meeting, or has left it (4). */
	NOT_IN_MEETING(4),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final ParticipantStatus[] CONSTANTS = values();

	private final int code;

	ParticipantStatus(int code) {
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
	public static @Nullable ParticipantStatus fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
