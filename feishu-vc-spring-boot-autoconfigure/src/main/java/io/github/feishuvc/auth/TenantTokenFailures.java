package io.github.feishuvc.auth;

import org.jspecify.annotations.Nullable;

/**
 * The failed fetches of a store app's tenant tokens, for health details; never holds a token.
 *
 * @param count how many fetches failed since the application started
 * @param lastTenantKey the tenant of the latest failure, if any
 * @param last the latest failure, if any
 */
public record TenantTokenFailures(long count, @Nullable String lastTenantKey, @Nullable TokenRefresh last) {

	/** No failure. */
	public static final TenantTokenFailures NONE = new TenantTokenFailures(0, null, null);

}
