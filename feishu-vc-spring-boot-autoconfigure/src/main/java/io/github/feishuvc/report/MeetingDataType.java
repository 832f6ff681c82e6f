package io.github.feishuvc.report;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * The kind of a meeting in the meeting data ({@code meeting_type}).
 */
public enum MeetingDataType implements CodedEnum {

	/** Every kind, the default of a filter (1). */
	ALL(1),

	/** A video meeting (2). */
	VIDEO_MEETING(2),

	/** A local screen cast (3). */
	SCREEN_CAST(3),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final MeetingDataType[] CONSTANTS = values();

	private final int code;

	MeetingDataType(int code) {
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
	public static @Nullable MeetingDataType fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
