package io.github.feishuvc.export;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * The state of an export task ({@code status}).
 */
public enum ExportStatus implements CodedEnum {

	/** Still being written (1). */
	PROCESSING(1),

	/** Failed; the task says why (2). */
	FAILED(2),

	/** Written: its file can be downloaded (3). */
	DONE(3),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final ExportStatus[] CONSTANTS = values();

	private final int code;

	ExportStatus(int code) {
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
	public static @Nullable ExportStatus fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
