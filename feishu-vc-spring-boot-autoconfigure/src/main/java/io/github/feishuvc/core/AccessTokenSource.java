package io.github.feishuvc.core;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * Where the bearer token of a call comes from: the app's tenant access token
 * ({@link io.github.feishuvc.auth.TenantAccessTokenProvider}), one tenant's token of a store app, or a user's access
 * token ({@link #fixed}).
 */
public interface AccessTokenSource {

	/**
	 * A token that is valid now.
	 * @return the token, or an error describing why none could be obtained
	 */
	Mono<String> getToken();

	/**
	 * Forget a token the platform rejected, so that the next {@link #getToken()} obtains a new one.
	 * @param token the rejected token
	 */
	void invalidate(String token);

	/**
	 * Whether a rejected token can be replaced by a new one; if so a call rejected for its token is retried once.
	 * @return {@code true} unless the token is fixed
	 */
	default boolean isRenewable() {
		return true;
	}

	/**
	 * The tenant the token acts in, when the source knows it: calls are rate limited per tenant and operation, as
	 * the platform counts them.
	 * @return the tenant key, or {@code null} for the app's own tenant
	 */
	default @Nullable String tenantKey() {
		return null;
	}

	/**
	 * Check, before anything is sent, that this source can give a token at all; called when a call is made, so a
	 * misuse fails at once rather than on subscription.
	 * @throws IllegalStateException if no call can be made with this source, saying what to do instead
	 */
	default void checkUsable() {
	}

	/**
	 * The same tokens, acting in a tenant: this source's own tenant if it knows one, else {@code tenantKey}.
	 * @param tenantKey the tenant, or {@code null} to keep this source as it is
	 * @return the source
	 */
	default AccessTokenSource inTenant(@Nullable String tenantKey) {
		if (tenantKey == null || tenantKey() != null) {
			return this;
		}
		AccessTokenSource tokens = this;
		return new AccessTokenSource() {

			@Override
			public Mono<String> getToken() {
				return tokens.getToken();
			}

			@Override
			public void invalidate(String token) {
				tokens.invalidate(token);
			}

			@Override
			public boolean isRenewable() {
				return tokens.isRenewable();
			}

			@Override
			public String tenantKey() {
				return tenantKey;
			}

			@Override
			public void checkUsable() {
				tokens.checkUsable();
			}

			@Override
			public String toString() {
				return tokens + " in tenant " + tenantKey;
			}

		};
	}

	/**
	 * A token given by the application, such as a user access token: used as is, never replaced.
	 * @param token the token
	 * @return the source
	 * @throws IllegalArgumentException if the token is null or blank
	 */
	static AccessTokenSource fixed(String token) {
		return fixed(token, null);
	}

	/**
	 * A token given by the application, acting in a known tenant: used as is, never replaced.
	 * @param token the token
	 * @param tenantKey the tenant it acts in, or {@code null} for the app's own
	 * @return the source
	 * @throws IllegalArgumentException if the token is null or blank
	 */
	static AccessTokenSource fixed(String token, @Nullable String tenantKey) {
		Assert.isTrue(token != null && !token.isBlank(), "token must not be null or blank");
		Mono<String> value = Mono.just(token);
		return new AccessTokenSource() {

			@Override
			public Mono<String> getToken() {
				return value;
			}

			@Override
			public void invalidate(String rejected) {
			}

			@Override
			public boolean isRenewable() {
				return false;
			}

			@Override
			public @Nullable String tenantKey() {
				return tenantKey;
			}

			@Override
			public String toString() {
				return "AccessTokenSource[fixed]";
			}

		};
	}

}
