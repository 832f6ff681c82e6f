package io.github.feishuvc.core;

/**
 * The views every family of operations has: the same operations with another user id type, in one tenant of a store
 * app, or acting as a user. Views compose ({@code reserves.forTenant(key).withUserIdType(UserIdType.USER_ID)}) and
 * are cheap: make one per call if need be. {@code forTenant} and {@code withUserAccessToken} compose in either order
 * to the same view, a user in a tenant; once a view acts as a user, no later view acts as the app.
 *
 * @param <O> the family's operations
 */
public interface FeishuVcOperations<O> {

	/**
	 * The same operations with user ids of another type in requests and responses.
	 * @param userIdType the user id type
	 * @return operations using that type
	 */
	O withUserIdType(UserIdType userIdType);

	/**
	 * The same operations acting in one tenant of a store app ({@code feishu.vc.app-type=store}), with that tenant's
	 * tenant access token. A store app must name the tenant of every call made with a tenant token: without one, a
	 * call fails at once with an {@link IllegalStateException}. Composes with {@link #withUserIdType}; followed by
	 * {@link #withUserAccessToken}, or following it, the user's token is used and the calls are rate limited as the
	 * tenant's: operations acting as a user go on acting as that user.
	 * @param tenantKey the tenant's key, as the platform's events name it ({@code tenant_key})
	 * @return operations acting in that tenant, as the app or as the user these operations act as
	 * @throws IllegalArgumentException if the tenant key is null or blank
	 * @throws IllegalStateException if the app is a self-built app, which acts in its own tenant only; or if these
	 * operations act as a user whose token source names another tenant
	 */
	O forTenant(String tenantKey);

	/**
	 * The same operations acting as a user, with their user access token instead of the app's tenant access token.
	 * The token is sent as given: it is not cached, logged, refreshed, or replaced by the tenant token if the
	 * platform rejects it. An operation the platform allows only with the tenant access token then fails at once
	 * with an {@link IllegalStateException}.
	 * @param userAccessToken the user access token ({@code u-...})
	 * @return operations acting as that user
	 * @throws IllegalArgumentException if the token is null or blank
	 */
	O withUserAccessToken(String userAccessToken);

	/**
	 * The same operations acting as a user whose tokens come from {@code userAccessTokens}, such as the signed-in
	 * user's ({@code FeishuUserTokens#of}, with Spring Security's OAuth 2.0 client): the source renews an expiring
	 * token, and a token the platform rejects ({@code 99991668}, {@code 99991677}) is renewed and the call retried
	 * once. When no token can be had, calls fail with {@link FeishuVcSignInRequiredException}.
	 * The calls act in the tenant named by {@link #forTenant}, else in the source's.
	 * @param userAccessTokens where the user's tokens come from
	 * @return operations acting as that user
	 * @throws IllegalArgumentException if the source is null
	 * @throws IllegalStateException if a tenant was named with {@link #forTenant} and the source's user is another
	 * tenant's
	 */
	O withUserAccessToken(AccessTokenSource userAccessTokens);

}
