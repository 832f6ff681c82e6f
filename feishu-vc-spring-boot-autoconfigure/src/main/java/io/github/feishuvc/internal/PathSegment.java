package io.github.feishuvc.internal;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Encodes a caller-supplied id as exactly one path segment, so that no id can reach another path ({@code ../})
 * or add a query ({@code ?}) or a matrix parameter ({@code ;}).
 */
public final class PathSegment {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private PathSegment() {
	}

	/**
	 * Check and encode a path variable: every character but the RFC 3986 unreserved ones
	 * ({@code A-Z a-z 0-9 - . _ ~}) is percent-encoded.
	 * @param name the parameter's name, for the error message
	 * @param value the value
	 * @return the encoded segment
	 * @throws IllegalArgumentException if the value is {@code null}, blank, {@code .} or {@code ..}
	 */
	public static String encode(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be null or blank");
		}
		if (value.equals(".") || value.equals("..")) {
			throw new IllegalArgumentException(name + " must not be '" + value + "'");
		}
		if (isUnreserved(value)) {
			return value;
		}
		StringBuilder encoded = new StringBuilder(value.length() * 3);
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			if (isUnreserved((char) (b & 0xFF)) && b >= 0) {
				encoded.append((char) b);
			}
			else {
				encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
			}
		}
		return encoded.toString();
	}

	private static boolean isUnreserved(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (!isUnreserved(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isUnreserved(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~';
	}

}
