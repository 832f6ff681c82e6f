package io.github.feishuvc.auth;

import java.time.Clock;
import java.time.Duration;

import io.github.feishuvc.core.FeishuVcCall;
import io.github.feishuvc.core.FeishuVcExecutor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * Fetches the tenant access token of a self-built (internal) app and caches it until shortly before it expires.
 *
 * <p>Refreshes are single-flight: however many callers ask while the cache is empty or stale, one request goes to
 * the platform and all of them get its answer. A failed fetch is not cached; the next caller tries again. The
 * platform's {@code expire} (seconds, believed up to the documented two hours) decides the lifetime; the token is
 * refreshed {@code refreshBeforeExpiry} before that, or at half its lifetime if the margin is larger than that, so a
 * short-lived token is never refetched on every call.
 */
public final class CachingTenantAccessTokenProvider implements TenantAccessTokenProvider, TokenRefreshHistory {

	/** Operation name used in logs and exceptions. */
	public static final String OPERATION = "auth.tenant_access_token";

	/** Path of the token endpoint for self-built apps. */
	public static final String PATH = "/open-apis/auth/v3/tenant_access_token/internal";

	private final RefreshingToken token;

	/**
	 * Create a provider.
	 * @param executor the executor that calls the token endpoint (and retries its transient failures)
	 * @param appId the app id ({@code cli_...})
	 * @param appSecret the app secret
	 * @param refreshBeforeExpiry how long before the token expires to fetch a new one
	 * @param clock the clock that decides when a token is stale
	 */
	public CachingTenantAccessTokenProvider(FeishuVcExecutor executor, String appId, String appSecret,
			Duration refreshBeforeExpiry, Clock clock) {
		this(executor, appId, appSecret, refreshBeforeExpiry, clock, null);
	}

	/**
	 * Create a provider that shares its token with the app's other instances.
	 * @param executor the executor that calls the token endpoint (and retries its transient failures)
	 * @param appId the app id ({@code cli_...})
	 * @param appSecret the app secret
	 * @param refreshBeforeExpiry how long before the token expires to fetch a new one
	 * @param clock the clock that decides when a token is stale
	 * @param tokenStore where the instances share the token, or {@code null} to share nothing
	 */
	public CachingTenantAccessTokenProvider(FeishuVcExecutor executor, String appId, String appSecret,
			Duration refreshBeforeExpiry, Clock clock, @Nullable TokenStore tokenStore) {
		Assert.hasText(appId, "appId must not be empty");
		Assert.hasText(appSecret, "appSecret must not be empty");
		Assert.isTrue(!refreshBeforeExpiry.isNegative(), "refreshBeforeExpiry must not be negative");
		FeishuVcCall call = TokenEndpoints.call(executor, OPERATION, PATH, "app_id", appId, "app_secret", appSecret);
		this.token = new RefreshingToken("a tenant access token",
				TokenEndpoints.execute(executor, call, AccessTokenResponse.TENANT_TOKEN), refreshBeforeExpiry, clock, null,
				RefreshingToken.Sharing.in(tokenStore, "token:" + appId + ":tenant"));
	}

	@Override
	public Mono<String> getToken() {
		return this.token.get();
	}

	@Override
	public void invalidate(String token) {
		this.token.invalidate(token);
	}

	@Override
	public @Nullable TokenRefresh lastRefresh() {
		return this.token.lastRefresh();
	}

}
