package io.github.feishuvc.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import io.github.feishuvc.auth.TokenStore.SharedToken;
import io.github.feishuvc.redis.RedisAvailability;
import io.github.feishuvc.redis.RedisTokenStore;
import io.github.feishuvc.support.RedisServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One fetch of a shared token for two instances over a real Redis: the fetching instance holds its lock as long as
 * its fetch takes, and the other stops waiting as soon as that lock is gone.
 */
class SharedTokenFetchTests {

	private static final Duration LOCK_TTL = Duration.ofMillis(300);

	private RedisServer server;

	private ReactiveStringRedisTemplate redis;

	@BeforeEach
	void start() {
		this.server = RedisServer.start();
		this.redis = this.server.connect();
	}

	@AfterEach
	void stop() {
		// Skipped without redis-server: nothing was started.
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void shouldHoldTheLockThroughAFetchLongerThanItsLife() {
		AtomicInteger fetches = new AtomicInteger();
		Mono<IssuedToken> slowFetch = Mono.defer(() -> {
			fetches.incrementAndGet();
			return Mono.delay(LOCK_TTL.multipliedBy(4)).thenReturn(IssuedToken.of("t-shared", 7200L));
		});
		RefreshingToken first = token(slowFetch);
		RefreshingToken second = token(slowFetch);

		Mono<String> firstGet = first.get().cache();
		firstGet.subscribe();
		waitUntilLocked();
		String got = second.get().block(Duration.ofSeconds(10));

		assertThat(got).isEqualTo("t-shared");
		assertThat(firstGet.block(Duration.ofSeconds(10))).isEqualTo("t-shared");
		assertThat(fetches).as("one fetch for both instances").hasValue(1);
	}

	@Test
	void shouldStopWaitingAsSoonAsTheHolderFailed() {
		AtomicInteger fetches = new AtomicInteger();
		Mono<IssuedToken> failing = Mono.defer(() -> {
			fetches.incrementAndGet();
			return Mono.delay(Duration.ofMillis(200)).then(Mono.error(new IllegalStateException("platform down")));
		});
		RefreshingToken first = token(failing);
		RefreshingToken second = token(Mono.fromSupplier(() -> {
			fetches.incrementAndGet();
			return IssuedToken.of("t-own", 7200L);
		}));

		first.get().onErrorComplete().subscribe();
		waitUntilLocked();
		long start = System.nanoTime();
		String got = second.get().block(Duration.ofSeconds(10));

		assertThat(got).isEqualTo("t-own");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no wait for a lock that is gone")
			.isLessThan(Duration.ofSeconds(2));
		assertThat(fetches).hasValue(2);
	}

	/**
	 * The holder keeps its token and lets go of its lock between the other instance's read of the store and its try
	 * for the lock: the other takes the lock, and must take the kept token rather than fetch again.
	 */
	@Test
	void shouldTakeTheTokenKeptBetweenItsReadAndItsLock() {
		AtomicInteger fetches = new AtomicInteger();
		Mono<IssuedToken> fetch = Mono.fromSupplier(() -> {
			fetches.incrementAndGet();
			return IssuedToken.of("t-shared", 7200L);
		});
		RefreshingToken holder = token(fetch);
		AtomicInteger reads = new AtomicInteger();
		RefreshingToken late = token(fetch, (read) -> (reads.incrementAndGet() != 1) ? read
				: read.publishOn(Schedulers.boundedElastic()).then(Mono.defer(() -> {
			// The first read, found empty; the holder fetches, keeps and unlocks before this instance goes on.
			holder.get().block(Duration.ofSeconds(5));
			waitUntilUnlocked();
			return Mono.<SharedToken>empty();
		})));

		assertThat(late.get().block(Duration.ofSeconds(10))).isEqualTo("t-shared");
		assertThat(fetches).as("one fetch for both instances").hasValue(1);
	}

	/**
	 * The holder keeps its token and lets go of its lock between the waiting instance's read of the store and its
	 * look at the lock: the lock is gone, and the waiter must find the kept token rather than fetch its own.
	 */
	@Test
	void shouldTakeTheTokenKeptBetweenItsReadAndItsLookAtTheLock() {
		AtomicInteger fetches = new AtomicInteger();
		Sinks.One<IssuedToken> issued = Sinks.one();
		RefreshingToken holder = token(Mono.defer(() -> {
			fetches.incrementAndGet();
			return issued.asMono();
		}));
		Mono<String> holderGet = holder.get().cache();
		holderGet.subscribe();
		waitUntilLocked();
		AtomicInteger reads = new AtomicInteger();
		RefreshingToken waiter = token(Mono.fromSupplier(() -> {
			fetches.incrementAndGet();
			return IssuedToken.of("t-own", 7200L);
		}), (read) -> (reads.incrementAndGet() != 2) ? read
				: read.publishOn(Schedulers.boundedElastic()).then(Mono.defer(() -> {
			// The second read, as the waiter polls the holder: found empty; the holder then finishes.
			issued.tryEmitValue(IssuedToken.of("t-shared", 7200L));
			holderGet.block(Duration.ofSeconds(5));
			waitUntilUnlocked();
			return Mono.<SharedToken>empty();
		})));

		assertThat(waiter.get().block(Duration.ofSeconds(10))).isEqualTo("t-shared");
		assertThat(fetches).as("one fetch for both instances").hasValue(1);
	}

	private void waitUntilUnlocked() {
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> !Boolean.TRUE.equals(this.redis.hasKey("test:{token:cli_app:tenant}:lock").block()));
	}

	private void waitUntilLocked() {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!Boolean.TRUE.equals(this.redis.hasKey("test:{token:cli_app:tenant}:lock").block())) {
			assertThat(System.nanoTime()).as("the first instance locked the fetch").isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	private RefreshingToken token(Mono<IssuedToken> fetch) {
		return token(fetch, UnaryOperator.identity());
	}

	/** An instance whose reads of the store go through {@code reads}, to hold them where a test needs. */
	private RefreshingToken token(Mono<IssuedToken> fetch, UnaryOperator<Mono<SharedToken>> reads) {
		RedisTokenStore redisStore = new RedisTokenStore(this.redis,
				new RedisAvailability(Duration.ofSeconds(5), Clock.systemUTC()), "test:");
		TokenStore store = new TokenStore() {

			@Override
			public Mono<SharedToken> get(String key) {
				return reads.apply(redisStore.get(key));
			}

			@Override
			public Mono<Void> put(String key, SharedToken token) {
				return redisStore.put(key, token);
			}

			@Override
			public Mono<Void> evict(String key, String token) {
				return redisStore.evict(key, token);
			}

			@Override
			public Mono<Boolean> lock(String key, String owner, Duration ttl) {
				return redisStore.lock(key, owner, ttl);
			}

			@Override
			public Mono<Boolean> renew(String key, String owner, Duration ttl) {
				return redisStore.renew(key, owner, ttl);
			}

			@Override
			public Mono<Boolean> isLocked(String key) {
				return redisStore.isLocked(key);
			}

			@Override
			public Mono<Void> unlock(String key, String owner) {
				return redisStore.unlock(key, owner);
			}

		};
		return new RefreshingToken("a tenant access token", fetch, Duration.ofMinutes(5), Clock.systemUTC(), null,
				new RefreshingToken.Sharing(store, "token:cli_app:tenant", LOCK_TTL));
	}

}
