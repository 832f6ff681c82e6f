package io.github.feishuvc.core;

import org.jspecify.annotations.Nullable;

/**
 * An enum of the platform's integer codes. Every such enum has an {@code UNKNOWN} constant for codes this
 * version does not know, so a new platform value never fails a decode; the model that carries the value also
 * keeps the raw code.
 */
public interface CodedEnum {

	/**
	 * The platform's code for this constant ({@code -1} for {@code UNKNOWN}, which is not a platform value).
	 * @return the integer code
	 */
	int code();

	/**
	 * Look a code up among an enum's constants.
	 * @param <E> the enum type
	 * @param constants the enum's constants
	 * @param unknown the constant for codes not among them
	 * @param code the raw code, or {@code null} when the platform sent none
	 * @return the matching constant, {@code unknown} for an unrecognised code, {@code null} for no code
	 */
	static <E extends Enum<E> & CodedEnum> @Nullable E fromCode(E[] constants, E unknown, @Nullable Integer code) {
		if (code == null) {
			return null;
		}
		for (E constant : constants) {
			if (constant != unknown && constant.code() == code) {
				return constant;
			}
		}
		return unknown;
	}

	/**
	 * The code to send for a constant a caller picked.
	 * @param value the constant
	 * @param name the parameter's name, for the error message
	 * @return the platform code
	 * @throws IllegalArgumentException if the constant is null or {@code UNKNOWN}
	 */
	static int codeToSend(@Nullable CodedEnum value, String name) {
		if (value == null) {
			throw new IllegalArgumentException(name + " must not be null");
		}
		if (value.code() < 0) {
			throw new IllegalArgumentException(name + " must be a value the platform knows, not " + value);
		}
		return value.code();
	}

}
