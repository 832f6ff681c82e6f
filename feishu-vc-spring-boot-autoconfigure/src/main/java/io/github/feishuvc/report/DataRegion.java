package io.github.feishuvc.report;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * Where a tenant's data resides ({@code unit}), for a tenant whose data lies in several regions and that has the
 * query enabled.
 */
public enum DataRegion implements CodedEnum {

	/** Mainland China (0). */
	CHINA_MAINLAND(0),

	/** The United States (1). */
	UNITED_STATES(1),

	/** Singapore (2). */
	SINGAPORE(2),

	/** Japan (3). */
	JAPAN(3),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final DataRegion[] CONSTANTS = values();

	private final int code;

	DataRegion(int code) {
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
	public static @Nullable DataRegion fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
