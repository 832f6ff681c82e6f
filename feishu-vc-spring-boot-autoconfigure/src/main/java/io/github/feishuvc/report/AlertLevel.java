package io.github.feishuvc.report;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * How serious an alert is ({@code alert_level}).
 */
public enum AlertLevel implements CodedEnum {

	/** A notice (0). */
	NOTICE(0),

	/** A warning (1). */
	WARNING(1),

	/** Serious (2). */
	SERIOUS(2),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final AlertLevel[] CONSTANTS = values();

	private final int code;

	AlertLevel(int code) {
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
	public static @Nullable AlertLevel fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
