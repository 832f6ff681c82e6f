package io.github.feishuvc.report;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * Who an alert's contact is ({@code contact_type}).
 */
public enum AlertContactType implements CodedEnum {

	/** A user (1). */
	USER(1),

	/** A user group (2). */
	USER_GROUP(2),

	/** A department (3). */
	DEPARTMENT(3),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final AlertContactType[] CONSTANTS = values();

	private final int code;

	AlertContactType(int code) {
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
	public static @Nullable AlertContactType fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
