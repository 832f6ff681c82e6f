package io.github.feishuvc.reserve;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * How a permission checker applies its {@code checkList} ({@code check_mode}).
 */
public enum CheckMode implements CodedEnum {

	/** Those in the check list have the permission (1). */
	ALLOWLIST(1),

	/** Those not in the check list have the permission (2). */
	BLOCKLIST(2),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final CheckMode[] CONSTANTS = values();

	private final int code;

	CheckMode(int code) {
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
	public static @Nullable CheckMode fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
