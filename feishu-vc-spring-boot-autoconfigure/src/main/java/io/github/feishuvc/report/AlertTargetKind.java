package io.github.feishuvc.report;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * The kind of device an alert query reads ({@code query_type}).
 */
public enum AlertTargetKind implements CodedEnum {

	/** A meeting room (1). */
	ROOM(1),

	/** An enterprise room connector (ERC) (2). */
	ROOM_CONNECTOR(2),

	/** A SIP room system (3). */
	SIP_ROOM_SYSTEM(3),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final AlertTargetKind[] CONSTANTS = values();

	private final int code;

	AlertTargetKind(int code) {
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
	public static @Nullable AlertTargetKind fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
