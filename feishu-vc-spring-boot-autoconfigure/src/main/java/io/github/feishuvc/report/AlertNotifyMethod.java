package io.github.feishuvc.report;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * How an alert was sent to its contacts ({@code notifyMethods}).
 */
public enum AlertNotifyMethod implements CodedEnum {

	/** By the Feishu bot (0). */
	BOT(0),

	/** By email (1). */
	EMAIL(1),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final AlertNotifyMethod[] CONSTANTS = values();

	private final int code;

	AlertNotifyMethod(int code) {
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
	public static @Nullable AlertNotifyMethod fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
