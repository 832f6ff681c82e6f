package io.github.feishuvc.auth;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A token as the platform issued it, with its lifetime; {@code toString()} never shows the value.
 *
 * @param value the token
 * @param lifetime how long it is valid from now
 */
record IssuedToken(String value, Duration lifetime) {

	/** The platform documents two hours as the longest life of a token; a longer {@code expire} is not believed. */
	static final Duration MAX_LIFETIME = Duration.ofHours(2);

	/**
	 * The token of a response, if the response has a usable one: a token that is not empty and a positive
	 * {@code expire}, cut to {@link #MAX_LIFETIME} so that a nonsensical answer is never cached for long.
	 * @return the token, or {@code null} when the response has none the client can use
	 */
	static @Nullable IssuedToken of(@Nullable String value, @Nullable Long expireSeconds) {
		if (value == null || value.isBlank() || expireSeconds == null || expireSeconds <= 0) {
			return null;
		}
		Duration lifetime = (expireSeconds >= MAX_LIFETIME.toSeconds()) ? MAX_LIFETIME
				: Duration.ofSeconds(expireSeconds);
		return new IssuedToken(value, lifetime);
	}

	@Override
	public String toString() {
		return "IssuedToken[lifetime=" + this.lifetime + "]";
	}

}
