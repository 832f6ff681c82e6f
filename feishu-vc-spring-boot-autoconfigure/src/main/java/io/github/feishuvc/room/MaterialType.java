package io.github.feishuvc.room;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * The kind of a digital signage material ({@code material_type}).
 */
public enum MaterialType implements CodedEnum {

	/** A picture (1). */
	IMAGE(1),

	/** A video (2). */
	VIDEO(2),

	/** An animated GIF (3). */
	GIF(3),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final MaterialType[] CONSTANTS = values();

	private final int code;

	MaterialType(int code) {
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
	public static @Nullable MaterialType fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
