package io.github.feishuvc.report;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * Where the handling of an alert stands ({@code process_status}). The platform's deprecated codes {@code 0} and
 * {@code 3} read as {@link #PENDING} and {@link #RECOVERED}.
 */
public enum AlertProcessStatus implements CodedEnum {

	/** Waiting to be handled (1; 0 before). */
	PENDING(1),

	/** Being handled (2). */
	PROCESSING(2),

	/** Recovered (4; 3 before). */
	RECOVERED(4),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private final int code;

	AlertProcessStatus(int code) {
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
	public static @Nullable AlertProcessStatus fromCode(@Nullable Integer code) {
		if (code == null) {
			return null;
		}
		return switch (code) {
			case 0, 1 -> PENDING;
			case 2 -> PROCESSING;
			case 3, 4 -> RECOVERED;
			default -> UNKNOWN;
		};
	}

}
