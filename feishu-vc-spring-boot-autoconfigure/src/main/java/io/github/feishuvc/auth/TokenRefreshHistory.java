package io.github.feishuvc.auth;

import org.jspecify.annotations.Nullable;

/**
 * A token provider that remembers how its fetches went, so that health checks can report it without calling the
 * platform.
 */
public interface TokenRefreshHistory {

	/**
	 * How the last fetch of the app's own token went: the tenant token of a self-built app, the app token of a store
	 * app. Reading it never calls the platform.
	 * @return the last fetch, or {@code null} if none was made yet
	 */
	@Nullable TokenRefresh lastRefresh();

	/**
	 * The failed fetches of the tenants' tokens of a store app: a detail, never the app's health (one uninstalled
	 * tenant, or a wrong tenant key, says nothing about the app).
	 * @return the failures so far; none for a self-built app
	 */
	default TenantTokenFailures tenantFailures() {
		return TenantTokenFailures.NONE;
	}

}
