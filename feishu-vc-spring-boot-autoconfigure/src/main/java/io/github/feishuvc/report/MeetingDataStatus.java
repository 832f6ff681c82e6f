package io.github.feishuvc.report;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * The state of the meetings a meeting data query or export reads ({@code meeting_status}).
 */
public enum MeetingDataStatus implements CodedEnum {

	/** Meetings in progress (1). */
	IN_PROGRESS(1),

	/** Meetings that ended, the platform's default (2). */
	ENDED(2),

	/** Meetings yet to start: answered by the platform, and accepted by exports only (3). */
	UPCOMING(3),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final MeetingDataStatus[] CONSTANTS = values();

	private final int code;

	MeetingDataStatus(int code) {
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
	public static @Nullable MeetingDataStatus fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
