package io.github.feishuvc.test;

import org.jspecify.annotations.Nullable;

/**
 * Who a token speaks for: the app in a tenant (tenant access token) or a user of a tenant (user access token).
 *
 * @param tenantKey the tenant the token acts in
 * @param userId the user's id, or {@code null} for the app
 */
record Caller(String tenantKey, @Nullable String userId) {

	static Caller app(String tenantKey) {
		return new Caller(tenantKey, null);
	}

	static Caller user(String tenantKey, String userId) {
		return new Caller(tenantKey, userId);
	}

	boolean isApp() {
		return this.userId == null;
	}

}
