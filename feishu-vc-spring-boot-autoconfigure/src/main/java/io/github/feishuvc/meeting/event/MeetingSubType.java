package io.github.feishuvc.meeting.event;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * A meeting's sub-type ({@code meeting_sub_type} of an event's meeting).
 */
public enum MeetingSubType implements CodedEnum {

	/** Screen casting before a meeting (1). */
	PRE_MEETING_CASTING(1),

	/** Wired sharing (2). */
	WIRED_SHARING(2),

	/** Magic Share before a meeting (3). */
	PRE_MEETING_MAGIC_SHARE(3),

	/** An enterprise phone call (4). */
	ENTERPRISE_PHONE(4),

	/** An IP phone call (5). */
	IP_PHONE(5),

	/** A webinar (6). */
	WEBINAR(6),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final MeetingSubType[] CONSTANTS = values();

	private final int code;

	MeetingSubType(int code) {
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
	public static @Nullable MeetingSubType fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
