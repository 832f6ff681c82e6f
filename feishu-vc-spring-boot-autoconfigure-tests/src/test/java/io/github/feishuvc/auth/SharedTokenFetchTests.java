package io.github.feishuvc.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.feishuvc.redis.RedisAvailability;
import io.github.feishuvc.redis.RedisTokenStore;
import io.github.feishuvc.support.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

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

	private void waitUntilLocked() {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!Boolean.TRUE.equals(this.redis.hasKey("test:{token:cli_app:tenant}:lock").block())) {
			assertThat(System.nanoTime()).as("the first instance locked the fetch").isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	private RefreshingToken token(Mono<IssuedToken> fetch) {
		RedisTokenStore store = new RedisTokenStore(this.redis, new RedisAvailability(Duration.ofMillis(500), Clock.systemUTC()),
				"test:");
		return new RefreshingToken("a tenant access token", fetch, Duration.ofMinutes(5), Clock.systemUTC(), null,
				new RefreshingToken.Sharing(store, "token:cli_app:tenant", LOCK_TTL));
	}

}
