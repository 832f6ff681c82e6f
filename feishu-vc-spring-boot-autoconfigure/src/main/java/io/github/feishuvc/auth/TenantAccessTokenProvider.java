package io.github.feishuvc.auth;

import io.github.feishuvc.core.AccessTokenSource;
import reactor.core.publisher.Mono;

/**
 * Source of the tenant access tokens sent as {@code Authorization: Bearer ...} with every call made on the app's
 * behalf: a self-built app's one tenant ({@link #getToken()}), or each tenant of a store app
 * ({@link #forTenant(String)}).
 *
 * <p>The auto-configured implementations are {@link CachingTenantAccessTokenProvider} (self-built apps) and
 * {@link StoreAppTokenProvider} (store apps); define a bean of this type to replace them.
 */
public interface TenantAccessTokenProvider extends AccessTokenSource {

	/**
	 * The tenant access token of the app's own tenant, valid now. Implementations are expected to cache it and must
	 * be safe to call concurrently.
	 * @return the token, or an error describing why none could be obtained
	 */
	@Override
	Mono<String> getToken();

	/**
	 * Forget a token the platform rejected, so that the next {@link #getToken()} fetches a new one. Does nothing
	 * if the token is not the one cached.
	 * @param token the rejected token
	 */
	@Override
	void invalidate(String token);

	/**
	 * Whether the tokens are a store app's, which the platform refuses for the endpoints it serves to self-built apps
	 * only (such as alerts, meeting search and notes).
	 * @return {@code true} for a store app
	 */
	default boolean servesStoreApp() {
		return false;
	}

	/**
	 * The tenant access tokens of one tenant that installed a store app.
	 * @param tenantKey the tenant's key, as events and the platform name it
	 * @return the tenant's token source
	 * @throws IllegalArgumentException if the tenant key is null or blank
	 * @throws IllegalStateException if the provider serves a self-built app, which acts in its own tenant only
	 */
	default AccessTokenSource forTenant(String tenantKey) {
		throw new IllegalStateException("forTenant(tenantKey) is for store apps (feishu.vc.app-type=store); "
				+ "a self-built app acts in its own tenant: call the operations without forTenant");
	}

}
