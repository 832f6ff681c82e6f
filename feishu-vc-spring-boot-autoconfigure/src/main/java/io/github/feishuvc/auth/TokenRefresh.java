package io.github.feishuvc.auth;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of a token fetch, for health checks; never holds the token.
 *
 * @param at when the fetch ended
 * @param expiresAt when the fetched token expires, {@code null} if the fetch failed
 * @param failure why the fetch failed, {@code null} if it succeeded
 */
public record TokenRefresh(Instant at, @Nullable Instant expiresAt, @Nullable Throwable failure) {

	/**
	 * Whether the fetch got a token.
	 * @return whether it succeeded
	 */
	public boolean succeeded() {
		return this.failure == null;
	}

}
