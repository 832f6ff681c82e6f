package io.github.feishuvc.reserve;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * The kind of meeting a reservation starts ({@code meeting_initial_type}).
 */
public enum MeetingInitialType implements CodedEnum {

	/** A meeting of several participants (1). */
	GROUP_MEETING(1),

	/** A one-to-one call (2). */
	ONE_ON_ONE_CALL(2),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final MeetingInitialType[] CONSTANTS = values();

	private final int code;

	MeetingInitialType(int code) {
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
	public static @Nullable MeetingInitialType fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
