package io.github.feishuvc.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.github.feishuvc.auth.TokenStore;
import io.github.feishuvc.core.AccessTokenSource;
import io.github.feishuvc.core.CallInfo;
import io.github.feishuvc.core.FeishuVcSignInRequiredException;
import io.github.feishuvc.core.FeishuVcTimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.util.Assert;

/**
 * {@link FeishuUserTokens} from a Spring Security authorized-client manager that works outside requests (one built
 * on the authorized-client service, such as {@code AuthorizedClientServiceOAuth2AuthorizedClientManager}), with the
 * authorization-code and refresh-token providers ({@link SharedAuthorizedClientManagers} builds them as they need to
 * be when replicas share the authorized clients).
 *
 * <p>One authorization per user is in flight at a time, so concurrent calls of one user never spend a refresh token
 * twice (the platform rotates them: a second use is refused, and Spring Security would then forget the user's
 * tokens). With a fleet lock ({@link #withFleetLock}, the shared state's token store on Redis) that holds across
 * replicas too: an authorization that may refresh (the user's token is unknown here, was rejected, or expires within
 * {@link #REFRESH_WINDOW}) takes the user's lock first, and the replica that waited for it finds the token the other
 * one saved rather than refresh again. A token the platform rejected is replaced by refreshing it even if it has not
 * expired yet; every call of the user sees that it was rejected, whichever source it came through. Every
 * authorization ends by its deadline ({@link #withTimeout}, the call timeout), with a
 * {@link FeishuVcTimeoutException}; its in-flight entry goes however it ends.
 */
public final class AuthorizedClientUserTokens implements FeishuUserTokens {

	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * How close to its expiry a user's access token may be refreshed: Spring Security's refresh-token provider
	 * refreshes a minute ahead, and this leaves another for the clocks.
	 */
	public static final Duration REFRESH_WINDOW = Duration.ofMinutes(2);

	/** How long a user's refresh lock holds once its holder stops renewing it (the holder died). */
	private static final Duration LOCK_TTL = Duration.ofSeconds(5);

	private static final Duration LOCK_POLL = Duration.ofMillis(50);

	/** Authorizations a call waits through for one that knew its token was rejected (each started after the last). */
	private static final int RENEWALS = 3;

	/** The fewest users remembered before those whose tokens ended are looked for. */
	static final int FORGET_FLOOR = 1024;

	private final Function<OAuth2AuthorizeRequest, Mono<OAuth2AuthorizedClient>> manager;

	private final String registrationId;

	private final boolean storeApp;

	private final Duration timeout;

	private final @Nullable TokenStore fleetLock;

	private final String owner = Long.toHexString(ThreadLocalRandom.current().nextLong());

	private final Map<String, Authorization> inFlight = new ConcurrentHashMap<>();

	/** The token the platform last rejected, per user, until an authorization brings another. */
	private final Map<String, Rejection> rejected = new ConcurrentHashMap<>();

	private final AtomicLong rejections = new AtomicLong();

	/** When the access token last seen expires, per user: an authorization long before it refreshes nothing. */
	private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

	/**
	 * How many users may be remembered before those whose tokens have ended are forgotten: twice as many as were
	 * left the last time, so that forgetting costs a constant per user however many sign in once and never return.
	 */
	private final AtomicInteger forgetAt = new AtomicInteger(FORGET_FLOOR);

	private final Clock clock;

	private AuthorizedClientUserTokens(Function<OAuth2AuthorizeRequest, Mono<OAuth2AuthorizedClient>> manager,
			String registrationId, boolean storeApp, Duration timeout, @Nullable TokenStore fleetLock, Clock clock) {
		Assert.hasText(registrationId, "registrationId must not be empty");
		Assert.isTrue(timeout.compareTo(Duration.ZERO) > 0, "timeout must be positive");
		this.manager = manager;
		this.registrationId = registrationId;
		this.storeApp = storeApp;
		this.timeout = timeout;
		this.fleetLock = fleetLock;
		this.clock = clock;
	}

