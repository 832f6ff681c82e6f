package io.github.feishuvc.security;

import io.github.feishuvc.core.AccessTokenSource;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.util.Assert;

/**
 * The user access tokens of users who signed in with Feishu through Spring Security's OAuth 2.0 client
 * ({@code oauth2Login()}), for the operations to act as them:
 *
 * <pre>{@code
 * reserves.withUserAccessToken(userTokens.of(authentication)).apply(request)
 * }</pre>
 *
 * Tokens come from the application's authorized-client service (where {@code oauth2Login()} keeps them) and are
 * refreshed with the user's refresh token when they are about to expire or when the platform rejects one; when no
 * token can be had, calls fail with {@link io.github.feishuvc.core.FeishuVcSignInRequiredException}. Tokens are
 * never logged.
 */
public interface FeishuUserTokens {

	/** The registration id of Feishu sign-in: {@code spring.security.oauth2.client.registration.feishu.*}. */
	String REGISTRATION_ID = "feishu";

	/**
	 * The tokens of a signed-in user.
	 * @param user the user's authentication, such as the request's principal after {@code oauth2Login()}
	 * @return the user's token source
	 * @throws IllegalArgumentException if the authentication is null
	 */
	AccessTokenSource of(Authentication user);

	/**
	 * The tokens of a user who signed in earlier, named by their principal name (their open id), for work done
	 * outside their requests, such as a scheduled job; the authorized-client service must keep their tokens
	 * beyond their session (a JDBC or Redis-backed service).
	 * @param principalName the user's principal name
	 * @return the user's token source
	 * @throws IllegalArgumentException if the name is null or blank
	 */
	AccessTokenSource of(String principalName);

	/**
	 * The tokens of the user an authorized client belongs to, such as one a handler receives with
	 * {@code @RegisteredOAuth2AuthorizedClient("feishu")}: the client's current token is used, and refreshed, through
	 * the authorized-client service like any other.
	 * @param client the user's authorized client of the {@value #REGISTRATION_ID} registration
	 * @return the user's token source
	 * @throws IllegalArgumentException if the client is null
	 */
	default AccessTokenSource of(OAuth2AuthorizedClient client) {
		Assert.notNull(client, "client must not be null");
		return of(client.getPrincipalName());
	}

}
