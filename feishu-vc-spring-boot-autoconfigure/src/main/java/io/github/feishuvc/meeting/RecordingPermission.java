package io.github.feishuvc.meeting;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * What a recording is shared for ({@code permission} of a {@code recording_permission_object}).
 */
public enum RecordingPermission implements CodedEnum {

	/** Viewing (1). */
	VIEW(1),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final RecordingPermission[] CONSTANTS = values();

	private final int code;

	RecordingPermission(int code) {
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
	public static @Nullable RecordingPermission fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