	/**
	 * Tokens from a blocking (servlet stack) manager, which runs on Reactor's bounded elastic scheduler; every
	 * authorization ends within 30 seconds, and refreshes are single-flight in this instance only.
	 * @param manager the manager
	 * @param registrationId the registration of Feishu sign-in
	 * @param storeApp whether the app is a store app (the user's tenant then rate limits their calls)
	 * @return the user tokens
	 */
	public static AuthorizedClientUserTokens of(OAuth2AuthorizedClientManager manager, String registrationId,
			boolean storeApp) {
		Assert.notNull(manager, "manager must not be null");
		return new AuthorizedClientUserTokens(
				(request) -> Mono.fromCallable(() -> manager.authorize(request)).subscribeOn(Schedulers.boundedElastic()),
				registrationId, storeApp, DEFAULT_TIMEOUT, null,
				Clock.systemUTC());
	}

	/**
	 * Tokens from a reactive manager; every authorization ends within 30 seconds, and refreshes are single-flight in
	 * this instance only.
	 * @param manager the manager
	 * @param registrationId the registration of Feishu sign-in
	 * @param storeApp whether the app is a store app (the user's tenant then rate limits their calls)
	 * @return the user tokens
	 */
	public static AuthorizedClientUserTokens of(ReactiveOAuth2AuthorizedClientManager manager, String registrationId,
			boolean storeApp) {
		Assert.notNull(manager, "manager must not be null");
		return new AuthorizedClientUserTokens(manager::authorize, registrationId, storeApp, DEFAULT_TIMEOUT, null,
				Clock.systemUTC());
	}

	/**
	 * The same tokens, each authorization ending by another deadline.
	 * @param timeout the deadline of an authorization, a refresh and any wait for another replica's included
	 * @return the user tokens
	 */
	public AuthorizedClientUserTokens withTimeout(Duration timeout) {
		return new AuthorizedClientUserTokens(this.manager, this.registrationId, this.storeApp, timeout,
				this.fleetLock, this.clock);
	}

	/**
	 * The same tokens, refreshed one at a time per user across every instance sharing the lock's store (and the
	 * authorized clients).
	 * @param fleetLock the store whose lock ({@code user:<registration>:<principal>}) the refreshes take
	 * @return the user tokens
	 */
	public AuthorizedClientUserTokens withFleetLock(TokenStore fleetLock) {
		Assert.notNull(fleetLock, "fleetLock must not be null");
		return new AuthorizedClientUserTokens(this.manager, this.registrationId, this.storeApp, this.timeout,
				fleetLock, this.clock);
	}

	/**
	 * The same tokens, judging expiries by another clock.
	 * @param clock the clock
	 * @return the user tokens
	 */
	AuthorizedClientUserTokens withClock(Clock clock) {
		return new AuthorizedClientUserTokens(this.manager, this.registrationId, this.storeApp, this.timeout,
				this.fleetLock, clock);
	}

	/**
	 * How many users this instance remembers a token expiry or a rejection of.
	 * @return the number of users
	 */
	int rememberedUsers() {
		return this.expiries.size() + this.rejected.size();
	}

	@Override
	public AccessTokenSource of(Authentication user) {
		Assert.notNull(user, "user must not be null");
		String tenantKey = null;
		if (this.storeApp && user instanceof OAuth2AuthenticationToken oauth2
				&& oauth2.getPrincipal().getAttribute("tenant_key") instanceof String key) {
			tenantKey = key;
		}
		return new UserTokenSource(user.getName(), (client) -> request(client).principal(user).build(), tenantKey);
	}

	@Override
	public AccessTokenSource of(String principalName) {
		Assert.isTrue(principalName != null && !principalName.isBlank(), "principalName must not be null or blank");
		return new UserTokenSource(principalName, (client) -> request(client).principal(principalName).build(), null);
	}

	private OAuth2AuthorizeRequest.Builder request(@Nullable OAuth2AuthorizedClient client) {
		return (client != null) ? OAuth2AuthorizeRequest.withAuthorizedClient(client)
				: OAuth2AuthorizeRequest.withClientRegistrationId(this.registrationId);
	}

