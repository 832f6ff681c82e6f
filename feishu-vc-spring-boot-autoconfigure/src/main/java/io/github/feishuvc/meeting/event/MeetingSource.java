package io.github.feishuvc.meeting.event;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * How a meeting was created ({@code meeting_source} of an event's meeting).
 */
public enum MeetingSource implements CodedEnum {

	/** A calendar event's meeting (1). */
	CALENDAR(1),

	/** An instant meeting (2). */
	INSTANT(2),

	/** An interview (3). */
	INTERVIEW(3),

	/** Reserved through the open platform, as this starter does (4). */
	OPEN_PLATFORM(4),

	/** Another kind (100). */
	OTHER(100),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final MeetingSource[] CONSTANTS = values();

	private final int code;

	MeetingSource(int code) {
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
	public static @Nullable MeetingSource fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
