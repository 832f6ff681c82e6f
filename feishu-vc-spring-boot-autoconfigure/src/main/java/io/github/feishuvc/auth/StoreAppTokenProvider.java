package io.github.feishuvc.auth;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Scheduler;
import io.github.feishuvc.core.AccessTokenSource;
import io.github.feishuvc.core.CallInfo;
import io.github.feishuvc.core.FeishuVcApiException;
import io.github.feishuvc.core.FeishuVcAuthenticationException;
import io.github.feishuvc.core.FeishuVcErrorCodes;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.ResponseReader;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * The tokens of a store (marketplace) app, which acts for every tenant that installed it: the app access token,
 * fetched with the {@code app_ticket} the platform pushes to the app's event URL, and one tenant access token per
 * tenant, fetched with the app access token.
 *
 * <p>Every token is cached, refreshed before it expires and fetched single-flight, as
 * {@link CachingTenantAccessTokenProvider} does for a self-built app. The tenants' tokens live in a bounded cache
 * (Caffeine) that forgets tenants idle for a while, so thousands of tenants never grow memory without bound. When
 * the platform says the app access token is bad while a tenant token is fetched, the app token is dropped and the
 * fetch tried once more.
 *
 * <p>With no ticket in the {@link AppTicketStore}, the first fetch of the app token asks the platform to resend one
 * (once, for all concurrent callers) and waits up to {@code ticketWait} for it to arrive, then fails with a
 * {@link FeishuVcAuthenticationException} ({@link FeishuVcErrorCodes#APP_TICKET_MISSING}). A ticket the platform
 * refuses as invalid ({@link FeishuVcErrorCodes#APP_TICKET_INVALID}, and only that code: a rate limit or an outage
 * says nothing about the ticket) is not used again: the same fetch asks for a new one, waits for it and tries again.
 *
 * <p>Its {@link #lastRefresh()} is the app token's, which only the app's own credentials decide; the tenants'
 * failures (an uninstalled tenant, a wrong tenant key) are counted apart ({@link #tenantFailures()}).
 *
 * <p>Calls must name their tenant ({@link #forTenant(String)}); {@link #getToken()} fails, and a call made without a
 * tenant is refused at once.
 */
public final class StoreAppTokenProvider implements TenantAccessTokenProvider, TokenRefreshHistory {

	/** Operation name of the app access token fetch. */
	public static final String APP_TOKEN_OPERATION = "auth.app_access_token";

	/** Path of the app access token endpoint for store apps. */
	public static final String APP_TOKEN_PATH = "/open-apis/auth/v3/app_access_token";

	/** Operation name of a tenant access token fetch. */
	public static final String TENANT_TOKEN_OPERATION = CachingTenantAccessTokenProvider.OPERATION;

	/** Path of the tenant access token endpoint for store apps. */
	public static final String TENANT_TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token";

	/** Operation name of the request to push the app ticket again. */
	public static final String RESEND_OPERATION = "auth.app_ticket_resend";

	/** Path of the endpoint that asks the platform to push the app ticket again. */
	public static final String RESEND_PATH = "/open-apis/auth/v3/app_ticket/resend";

	private static final Log logger = LogFactory.getLog(StoreAppTokenProvider.class);

	private static final Duration TICKET_POLL_INTERVAL = Duration.ofMillis(50);

	private static final String NO_TENANT = "A store app acts for many tenants: name the tenant of each call with "
			+ "forTenant(tenantKey), for example reserves.forTenant(tenantKey).get(reserveId)";

	private final FeishuVcExecutor executor;

	private final String appId;

	private final String appSecret;

	private final AppTicketStore tickets;

	private final Duration ticketWait;

	private final String eventUrlHint;

	private final Duration refreshBeforeExpiry;

	private final Clock clock;

	private final RefreshingToken appToken;

	private final Cache<String, RefreshingToken> tenantTokens;

	private final Mono<String> usableTicket;

	private final @Nullable TokenStore tokenStore;

	private volatile @Nullable String rejectedTicket;

	private final TenantFailureCount tenantFailures = new TenantFailureCount();

	/**
	 * Create a provider.
	 * @param executor the executor that calls the token endpoints (and retries their transient failures)
	 * @param appId the app id ({@code cli_...})
	 * @param appSecret the app secret
	 * @param tickets where the pushed app tickets are kept
	 * @param settings how long to wait for a ticket, when to refresh, how many tenants to keep
	 * @param clock the clock that decides when a token is stale
	 */
	public StoreAppTokenProvider(FeishuVcExecutor executor, String appId, String appSecret, AppTicketStore tickets,
			Settings settings, Clock clock) {
		this(executor, appId, appSecret, tickets, settings, clock, null);
	}

	/**
	 * Create a provider that shares its tokens with the app's other instances.
	 * @param executor the executor that calls the token endpoints (and retries their transient failures)
	 * @param appId the app id ({@code cli_...})
	 * @param appSecret the app secret
	 * @param tickets where the pushed app tickets are kept
	 * @param settings how long to wait for a ticket, when to refresh, how many tenants to keep
	 * @param clock the clock that decides when a token is stale
	 * @param tokenStore where the instances share the app token and the tenants' tokens, or {@code null} to share
	 * nothing
	 */
	public StoreAppTokenProvider(FeishuVcExecutor executor, String appId, String appSecret, AppTicketStore tickets,
			Settings settings, Clock clock, @Nullable TokenStore tokenStore) {
		Assert.hasText(appId, "appId must not be empty");
		Assert.hasText(appSecret, "appSecret must not be empty");
		this.executor = executor;
		this.appId = appId;
		this.appSecret = appSecret;
		this.tickets = tickets;
		this.ticketWait = settings.ticketWait();
		this.eventUrlHint = settings.eventUrlHint();
		this.refreshBeforeExpiry = settings.refreshBeforeExpiry();
		this.clock = clock;
		this.usableTicket = Mono.defer(() -> this.tickets.get(this.appId))
			.filter((ticket) -> !ticket.equals(this.rejectedTicket));
		this.tokenStore = tokenStore;
		this.appToken = new RefreshingToken("an app access token", Mono.defer(this::fetchAppToken),
				this.refreshBeforeExpiry, clock, null, RefreshingToken.Sharing.in(tokenStore, "token:" + appId + ":app"));
		this.tenantTokens = Caffeine.newBuilder()
			.maximumSize(settings.maxTenants())
			.expireAfterAccess(settings.tenantIdleTime())
			// Idle tenants' tokens go when they expire, not at the cache's next busy moment.
			.scheduler(Scheduler.systemScheduler())
			.build();
	}

	@Override
	public boolean servesStoreApp() {
		return true;
	}

	/**
	 * Always an error: a store app has no tenant of its own.
	 * @return an {@link IllegalStateException} that says to use {@link #forTenant(String)}
	 */
	@Override
	public Mono<String> getToken() {
		return Mono.error(new IllegalStateException(NO_TENANT));
	}

	@Override
	public void invalidate(String token) {
	}

	/**
	 * Refuses every call made without a tenant.
	 * @throws IllegalStateException always, saying to use {@link #forTenant(String)}
	 */
	@Override
	public void checkUsable() {
		throw new IllegalStateException(NO_TENANT);
	}

	@Override
	public AccessTokenSource forTenant(String tenantKey) {
		Assert.isTrue(tenantKey != null && !tenantKey.isBlank(), "tenantKey must not be null or blank");
		return new TenantTokenSource(tenantKey);
	}

	/**
	 * The latest fetch of the app token, which only the app's own credentials and ticket decide.
	 */
	@Override
	public @Nullable TokenRefresh lastRefresh() {
		return this.appToken.lastRefresh();
	}

	@Override
	public TenantTokenFailures tenantFailures() {
		return this.tenantFailures.snapshot();
	}

	/**
	 * How many tenants' tokens are cached now, for diagnostics.
	 * @return the number of cached tenants
	 */
	public long cachedTenants() {
		this.tenantTokens.cleanUp();
		return this.tenantTokens.estimatedSize();
	}

	private RefreshingToken tenantToken(String tenantKey) {
		return this.tenantTokens.get(tenantKey, (key) -> new RefreshingToken("a tenant access token",
				Mono.defer(() -> fetchTenantToken(key)), this.refreshBeforeExpiry, this.clock,
				(refresh) -> this.tenantFailures.record(key, refresh),
				RefreshingToken.Sharing.in(this.tokenStore, "token:" + this.appId + ":tenant:" + key)));
	}

	private Mono<IssuedToken> fetchAppToken() {
		return this.usableTicket.switchIfEmpty(Mono.defer(this::resendAndAwaitTicket))
			.flatMap((ticket) -> requestAppToken(ticket).onErrorResume(StoreAppTokenProvider::isTicketRejection, (ex) -> {
				this.rejectedTicket = ticket;
				logger.info("The platform refused the app_ticket of store app " + this.appId
						+ " as invalid; asking it to push a new one");
				return resendAndAwaitTicket().flatMap(this::requestAppToken);
			}));
	}

	private Mono<IssuedToken> requestAppToken(String ticket) {
		return TokenEndpoints.execute(this.executor, TokenEndpoints.call(this.executor, APP_TOKEN_OPERATION,
				APP_TOKEN_PATH, "app_id", this.appId, "app_secret", this.appSecret, "app_ticket", ticket),
				AccessTokenResponse.APP_TOKEN);
	}

	private static boolean isTicketRejection(Throwable ex) {
		return ex instanceof FeishuVcApiException api && api.code() == FeishuVcErrorCodes.APP_TICKET_INVALID;
	}

	private Mono<String> resendAndAwaitTicket() {
		logger.info("No usable app_ticket known for store app " + this.appId + "; asking the platform to push one to "
				+ "the app's event URL");
		return TokenEndpoints
			.execute(this.executor, TokenEndpoints.call(this.executor, RESEND_OPERATION, RESEND_PATH, "app_id",
					this.appId, "app_secret", this.appSecret), ResponseReader.acknowledgement())
			.then(this.usableTicket.repeatWhenEmpty((polls) -> polls.delayElements(TICKET_POLL_INTERVAL))
				.timeout(this.ticketWait, Mono.error(this::noTicket)));
	}

	private FeishuVcAuthenticationException noTicket() {
		return FeishuVcAuthenticationException.noAppTicket(CallInfo.noResponse(APP_TOKEN_OPERATION, 1),
				"no app_ticket has arrived for store app " + this.appId + " within " + this.ticketWait.toMillis()
						+ "ms of asking the platform to resend one. The platform pushes it to the app's event "
						+ "request URL: in the Feishu developer console (Events and callbacks), point that URL at "
						+ this.eventUrlHint + ", or feed tickets to the AppTicketStore yourself");
	}

	private Mono<IssuedToken> fetchTenantToken(String tenantKey) {
		return this.appToken.get()
			.flatMap((appToken) -> requestTenantToken(appToken, tenantKey)
				.onErrorResume(StoreAppTokenProvider::isTokenRejection, (ex) -> {
					this.appToken.invalidate(appToken);
					return this.appToken.get().flatMap((renewed) -> requestTenantToken(renewed, tenantKey));
				}));
	}

	private Mono<IssuedToken> requestTenantToken(String appToken, String tenantKey) {
		return TokenEndpoints.execute(this.executor, TokenEndpoints.call(this.executor, TENANT_TOKEN_OPERATION,
				TENANT_TOKEN_PATH, "app_access_token", appToken, "tenant_key", tenantKey),
				AccessTokenResponse.TENANT_TOKEN);
	}

	private static boolean isTokenRejection(Throwable ex) {
		return ex instanceof FeishuVcAuthenticationException rejection
				&& FeishuVcErrorCodes.isAccessTokenError(rejection.code());
	}

	@Override
	public String toString() {
		return "StoreAppTokenProvider[appId=" + this.appId + ", tenants=" + this.tenantTokens.estimatedSize() + "]";
	}

	/**
	 * Settings of a {@link StoreAppTokenProvider}.
	 *
	 * @param ticketWait how long to wait for a ticket after asking the platform to resend one
	 * @param eventUrlHint where the app's event URL must point, for the error that no ticket arrived
	 * @param refreshBeforeExpiry how long before a token expires to fetch a new one
	 * @param maxTenants the most tenants whose tokens are cached at once
	 * @param tenantIdleTime how long a tenant's token stays cached without being used
	 */
	public record Settings(Duration ticketWait, String eventUrlHint, Duration refreshBeforeExpiry, long maxTenants,
			Duration tenantIdleTime) {

		/**
		 * Check the settings.
		 * @param ticketWait how long to wait for a ticket after asking the platform to resend one
		 * @param eventUrlHint where the app's event URL must point, for the error that no ticket arrived
		 * @param refreshBeforeExpiry how long before a token expires to fetch a new one
		 * @param maxTenants the most tenants whose tokens are cached at once
		 * @param tenantIdleTime how long a tenant's token stays cached without being used
		 * @throws IllegalArgumentException if a wait or a count is negative, or the idle time not positive
		 */
		public Settings {
			Assert.isTrue(!ticketWait.isNegative(), "ticketWait must not be negative");
			Assert.isTrue(!refreshBeforeExpiry.isNegative(), "refreshBeforeExpiry must not be negative");
			Assert.isTrue(maxTenants > 0, "maxTenants must be positive");
			Assert.isTrue(!tenantIdleTime.isNegative() && !tenantIdleTime.isZero(), "tenantIdleTime must be positive");
		}

	}

	/** One tenant's tokens: looked up per call, so idle tenants can be forgotten. */
	private final class TenantTokenSource implements AccessTokenSource {

		private final String tenantKey;

		TenantTokenSource(String tenantKey) {
			this.tenantKey = tenantKey;
		}

		@Override
		public Mono<String> getToken() {
			return Mono.defer(() -> tenantToken(this.tenantKey).get());
		}

		@Override
		public void invalidate(String token) {
			RefreshingToken cached = StoreAppTokenProvider.this.tenantTokens.getIfPresent(this.tenantKey);
			if (cached != null) {
				cached.invalidate(token);
			}
		}

		@Override
		public String tenantKey() {
			return this.tenantKey;
		}

		@Override
		public String toString() {
			return "AccessTokenSource[tenant=" + this.tenantKey + "]";
		}

	}

}
