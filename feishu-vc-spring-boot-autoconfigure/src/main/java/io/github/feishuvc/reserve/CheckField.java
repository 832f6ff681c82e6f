package io.github.feishuvc.reserve;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * What a permission checker compares its {@code checkList} against ({@code check_field}).
 */
public enum CheckField implements CodedEnum {

	/** User ids: the check list holds user ids (1). */
	USER_ID(1),

	/** User types: the check list holds user type codes, {@code "1"} Feishu user, {@code "2"} Rooms user, {@code "6"} PSTN user, {@code "7"} SIP user (2). */
	USER_TYPE(2),

	/** Tenants: the check list holds tenant keys (3). */
	TENANT_ID(3),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final CheckField[] CONSTANTS = values();

	private final int code;

	CheckField(int code) {
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
	public static @Nullable CheckField fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
