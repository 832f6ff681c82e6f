package io.github.feishuvc.test;

import org.jspecify.annotations.Nullable;

/**
 * Who a token speaks for: the app (tenant access token) or a user (user access token).
 *
 * @param userId the user's id, or {@code null} for the app
 */
record Caller(@Nullable String userId) {

	static final Caller APP = new Caller(null);

	static Caller user(String userId) {
		return new Caller(userId);
	}

	boolean isApp() {
		return this.userId == null;
	}

}
