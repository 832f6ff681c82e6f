package io.github.feishuvc.auth;

import io.github.feishuvc.core.AccessTokenSource;
import reactor.core.publisher.Mono;

/**
 * Source of the tenant access token sent as {@code Authorization: Bearer ...} with every call made on the
 * app's behalf.
 *
 * <p>The auto-configured implementation is {@link CachingTenantAccessTokenProvider}; define a bean of this type to
 * replace it (for example to share tokens between instances through a cache of your own).
 */
public interface TenantAccessTokenProvider extends AccessTokenSource {

	/**
	 * A tenant access token that is valid now. Implementations are expected to cache it and must be safe to call
	 * concurrently.
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

}
