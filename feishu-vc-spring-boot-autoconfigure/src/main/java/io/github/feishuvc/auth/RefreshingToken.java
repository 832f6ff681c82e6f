package io.github.feishuvc.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

	private final String kind;

	private final Duration refreshBeforeExpiry;

	private final Clock clock;

	private final Mono<String> token;

	private volatile @Nullable CachedToken current;

	private volatile @Nullable CachedToken rejected;

	private final @Nullable Consumer<TokenRefresh> onRefresh;

	private volatile @Nullable TokenRefresh lastRefresh;

	/**
	 * @param kind what the token is, for log lines, such as {@code a tenant access token}
	 * @param fetch fetches a new token; subscribed once per refresh
	 * @param refreshBeforeExpiry how long before the token expires to fetch a new one
	 * @param clock the clock that decides when a token is stale
	 * @param onRefresh told of every fetch's outcome, or {@code null}
	 */
	RefreshingToken(String kind, Mono<IssuedToken> fetch, Duration refreshBeforeExpiry, Clock clock,
			@Nullable Consumer<TokenRefresh> onRefresh) {
		this.kind = kind;
		this.refreshBeforeExpiry = refreshBeforeExpiry;
		this.clock = clock;
		this.onRefresh = onRefresh;
		this.token = fetch.doOnError((ex) -> refreshed(new TokenRefresh(this.clock.instant(), null, ex)))
			.map(this::cache)
			.cacheInvalidateIf(this::isStale)
			.map(CachedToken::value);
	}

	Mono<String> get() {
		return this.token;
	}

	/** Forget the cached token if it is the rejected one, so that the next {@link #get()} fetches a new one. */
	void invalidate(String token) {
		CachedToken current = this.current;
		if (current != null && current.value().equals(token)) {
			this.rejected = current;
			logger.debug("The platform rejected " + this.kind + "; the next call fetches a new one");
		}
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
		CachedToken token = new CachedToken(issued.value(), now.plus(refreshAfter), now.plus(lifetime));
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
		return token == this.rejected || !this.clock.instant().isBefore(token.refreshAt());
	}

	/** A cached token; its {@code toString()} never shows the value. */
	private record CachedToken(String value, Instant refreshAt, Instant expiresAt) {

		@Override
		public String toString() {
			return "CachedToken[refreshAt=" + this.refreshAt + ", expiresAt=" + this.expiresAt + "]";
		}

	}

}
