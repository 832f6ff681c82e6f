package io.github.feishuvc.meeting.event;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * Kind of webinar ({@code webinar_type} of an event's webinar setting).
 */
public enum WebinarType implements CodedEnum {

	/** A standard webinar (1). */
	STANDARD(1),

	/** A live-streamed webinar (2). */
	LIVE(2),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final WebinarType[] CONSTANTS = values();

	private final int code;

	WebinarType(int code) {
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
	public static @Nullable WebinarType fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
