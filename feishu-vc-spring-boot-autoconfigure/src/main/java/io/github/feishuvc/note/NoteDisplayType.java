package io.github.feishuvc.note;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * How a note is laid out ({@code note_display_type}).
 */
public enum NoteDisplayType implements CodedEnum {

	/** A note document and a separate verbatim transcript (1). */
	NORMAL(1),

	/** One unified note holding summary and transcript (2). */
	UNIFIED(2),

	/** A code this version does not know; the raw code is kept. */
	UNKNOWN(-1);

	private static final NoteDisplayType[] CONSTANTS = values();

	private final int code;

	NoteDisplayType(int code) {
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
	public static @Nullable NoteDisplayType fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
