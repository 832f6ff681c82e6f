package io.github.feishuvc.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * One cached token (the tenant token of a self-built app, a store app's app token, or one tenant's token), fetched
 * when first needed and again shortly before it expires.
 *
 * <p>Fetches are single-flight: however many callers ask while the cache is empty or stale, one fetch runs and all
 * of them get its answer ({@link Mono#cacheInvalidateIf}). A failed fetch is not cached; the next caller tries
 * again. The token is refreshed {@code refreshBeforeExpiry} before its lifetime ends, or at half its lifetime if the
 * margin is larger than that, so a short-lived token is never refetched on every call.
 */
final class RefreshingToken {

	private static final Log logger = LogFactory.getLog(RefreshingToken.class);

	/** How long the lock of a shared fetch holds once its holder stops renewing it (the holder died). */
	static final Duration SHARED_FETCH_LOCK = Duration.ofSeconds(5);

	private static final Duration SHARED_POLL_INTERVAL = Duration.ofMillis(50);

	private final String kind;

	private final Duration refreshBeforeExpiry;

	private final Clock clock;

	private final Mono<String> token;

	private volatile @Nullable CachedToken current;

	private volatile @Nullable CachedToken rejected;

	private final @Nullable Consumer<TokenRefresh> onRefresh;

	private final @Nullable Sharing sharing;

	private final String owner = Long.toHexString(ThreadLocalRandom.current().nextLong());

	private volatile @Nullable TokenRefresh lastRefresh;

	/**
	 * @param kind what the token is, for log lines, such as {@code a tenant access token}
	 * @param fetch fetches a new token from the platform; subscribed once per refresh
	 * @param refreshBeforeExpiry how long before the token expires to fetch a new one
	 * @param clock the clock that decides when a token is stale
	 * @param onRefresh told of every fetch's outcome, or {@code null}
	 * @param sharing where the token is shared with the app's other instances, or {@code null}
	 */
	RefreshingToken(String kind, Mono<IssuedToken> fetch, Duration refreshBeforeExpiry, Clock clock,
			@Nullable Consumer<TokenRefresh> onRefresh, @Nullable Sharing sharing) {
		this.kind = kind;
		this.refreshBeforeExpiry = refreshBeforeExpiry;
		this.clock = clock;
		this.onRefresh = onRefresh;
		this.sharing = sharing;
		this.token = ((sharing != null) ? shared(fetch, sharing) : fetch)
			.doOnError((ex) -> refreshed(new TokenRefresh(this.clock.instant(), null, ex)))
			.map(this::cache)
			.cacheInvalidateIf(this::isStale)
			.map(CachedToken::value);
	}

	Mono<String> get() {
		CachedToken current = this.current;
		// A fresh token is handed out as it is, sparing each call the cache operator's bookkeeping.
		return (current != null && !isStale(current)) ? Mono.just(current.value()) : this.token;
	}

	/** Forget the cached token if it is the rejected one, so that the next {@link #get()} fetches a new one. */
	void invalidate(String token) {
		CachedToken current = this.current;
		if (current != null && current.value().equals(token)) {
			this.rejected = current;
			logger.debug("The platform rejected " + this.kind + "; the next call fetches a new one");
		}
		if (this.sharing != null) {
			this.sharing.store().evict(this.sharing.key(), token).onErrorComplete().subscribe();
		}
	}

	/**
	 * The token another instance fetched, if one is kept that is not due for refresh; else one fetch for all
	 * instances: the one that gets the lock fetches and keeps the token, renewing its lock while the fetch goes on
	 * (however long a fetch takes, a store app's wait for its ticket included); the others wait for the token and stop
	 * waiting as soon as the lock is gone (the holder done without a token, or dead), then fetch on their own.
	 * Whatever goes wrong with the store, the instance fetches its own.
	 */
	private Mono<IssuedToken> shared(Mono<IssuedToken> fetch, Sharing sharing) {
		TokenStore store = sharing.store();
		String key = sharing.key();
		Duration lockTtl = sharing.lockTtl();
		Mono<IssuedToken> kept = Mono.defer(() -> store.get(key)).onErrorComplete().mapNotNull(this::usable);
		Mono<IssuedToken> fetchAndKeep = fetch.flatMap((issued) -> store
			.put(key, new TokenStore.SharedToken(issued.value(), this.clock.instant().plus(issued.lifetime())))
			.onErrorComplete()
			.thenReturn(issued));
		// The store is read again once the lock is taken, or seen gone: the holder before may have kept its token and
		// let go of its lock between the first read and that moment.
		Mono<IssuedToken> holding = store.holding(key, this.owner, lockTtl, kept.switchIfEmpty(fetchAndKeep));
		// Present: the holder's token. Empty optional: the lock is gone without one. Nothing: still held, ask again.
		Mono<Optional<IssuedToken>> holderOutcome = kept.map(Optional::of)
			.switchIfEmpty(Mono.defer(() -> store.isLocked(key)
				.onErrorReturn(false)
				.flatMap((held) -> held ? Mono.empty()
						: kept.map(Optional::of).defaultIfEmpty(Optional.empty()))));
		Mono<IssuedToken> awaitHolder = holderOutcome
			.repeatWhenEmpty((polls) -> polls.delayElements(SHARED_POLL_INTERVAL))
			.flatMap(Mono::justOrEmpty);
		return kept.switchIfEmpty(Mono.defer(() -> store.lock(key, this.owner, lockTtl)
			.onErrorReturn(true)
			.flatMap((locked) -> locked ? holding : awaitHolder.switchIfEmpty(fetch))));
	}

	/** A kept token this instance may use: not rejected here, and not due for refresh. */
	private @Nullable IssuedToken usable(TokenStore.SharedToken shared) {
		CachedToken rejected = this.rejected;
		Duration remaining = Duration.between(this.clock.instant(), shared.expiresAt());
		if ((rejected != null && rejected.value().equals(shared.value()))
				|| remaining.compareTo(this.refreshBeforeExpiry) <= 0) {
			return null;
		}
		return IssuedToken.of(shared.value(), remaining.toSeconds());
	}

	@Nullable TokenRefresh lastRefresh() {
		return this.lastRefresh;
	}

	private CachedToken cache(IssuedToken issued) {
		Instant now = this.clock.instant();
		Duration lifetime = issued.lifetime();
		Duration refreshAfter = lifetime.minus(this.refreshBeforeExpiry);
		if (refreshAfter.compareTo(lifetime.dividedBy(2)) < 0) {
			refreshAfter = lifetime.dividedBy(2);
		}
		CachedToken token = new CachedToken(issued.value(), now.plus(refreshAfter).toEpochMilli(), now.plus(lifetime));
		this.current = token;
		refreshed(new TokenRefresh(now, token.expiresAt(), null));
		if (logger.isDebugEnabled()) {
			logger.debug("Fetched " + this.kind + " valid for " + lifetime.toSeconds() + "s; refreshing it after "
					+ refreshAfter.toSeconds() + "s");
		}
		return token;
	}

	private void refreshed(TokenRefresh refresh) {
		this.lastRefresh = refresh;
		if (this.onRefresh != null) {
			this.onRefresh.accept(refresh);
		}
	}

	private boolean isStale(CachedToken token) {
		return token == this.rejected || this.clock.millis() >= token.refreshAtMillis();
	}

	/**
	 * Where a token is shared: the store and the token's key in it.
	 *
	 * @param store the store
	 * @param key the token's key, such as {@code token:cli_xxx:tenant}
	 * @param lockTtl how long the lock of a shared fetch holds once its holder stops renewing it
	 */
	record Sharing(TokenStore store, String key, Duration lockTtl) {

		/**
		 * Where a token is shared, if there is a store, with a lock of {@link #SHARED_FETCH_LOCK}.
		 * @param store the store, or {@code null} to share nothing
		 * @param key the token's key
		 * @return the sharing, {@code null} without a store
		 */
		static @Nullable Sharing in(@Nullable TokenStore store, String key) {
			return (store != null) ? new Sharing(store, key, SHARED_FETCH_LOCK) : null;
		}

	}

	/** A cached token; its {@code toString()} never shows the value. */
	private record CachedToken(String value, long refreshAtMillis, Instant expiresAt) {

		@Override
		public String toString() {
			return "CachedToken[refreshAt=" + Instant.ofEpochMilli(this.refreshAtMillis) + ", expiresAt=" + this.expiresAt
					+ "]";
		}

	}

}
