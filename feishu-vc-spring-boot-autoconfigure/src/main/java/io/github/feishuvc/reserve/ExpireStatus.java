package io.github.feishuvc.reserve;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * Whether a reservation has expired ({@code expire_status}).
 */
public enum ExpireStatus implements CodedEnum {

	/** Not expired (1). */
	ACTIVE(1),

	/** Expired (2). */
	EXPIRED(2),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final ExpireStatus[] CONSTANTS = values();

	private final int code;

	ExpireStatus(int code) {
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
	public static @Nullable ExpireStatus fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
