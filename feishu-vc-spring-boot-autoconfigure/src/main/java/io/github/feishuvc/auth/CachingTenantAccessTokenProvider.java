package io.github.feishuvc.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.feishuvc.core.CallInfo;
import io.github.feishuvc.core.FeishuVcApiException;
import io.github.feishuvc.core.FeishuVcAuthenticationException;
import io.github.feishuvc.core.FeishuVcCall;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.core.ResponseReader;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * Fetches the tenant access token of a self-built (internal) app and caches it until shortly before it expires.
 *
 * <p>Refreshes are single-flight: however many callers ask while the cache is empty or stale, one request goes to
 * the platform and all of them get its answer ({@link Mono#cacheInvalidateIf}). A failed fetch is not cached; the
 * next caller tries again. The platform's {@code expire} (seconds) decides the lifetime; the token is refreshed
 * {@code refreshBeforeExpiry} before that, or at half its lifetime if the margin is larger than that, so a short
 * lived token is never refetched on every call.
 */
public final class CachingTenantAccessTokenProvider implements TenantAccessTokenProvider {

	/** Operation name used in logs and exceptions. */
	public static final String OPERATION = "auth.tenant_access_token";

	/** Path of the token endpoint for self-built apps. */
	public static final String PATH = "/open-apis/auth/v3/tenant_access_token/internal";

	private static final Log logger = LogFactory.getLog(CachingTenantAccessTokenProvider.class);

	private static final ResponseReader<TenantAccessTokenResponse, TenantAccessTokenResponse> READER = ResponseReader
		.of(TenantAccessTokenResponse.class, (body) -> body.isComplete() ? body : null, "tenant_access_token and expire");

	private final Duration refreshBeforeExpiry;

	private final Clock clock;

	private final Mono<String> token;

	private volatile @Nullable CachedToken current;

	private volatile @Nullable CachedToken rejected;

	private volatile @Nullable TokenRefresh lastRefresh;

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
		Assert.hasText(appId, "appId must not be empty");
		Assert.hasText(appSecret, "appSecret must not be empty");
		Assert.isTrue(!refreshBeforeExpiry.isNegative(), "refreshBeforeExpiry must not be negative");
		this.refreshBeforeExpiry = refreshBeforeExpiry;
		this.clock = clock;
		FeishuVcCall call = new FeishuVcCall(OPERATION, HttpMethod.POST, executor.uri(PATH),
				requestBody(appId, appSecret), true);
		this.token = executor.execute(call, READER)
			.onErrorMap(CachingTenantAccessTokenProvider::isUnspecific,
					CachingTenantAccessTokenProvider::toAuthenticationFailure)
			.doOnError((ex) -> this.lastRefresh = new TokenRefresh(this.clock.instant(), null, ex))
			.map(this::cache)
			.cacheInvalidateIf(this::isStale)
			.map(CachedToken::value);
	}

	@Override
	public Mono<String> getToken() {
		return this.token;
	}

	@Override
	public void invalidate(String token) {
		CachedToken current = this.current;
		if (current != null && current.value().equals(token)) {
			this.rejected = current;
			logger.debug("Tenant access token rejected by the platform; the next call fetches a new one");
		}
	}

	/**
	 * How the last token fetch went, for health checks; reading it never calls the platform.
	 * @return the last fetch, or {@code null} if none was made yet
	 */
	public @Nullable TokenRefresh lastRefresh() {
		return this.lastRefresh;
	}

	private CachedToken cache(TenantAccessTokenResponse response) {
		Instant now = this.clock.instant();
		Duration lifetime = Duration.ofSeconds(response.expire());
		Duration refreshAfter = lifetime.minus(this.refreshBeforeExpiry);
		if (refreshAfter.compareTo(lifetime.dividedBy(2)) < 0) {
			refreshAfter = lifetime.dividedBy(2);
		}
		CachedToken token = new CachedToken(response.tenantAccessToken(), now.plus(refreshAfter), now.plus(lifetime));
		this.current = token;
		this.lastRefresh = new TokenRefresh(now, token.expiresAt(), null);
		if (logger.isDebugEnabled()) {
			logger.debug("Fetched a tenant access token valid for " + lifetime.toSeconds() + "s; refreshing it after "
					+ refreshAfter.toSeconds() + "s");
		}
		return token;
	}

	private boolean isStale(CachedToken token) {
		return token == this.rejected || !this.clock.instant().isBefore(token.refreshAt());
	}

	private static boolean isUnspecific(Throwable ex) {
		return ex.getClass() == FeishuVcApiException.class;
	}

	private static Throwable toAuthenticationFailure(Throwable ex) {
		FeishuVcApiException api = (FeishuVcApiException) ex;
		return new FeishuVcAuthenticationException(
				new CallInfo(api.operation(), api.attempts(), api.httpStatus(), api.logId(), null), api.code(),
				api.msg());
	}

	private static byte[] requestBody(String appId, String appSecret) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("app_id", appId);
		body.put("app_secret", appSecret);
		return FeishuVcJson.mapper().writeValueAsBytes(body);
	}

	/**
	 * The outcome of a token fetch; never holds the token.
	 *
	 * @param at when the fetch ended
	 * @param expiresAt when the fetched token expires, {@code null} if the fetch failed
	 * @param failure why the fetch failed, {@code null} if it succeeded
	 */
	public record TokenRefresh(Instant at, @Nullable Instant expiresAt, @Nullable Throwable failure) {

		/**
		 * Whether the fetch got a token.
		 * @return whether it succeeded
		 */
		public boolean succeeded() {
			return this.failure == null;
		}

	}

	/** A cached token; its {@code toString()} never shows the value. */
	private record CachedToken(String value, Instant refreshAt, Instant expiresAt) {

		@Override
		public String toString() {
			return "CachedToken[refreshAt=" + this.refreshAt + ", expiresAt=" + this.expiresAt + "]";
		}

	}

}
