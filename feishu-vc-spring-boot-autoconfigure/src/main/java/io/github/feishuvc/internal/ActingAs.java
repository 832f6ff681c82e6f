package io.github.feishuvc.internal;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.AccessTokenSource;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Whom the calls of an operations object act as, and with which token: the app (its tenant access token, of its own
 * tenant or, for a store app, of a named tenant) or a user (their user access token), in the tenant named with
 * {@link #forTenant} if one was. Both are kept apart, so that {@code forTenant} and {@code user} compose in either order
 * to the same view, and a view that acts as a user never turns back into the app. Immutable; the
 * {@link FeishuApiCaller} composes {@code forTenant} and {@code withUserAccessToken} through it.
 */
final class ActingAs {

	private final TenantAccessTokenProvider tenantTokens;

	/** The tenant named with {@link #forTenant}, if one was. */
	private final @Nullable String namedTenant;

	/** The user's tokens, if the calls act as a user. */
	private final @Nullable AccessTokenSource userTokens;

	/** Where the calls' bearer tokens come from, derived once from the above. */
	private final AccessTokenSource tokens;

	private ActingAs(TenantAccessTokenProvider tenantTokens, @Nullable String namedTenant,
			@Nullable AccessTokenSource userTokens) {
		this.tenantTokens = tenantTokens;
		this.namedTenant = namedTenant;
		this.userTokens = userTokens;
		if (userTokens == null) {
			this.tokens = (namedTenant != null) ? tenantTokens.forTenant(namedTenant) : tenantTokens;
		}
		else {
			this.tokens = (namedTenant != null) ? inTenant(userTokens, namedTenant) : userTokens;
		}
	}

	/**
	 * Act as the app, with its tenant access token.
	 * @param tenantTokens the app's tenant access tokens
	 * @return acting as the app
	 */
	static ActingAs app(TenantAccessTokenProvider tenantTokens) {
		Assert.notNull(tenantTokens, "tenantTokens must not be null");
		return new ActingAs(tenantTokens, null, null);
	}

	/**
	 * Act in one tenant of a store app: as the app, or, if this acts as a user, as the same user in that tenant (the
	 * user's token on the wire, rate limited as the tenant's).
	 * @param tenantKey the tenant's key
	 * @return acting as the app, or as this user, in that tenant
	 * @throws IllegalArgumentException if the tenant key is null or blank
	 * @throws IllegalStateException if the app is a self-built app, which acts in its own tenant only; or if this
	 * acts as a user whose tokens are another tenant's
	 */
	ActingAs forTenant(String tenantKey) {
		Assert.isTrue(tenantKey != null && !tenantKey.isBlank(), "tenantKey must not be null or blank");
		// A self-built app is refused whoever the calls act as: its users are of its own tenant only.
		this.tenantTokens.forTenant(tenantKey);
		return new ActingAs(this.tenantTokens, tenantKey, this.userTokens);
	}

	/**
	 * Act as a user, with their user access token, in the tenant named with {@link #forTenant} (if any).
	 * @param userAccessToken the user access token ({@code u-...})
	 * @return acting as that user
	 * @throws IllegalArgumentException if the token is null or blank
	 */
	ActingAs user(String userAccessToken) {
		Assert.isTrue(userAccessToken != null && !userAccessToken.isBlank(),
				"userAccessToken must not be null or blank");
		return new ActingAs(this.tenantTokens, this.namedTenant, AccessTokenSource.fixed(userAccessToken));
	}

	/**
	 * Act as a user whose tokens come from a source that can renew them, such as a signed-in user's
	 * ({@code FeishuUserTokens}): a token the platform rejects is renewed and the call retried once. The calls act in
	 * the tenant named with {@link #forTenant}, or the source's if none was, and are rate limited as that tenant's.
	 * @param userAccessTokens the user's tokens
	 * @return acting as that user
	 * @throws IllegalArgumentException if the source is null
	 * @throws IllegalStateException if a tenant was named with {@link #forTenant} and the source's tokens are another
	 * tenant's
	 */
	ActingAs user(AccessTokenSource userAccessTokens) {
		Assert.notNull(userAccessTokens, "userAccessTokens must not be null");
		return new ActingAs(this.tenantTokens, this.namedTenant, userAccessTokens);
	}

	/**
	 * A user's tokens acting in a tenant: the tenant they already act in must be that one, since a user's token
	 * is good in its own tenant only and a view must not pretend otherwise.
	 */
	private static AccessTokenSource inTenant(AccessTokenSource userTokens, String tenantKey) {
		String own = userTokens.tenantKey();
		if (own != null && !own.equals(tenantKey)) {
			throw new IllegalStateException("These operations act as a user of tenant " + own + ", not of tenant "
					+ tenantKey + ": a user's token acts in the user's own tenant only. Use operations acting as a "
					+ "user of " + tenantKey + ", or forTenant(\"" + tenantKey + "\") on operations that act as the "
					+ "app");
		}
		return userTokens.inTenant(tenantKey);
	}

	/**
	 * Where the calls' bearer tokens come from.
	 * @return the token source
	 */
	AccessTokenSource tokens() {
		return this.tokens;
	}

	/**
	 * Whether the calls act as a user.
	 * @return {@code true} with a user access token
	 */
	boolean isUser() {
		return this.userTokens != null;
	}

	/**
	 * Whether the tokens are a store app's.
	 * @return {@code true} for a store app, whoever the calls act as
	 */
	boolean isStoreApp() {
		return this.tenantTokens.servesStoreApp();
	}

	/**
	 * The tenant the calls act in, if named.
	 * @return the tenant key, or {@code null} for the app's own
	 */
	@Nullable String tenantKey() {
		return this.tokens.tenantKey();
	}

	/** {@code actingAs=app, tenant=...}: never shows a token. */
	@Override
	public String toString() {
		String tenant = tenantKey();
		return "actingAs=" + (isUser() ? "user" : "app") + ((tenant != null) ? ", tenant=" + tenant : "");
	}

}
