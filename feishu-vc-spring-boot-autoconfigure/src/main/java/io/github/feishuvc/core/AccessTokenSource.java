package io.github.feishuvc.core;

import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * Where the bearer token of a call comes from: the app's tenant access token
 * ({@link io.github.feishuvc.auth.TenantAccessTokenProvider}) or a user's access token ({@link #fixed}).
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
	 * A token given by the application, such as a user access token: used as is, never replaced.
	 * @param token the token
	 * @return the source
	 * @throws IllegalArgumentException if the token is null or blank
	 */
	static AccessTokenSource fixed(String token) {
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
			public String toString() {
				return "AccessTokenSource[fixed]";
			}

		};
	}

}
