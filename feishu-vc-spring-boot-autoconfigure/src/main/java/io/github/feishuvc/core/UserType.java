package io.github.feishuvc.core;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * Kind of user ({@code user_type}).
 */
public enum UserType implements CodedEnum {

	/** A Feishu (Lark) user (1). */
	LARK_USER(1),

	/** A Rooms user (2). */
	ROOMS_USER(2),

	/** A Docs user (3). */
	DOC_USER(3),

	/** A Neo (standalone) user (4). */
	NEO_USER(4),

	/** A Neo (standalone) guest (5). */
	NEO_GUEST_USER(5),

	/** A phone (PSTN) user (6). */
	PSTN_USER(6),

	/** A SIP user (7). */
	SIP_USER(7),

	/** A ShareBox user (8); in events only. */
	SHAREBOX_USER(8),

	/** An open platform app (9); in events only. */
	OPEN_PLATFORM_APP(9),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final UserType[] CONSTANTS = values();

	private final int code;

	UserType(int code) {
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
	public static @Nullable UserType fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
