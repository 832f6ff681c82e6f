package io.github.feishuvc.meeting;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * Whether to share a recording or stop sharing it ({@code action_type} of set permission).
 */
public enum RecordingPermissionAction implements CodedEnum {

	/** Share (0). */
	GRANT(0),

	/** Stop sharing (1). */
	REVOKE(1),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final RecordingPermissionAction[] CONSTANTS = values();

	private final int code;

	RecordingPermissionAction(int code) {
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
	public static @Nullable RecordingPermissionAction fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