	/**
	 * The user's authorized client, its token refreshed if the platform rejected it; one such authorization per user
	 * in flight, shared by every call of the user that asks meanwhile, and with a fleet lock one refresh per user
	 * across the instances.
	 */
	private Authorization authorize(String principalName,
			Function<@Nullable OAuth2AuthorizedClient, OAuth2AuthorizeRequest> requests) {
		AtomicReference<Authorization> shared = new AtomicReference<>();
		return this.inFlight.computeIfAbsent(principalName, (name) -> {
			Rejection known = this.rejected.get(name);
			TokenStore lock = this.fleetLock;
			boolean locked = lock != null && mayRefresh(name, known);
			// Without the fleet's lock an authorization renews nothing: a rejection recorded while it was on its way
			// is for the next one, which takes the lock.
			boolean mayRenew = lock == null || locked;
			Mono<OAuth2AuthorizedClient> authorization = Mono.defer(() -> this.manager.apply(requests.apply(null)))
				.flatMap((client) -> (mayRenew && isRejected(name, client))
						? this.manager.apply(requests.apply(expired(client))) : Mono.just(client))
				// Another replica spent the refresh token and saved what it got: that is the user's client now.
				.onErrorResume(RefusedRefresh.class, (ex) -> ex.renewedElsewhere()
						? Mono.defer(() -> this.manager.apply(requests.apply(null))) : Mono.error(ex));
			if (locked) {
				authorization = lock.exclusively("user:" + this.registrationId + ":" + name, this.owner, LOCK_TTL,
						LOCK_POLL, authorization);
			}
			shared.set(new Authorization(authorization
				.doOnNext((client) -> {
					Instant expiresAt = client.getAccessToken().getExpiresAt();
					if (expiresAt != null && this.expiries.put(name, expiresAt) == null) {
						forgetEnded();
					}
					this.rejected.computeIfPresent(name, (key, rejection) -> rejection.token()
						.equals(client.getAccessToken().getTokenValue()) ? rejection : null);
				})
				.doOnError((ex) -> this.rejected.remove(name))
				.timeout(this.timeout, Mono.error(() -> new FeishuVcTimeoutException(
						CallInfo.noResponse(FeishuVcSignInRequiredException.OPERATION, 1),
						"the token endpoint of registration " + this.registrationId,
						FeishuVcTimeoutException.CALL_TIMEOUT, this.timeout)))
				// Gone before its answer is shared, however it ends: a call that finds the answer rejected must start
				// anew, not join it.
				.doOnTerminate(() -> this.inFlight.remove(name, shared.get()))
				.doOnCancel(() -> this.inFlight.remove(name, shared.get()))
				.cache(), (known != null) ? known.generation() : 0));
			return shared.get();
		});
	}

	/** Whether an authorization of the user may refresh: their token is unknown here, rejected or about to expire. */
	private boolean mayRefresh(String principalName, @Nullable Rejection known) {
		Instant expiresAt = this.expiries.get(principalName);
		return expiresAt == null || known != null || !this.clock.instant().plus(REFRESH_WINDOW).isBefore(expiresAt);
	}

	/**
	 * Forgets, once enough users are remembered, those whose last token has ended, and the rejections of their
	 * tokens: a token that has ended is refreshed whatever was known of it, so forgetting changes no answer. Keeps
	 * the memory of an application that thousands of users sign in to once bounded by those signed in now.
	 */
	private void forgetEnded() {
		int threshold = this.forgetAt.get();
		if (rememberedUsers() < threshold || !this.forgetAt.compareAndSet(threshold, Integer.MAX_VALUE)) {
			return;
		}
		Instant now = this.clock.instant();
		this.expiries.values().removeIf((expiresAt) -> !expiresAt.isAfter(now));
		// Each rejection removed only if it is still the one seen: one recorded meanwhile, for a token that came
		// since, stays.
		this.rejected.forEach((name, rejection) -> {
			if (!this.expiries.containsKey(name)) {
				this.rejected.remove(name, rejection);
			}
		});
		this.forgetAt.set(Math.max(FORGET_FLOOR, 2 * rememberedUsers()));
	}

	private boolean isRejected(String principalName, OAuth2AuthorizedClient client) {
		return rejectionOf(principalName, client) != null;
	}

	/** The rejection of the client's token, if the platform rejected it. */
	private @Nullable Rejection rejectionOf(String principalName, OAuth2AuthorizedClient client) {
		Rejection rejection = this.rejected.get(principalName);
		return (rejection != null && rejection.token().equals(client.getAccessToken().getTokenValue())) ? rejection
				: null;
	}

	/**
	 * An authorization on its way.
	 * @param client its answer, shared
	 * @param rejectionKnown the generation of the user's rejection known when it started (0 for none): it renews
	 * that token and those rejected before, not one rejected after it started
	 */
	private record Authorization(Mono<OAuth2AuthorizedClient> client, long rejectionKnown) {
	}

	/** A token the platform rejected, numbered in the order of the rejections. */
	private record Rejection(String token, long generation) {
	}

	/**
	 * An authorized client like {@code client} whose access token has expired, so the manager refreshes it: expired by
	 * the wall clock, which Spring Security's refresh-token provider judges by, not by this class's clock.
	 */
	private static OAuth2AuthorizedClient expired(OAuth2AuthorizedClient client) {
		OAuth2AccessToken token = client.getAccessToken();
		Instant now = Instant.now();
		return new OAuth2AuthorizedClient(client.getClientRegistration(), client.getPrincipalName(),
				new OAuth2AccessToken(token.getTokenType(), token.getTokenValue(), now.minusSeconds(1), now,
						token.getScopes()),
				client.getRefreshToken());
	}

	private final class UserTokenSource implements AccessTokenSource {

		private final String principalName;

		private final Function<@Nullable OAuth2AuthorizedClient, OAuth2AuthorizeRequest> requests;

		private final @Nullable String tenantKey;

		UserTokenSource(String principalName,
				Function<@Nullable OAuth2AuthorizedClient, OAuth2AuthorizeRequest> requests,
				@Nullable String tenantKey) {
			this.principalName = principalName;
			this.requests = requests;
			this.tenantKey = tenantKey;
		}

		/**
		 * The user's token. An authorization already on its way when the platform rejected the token may bring the
		 * rejected one back; one that started knowing of the rejection replaces it, or finds it cannot. Only such an
		 * answer is judged: another call may reject the token at any moment during an earlier authorization.
		 */
		@Override
		public Mono<String> getToken() {
			return authorize(this.principalName, this.requests).client()
				.flatMap((client) -> {
					Rejection rejection = rejectionOf(this.principalName, client);
					return (rejection != null) ? renewed(rejection, RENEWALS) : Mono.just(client);
				})
				.switchIfEmpty(Mono.error(() -> signInRequired("they have not signed in with Feishu", null)))
				.map((client) -> client.getAccessToken().getTokenValue())
				.onErrorMap(OAuth2AuthorizationException.class, (ex) -> signInRequired(
						"renewing their token failed (" + ex.getError().getErrorCode() + ")", ex));
		}

		/** The client of an authorization that knew of the rejection, or the user must sign in again. */
		private Mono<OAuth2AuthorizedClient> renewed(Rejection rejection, int authorizations) {
			return Mono.defer(() -> {
				Authorization next = authorize(this.principalName, this.requests);
				return next.client().flatMap((client) -> {
					if (!isRejected(this.principalName, client)) {
						return Mono.just(client);
					}
					if (next.rejectionKnown() < rejection.generation() && authorizations > 1) {
						return renewed(rejection, authorizations - 1);
					}
					return Mono.error(signInRequired(
							"the platform rejected their access token and there is no refresh token to renew it "
									+ "(sign-in asks for offline_access to get one)",
							null));
				});
			});
		}

		@Override
		public void invalidate(String token) {
			if (AuthorizedClientUserTokens.this.rejected.put(this.principalName,
					new Rejection(token, AuthorizedClientUserTokens.this.rejections.incrementAndGet())) == null) {
				forgetEnded();
			}
		}

		@Override
		public @Nullable String tenantKey() {
			return this.tenantKey;
		}

		private FeishuVcSignInRequiredException signInRequired(String reason, @Nullable Throwable cause) {
			return new FeishuVcSignInRequiredException(this.principalName, reason, cause);
		}

		@Override
		public String toString() {
			return "AccessTokenSource[user=" + this.principalName + "]";
		}

	}

}
