package io.github.feishuvc.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.github.feishuvc.auth.TokenStore.SharedToken;
import io.github.feishuvc.core.FeishuVcClientRateLimitException;
import io.github.feishuvc.core.FeishuVcRateLimiter;
import io.github.feishuvc.core.RateLimit;
import io.github.feishuvc.events.EventDispatcher;
import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.events.PublishedEventIds;
import io.github.feishuvc.events.PublishedEventIds.Claim;
import io.github.feishuvc.internal.FeishuApis;
import io.github.feishuvc.support.LogCapture;
import io.github.feishuvc.support.MutableClock;
import io.github.feishuvc.support.RedisServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis implementations against a real {@code redis-server}, as two instances of one app would use them, and
 * with Redis killed and started again.
 */
class RedisStoreTests {

	/**
	 * One server for the class, reset before each test to what a server started for it would be: starting and
	 * stopping a server (and its connections) for each test was most of the time of the shorter tests.
	 */
	private static RedisServer server;

	private ReactiveStringRedisTemplate redis;

	@BeforeAll
	static void startServer() {
		server = RedisServer.start();
	}

	@AfterAll
	static void stopServer() {
		// Skipped without redis-server: nothing was started.
		if (server != null) {
			server.close();
		}
	}

	@BeforeEach
	void start() {
		server.reset();
		this.redis = server.connect();
	}

	@AfterEach
	void stop() {
		server.disconnect();
	}

	@Nested
	class RateLimits {

		@Test
		void shouldShareOneBudgetBetweenInstances() {
			RedisRateLimiter first = limiter(availability(), 5);
			RedisRateLimiter second = limiter(availability(), 5);
			List<Long> passed = Collections.synchronizedList(new ArrayList<>());
			long start = System.nanoTime();

			Flux.range(0, 12)
				.flatMap((i) -> ((i % 2 == 0) ? first : second).acquire("t1", "reserve.get", 1)
					.doOnNext((wait) -> passed.add(System.nanoTime() - start)), 12)
				.blockLast(Duration.ofSeconds(10));

			Collections.sort(passed);
			assertThat(passed).hasSize(12);
			assertThat(passed.subList(0, 5)).allSatisfy((at) -> assertThat(at).isLessThan(500_000_000L));
			assertThat(passed.get(5)).as("the sixth waits a second and the margin").isGreaterThan(1_050_000_000L);
			assertThat(passed.get(10)).as("the eleventh another").isGreaterThan(2_100_000_000L);
		}

		@Test
		void shouldSpacePacedPermitsEvenly() {
			RedisRateLimiter limiter = new RedisRateLimiter(RedisStoreTests.this.redis, availability(), "test:", "cli_app",
					10, 1000, Duration.ofMillis(50), true, Duration.ofSeconds(10), Schedulers.parallel());

			List<Duration> given = givenSinceTheFirst(limiter, 5);

			for (int i = 1; i < 5; i++) {
				assertThat(given.get(i)).as("permit %d, half of each call's share of 1050ms after the one before", i)
					.satisfies(notEarlierThan(Duration.ofNanos(i * 52_500_000L)));
			}
		}

		@Test
		void shouldCountTheFirstSecondOfABusySpellLaterByTheColdMarginOnce() {
			RedisRateLimiter limiter = new RedisRateLimiter(RedisStoreTests.this.redis, availability(), "test:", "cli_app",
					new RateLimit(10, 1000), Map.of(), Duration.ofMillis(50), Duration.ofMillis(300), true,
					Duration.ofSeconds(10), Schedulers.parallel());

			List<Duration> given = givenSinceTheFirst(limiter, 12);

			for (int i = 1; i < 10; i++) {
				assertThat(given.get(i)).as("permit %d, paced from the permits' own times", i)
					.satisfies(notEarlierThan(Duration.ofNanos(i * 52_500_000L)));
			}
			assertThat(given.get(10)).as("the spell's first ten count 300ms late: the eleventh goes at 1350ms")
				.satisfies(notEarlierThan(Duration.ofMillis(1350)));
			assertThat(given.get(11).minus(given.get(10))).as("the cold margin paid once: the twelfth is paced")
				.satisfies(notEarlierThan(Duration.ofNanos(52_500_000L)))
				.isLessThan(Duration.ofMillis(300));
		}

		@Test
		void shouldHoldEveryInstanceUntilTheResetOfOneRefusalAndGiveThePermitBack() {
			RedisRateLimiter first = limiter(availability(), 50);
			RedisRateLimiter second = limiter(availability(), 50);
			FeishuVcRateLimiter.Permit refused = first.acquire("t1", "reserve.get", 1).block(Duration.ofSeconds(5));
			assertThat(RedisStoreTests.this.redis.opsForZSet().size("test:{cli_app:t1}:rate-limit:reserve.get").block())
				.isOne();

			first.refused(refused, Duration.ofMillis(800)).block(Duration.ofSeconds(5));

			assertThat(RedisStoreTests.this.redis.opsForZSet().size("test:{cli_app:t1}:rate-limit:reserve.get").block())
				.as("the refused permit given back").isZero();
			FeishuVcRateLimiter.Permit held = second.acquire("t1", "reserve.get", 1).block(Duration.ofSeconds(5));
			assertThat(held.waited()).as("the other instance waits for the reset")
				.isBetween(Duration.ofMillis(600), Duration.ofMillis(800));
			assertThat(second.acquire("t2", "reserve.get", 1).block(Duration.ofSeconds(5)).waited())
				.as("another tenant is not held")
				.isZero();
		}

		@Test
		void shouldKeepTheLaterOfTwoHolds() {
			RedisRateLimiter limiter = limiter(availability(), 50);
			FeishuVcRateLimiter.Permit one = limiter.acquire("t1", "reserve.get", 1).block(Duration.ofSeconds(5));
			FeishuVcRateLimiter.Permit two = limiter.acquire("t1", "reserve.get", 1).block(Duration.ofSeconds(5));

			limiter.refused(one, Duration.ofSeconds(1)).block(Duration.ofSeconds(5));
			limiter.refused(two, Duration.ofMillis(100)).block(Duration.ofSeconds(5));

			assertThat(limiter(availability(), 50).acquire("t1", "reserve.get", 1).block(Duration.ofSeconds(5)))
				.as("held until the first reset, not the second's")
				.satisfies((permit) -> assertThat(permit.waited()).isGreaterThan(Duration.ofMillis(600)));
		}

		@Test
		void shouldKeepTenantsAndOperationsApart() {
			RedisRateLimiter limiter = limiter(availability(), 1);
			for (String tenant : List.of("t1", "t2")) {
				for (String operation : List.of("reserve.get", "reserve.apply")) {
					StepVerifier.create(limiter.acquire(tenant, operation, 1).map(FeishuVcRateLimiter.Permit::waited))
						.expectNext(Duration.ZERO)
						.verifyComplete();
				}
			}
		}

		@Test
		void shouldHoldAnOperationToItsDocumentedLimitAcrossInstances() {
			RedisRateLimiter first = new RedisRateLimiter(RedisStoreTests.this.redis, availability(), "test:", "cli_app",
					new RateLimit(50, 1000), FeishuApis.rateLimits(), Duration.ofMillis(50), Duration.ZERO, false,
					Duration.ofSeconds(10), Schedulers.parallel());
			RedisRateLimiter second = new RedisRateLimiter(RedisStoreTests.this.redis, availability(), "test:", "cli_app",
					new RateLimit(50, 1000), FeishuApis.rateLimits(), Duration.ofMillis(50), Duration.ZERO, false,
					Duration.ofSeconds(10), Schedulers.parallel());
			Flux.range(0, 100)
				.concatMap((i) -> ((i % 2 == 0) ? first : second).acquire("t1", "meeting.list_by_no", 1)
					.delaySubscription(Duration.ofMillis((i == 50) ? 1100 : 0)))
				.blockLast(Duration.ofSeconds(10));

			StepVerifier.create(second.acquire("t1", "meeting.list_by_no", 1))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FeishuVcClientRateLimitException.class)
					.hasMessageContaining("100/min for meeting.list_by_no"))
				.verify(Duration.ofSeconds(5));
			StepVerifier.create(second.acquire("t1", "meeting.get", 1).map(FeishuVcRateLimiter.Permit::waited))
				.expectNext(Duration.ZERO)
				.verifyComplete();
		}

		@Test
		void shouldRefuseAWaitLongerThanAllowed() {
			RedisRateLimiter limiter = new RedisRateLimiter(RedisStoreTests.this.redis, availability(), "test:", "cli_app", 1, 100,
					Duration.ofMillis(50), false, Duration.ofMillis(200), Schedulers.parallel());
			limiter.acquire("t1", "reserve.get", 1).block();

			StepVerifier.create(limiter.acquire("t1", "reserve.get", 2))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FeishuVcClientRateLimitException.class)
					.hasMessageContaining("across instances"))
				.verify(Duration.ofSeconds(5));
		}

		@Test
		void shouldGoOnWithItsOwnLimiterWhileRedisIsDownAndShareAgainAfter() throws InterruptedException {
			RedisAvailability availability = availability();
			RedisRateLimiter limiter = limiter(availability, 50);
			try (LogCapture logs = LogCapture.of(RedisAvailability.class.getName(), ch.qos.logback.classic.Level.INFO)) {
				RedisStoreTests.server.kill();
				long start = System.nanoTime();
				for (int i = 0; i < 20; i++) {
					assertThat(limiter.acquire("t1", "reserve.get", 1).block(Duration.ofSeconds(5)).waited()).isZero();
				}
				assertThat(Duration.ofNanos(System.nanoTime() - start)).as("one timeout, then the local limiter")
					.isLessThan(Duration.ofSeconds(2));
				assertThat(availability.isAvailable()).isFalse();
				assertThat(availability.lastFailure()).isNotBlank();
				assertThat(logs.lines()).filteredOn((line) -> line.contains("Redis is unavailable")).hasSize(1);

				RedisStoreTests.server.restart();
				Thread.sleep(1100);
				for (int i = 0; i < 20 && !availability.isAvailable(); i++) {
					limiter.acquire("t1", "reserve.get", 1).block(Duration.ofSeconds(5));
					Thread.sleep(300);
				}
				assertThat(availability.isAvailable()).isTrue();
				assertThat(RedisStoreTests.this.redis.keys("test:*").collectList().block()).isNotEmpty();
				assertThat(logs.lines()).anySatisfy((line) -> assertThat(line).contains("Redis answers again"));
			}
		}

	}

	@Nested
	class Availability {

		@Test
		void shouldConnectOffTheCallersThreadWhenRedisWasDownAtStartUp() {
			RedisStoreTests.server.kill();
			ReactiveStringRedisTemplate cold = RedisStoreTests.server.connectLater();
			MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
			RedisAvailability availability = new RedisAvailability(Duration.ofSeconds(2), clock);
			availability.warmUp(cold.opsForValue().get("test:warm-up"), Duration.ofSeconds(2));
			assertThat(availability.isAvailable()).isFalse();
			RedisStoreTests.server.restart();
			clock.advance(Duration.ofSeconds(2));

			// The probe comes from a parallel thread, where BlockHound refuses the client's blocking connect.
			StepVerifier
				.create(Mono.just("tick")
					.publishOn(Schedulers.parallel())
					.then(availability.call(cold.opsForValue().get("test:missing").defaultIfEmpty("redis"),
							() -> Mono.just("memory"))))
				.expectNext("redis")
				.verifyComplete();
			assertThat(availability.isAvailable()).isTrue();
		}

	}

	@Nested
	class Tickets {

		@Test
		void shouldShareATicketSavedByAnotherInstance() {
			RedisAppTicketStore first = new RedisAppTicketStore(RedisStoreTests.this.redis, availability(), "test:");
			RedisAppTicketStore second = new RedisAppTicketStore(RedisStoreTests.this.redis, availability(), "test:");

			first.save("cli_app", "ticket-1").block();

			assertThat(second.get("cli_app").block()).isEqualTo("ticket-1");
			assertThat(second.get("cli_other").block()).isNull();
		}

		@Test
		void shouldKeepTheNewerTicketWhateverOrderTheyArriveIn() {
			RedisAppTicketStore first = new RedisAppTicketStore(RedisStoreTests.this.redis, availability(), "test:");
			RedisAppTicketStore second = new RedisAppTicketStore(RedisStoreTests.this.redis, availability(), "test:");
			Instant now = Instant.now();

			first.save("cli_app", "newer", now).block();
			second.save("cli_app", "older", now.minus(Duration.ofHours(1))).block();

			assertThat(first.get("cli_app").block()).isEqualTo("newer");
			assertThat(second.get("cli_app").block()).as("Redis's newer ticket over its own older one").isEqualTo("newer");
			assertThat(RedisStoreTests.this.redis.getExpire("test:{cli_app}:app-ticket").block())
				.isBetween(Duration.ofHours(11), Duration.ofHours(12));
		}

		@Test
		void shouldWriteBackATicketThatArrivedWhileRedisWasDown() {
			RedisAvailability availability = availability();
			RedisAppTicketStore first = new RedisAppTicketStore(RedisStoreTests.this.redis, availability, "test:");
			RedisAppTicketStore second = new RedisAppTicketStore(RedisStoreTests.this.redis, availability(), "test:");
			Instant now = Instant.now();
			RedisStoreTests.server.kill();
			for (int i = 0; i < 3; i++) {
				first.save("cli_app", "pushed-during-the-outage", now).block(Duration.ofSeconds(5));
			}
			assertThat(availability.isAvailable()).isFalse();

			RedisStoreTests.server.restart();
			second.save("cli_app", "an-older-one", now.minus(Duration.ofHours(1))).block(Duration.ofSeconds(5));
			Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
				first.get("cli_app").block(Duration.ofSeconds(5));
				return availability.isAvailable();
			});

			assertThat(first.get("cli_app").block(Duration.ofSeconds(5))).isEqualTo("pushed-during-the-outage");
			assertThat(second.get("cli_app").block(Duration.ofSeconds(5))).as("written back")
				.isEqualTo("pushed-during-the-outage");
		}

		@Test
		void shouldKeepItsOwnTicketWhileRedisIsDown() {
			RedisAppTicketStore store = new RedisAppTicketStore(RedisStoreTests.this.redis, availability(), "test:");
			RedisStoreTests.server.kill();

			store.save("cli_app", "ticket-1").block(Duration.ofSeconds(5));

			assertThat(store.get("cli_app").block(Duration.ofSeconds(5))).isEqualTo("ticket-1");
		}

	}

	@Nested
	class Tokens {

		@Test
		void shouldShareATokenUntilItExpires() {
			RedisTokenStore first = new RedisTokenStore(RedisStoreTests.this.redis, availability(), "test:");
			RedisTokenStore second = new RedisTokenStore(RedisStoreTests.this.redis, availability(), "test:");
			Instant expiry = Instant.now().plusSeconds(7200);

			first.put("token:cli_app:tenant", new SharedToken("t-shared", expiry)).block();

			SharedToken shared = second.get("token:cli_app:tenant").block();
			assertThat(shared.value()).isEqualTo("t-shared");
			assertThat(shared.expiresAt()).isEqualTo(Instant.ofEpochMilli(expiry.toEpochMilli()));
			assertThat(RedisStoreTests.this.redis.getExpire("test:{token:cli_app:tenant}").block())
				.isBetween(Duration.ofSeconds(7190), Duration.ofSeconds(7200));
		}

		@Test
		void shouldEvictOnlyTheRejectedToken() {
			RedisTokenStore store = new RedisTokenStore(RedisStoreTests.this.redis, availability(), "test:");
			store.put("key", new SharedToken("t-current", Instant.now().plusSeconds(600))).block();

			store.evict("key", "t-older").block();
			assertThat(store.get("key").block()).isNotNull();
			store.evict("key", "t-current").block();
			assertThat(store.get("key").block()).isNull();
		}

		@Test
		void shouldLetOneInstanceFetchAtATime() {
			RedisTokenStore first = new RedisTokenStore(RedisStoreTests.this.redis, availability(), "test:");
			RedisTokenStore second = new RedisTokenStore(RedisStoreTests.this.redis, availability(), "test:");

			assertThat(first.lock("key", "first", Duration.ofSeconds(5)).block()).isTrue();
			assertThat(second.lock("key", "second", Duration.ofSeconds(5)).block()).isFalse();
			second.unlock("key", "second").block();
			assertThat(second.lock("key", "second", Duration.ofSeconds(5)).block()).as("still the first's").isFalse();
			first.unlock("key", "first").block();
			assertThat(second.lock("key", "second", Duration.ofSeconds(5)).block()).isTrue();
		}

		@Test
		void shouldRenewOnlyItsOwnLockAndSayWhetherOneIsHeld() {
			RedisTokenStore first = new RedisTokenStore(RedisStoreTests.this.redis, availability(), "test:");
			RedisTokenStore second = new RedisTokenStore(RedisStoreTests.this.redis, availability(), "test:");

			assertThat(second.isLocked("key").block()).isFalse();
			assertThat(first.lock("key", "first", Duration.ofSeconds(1)).block()).isTrue();
			assertThat(second.isLocked("key").block()).isTrue();
			assertThat(second.renew("key", "second", Duration.ofMinutes(1)).block()).isFalse();
			assertThat(first.renew("key", "first", Duration.ofMinutes(1)).block()).isTrue();
			assertThat(RedisStoreTests.this.redis.getExpire("test:{key}:lock").block())
				.isGreaterThan(Duration.ofSeconds(50));
			first.unlock("key", "first").block();
			assertThat(second.isLocked("key").block()).isFalse();
		}

		@Test
		void shouldShareNothingButLetEveryInstanceFetchWhileRedisIsDown() {
			RedisTokenStore store = new RedisTokenStore(RedisStoreTests.this.redis, availability(), "test:");
			RedisStoreTests.server.kill();

			assertThat(store.get("key").block(Duration.ofSeconds(5))).isNull();
			assertThat(store.lock("key", "me", Duration.ofSeconds(5)).block(Duration.ofSeconds(5))).isTrue();
			store.put("key", new SharedToken("t-x", Instant.now().plusSeconds(60))).block(Duration.ofSeconds(5));
		}

	}

	@Nested
	class EventIds {

		@Test
		void shouldPublishAnEventDeliveredToTwoInstancesOnce() {
			List<FeishuEvent> published = new CopyOnWriteArrayList<>();
			EventDispatcher first = dispatcher(published);
			EventDispatcher second = dispatcher(published);
			FeishuEvent event = new FeishuEvent("vc.meeting.meeting_started_v1", "ev-1", "t1", "cli_app", "{}");

			assertThat(first.dispatch(event).block()).isEqualTo(EventDispatcher.Outcome.PUBLISHING);
			assertThat(second.dispatch(event).block()).isEqualTo(EventDispatcher.Outcome.DUPLICATE);

			assertThat(published).hasSize(1);
			assertThat(RedisStoreTests.this.redis.hasKey("test:{cli_app}:event:ev-1").block()).as("the claim, gone").isFalse();
			List<String> buckets = RedisStoreTests.this.redis.keys("test:{cli_app}:event:published:*").collectList().block();
			assertThat(buckets).as("one set for a twelfth of the window, not a key per event").hasSize(1);
			assertThat(RedisStoreTests.this.redis.opsForSet().isMember(buckets.get(0), "ev-1").block()).isTrue();
			assertThat(RedisStoreTests.this.redis.getExpire(buckets.get(0)).block())
				.as("the window and a twelfth or two of it")
				.isBetween(Duration.ofHours(13), Duration.ofHours(14));
		}

		@Test
		void shouldForgetAnIdOnceTheWindowHasPassed() {
			MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
			RedisPublishedEventIds ids = new RedisPublishedEventIds(RedisStoreTests.this.redis, availability(), "test:", "cli_app",
					Duration.ofHours(12), clock);
			assertThat(ids.claim("ev-5", "first").block()).isEqualTo(Claim.GRANTED);
			ids.confirm("ev-5", "first").block();

			clock.advance(Duration.ofHours(12));
			assertThat(new RedisPublishedEventIds(RedisStoreTests.this.redis, availability(), "test:", "cli_app",
					Duration.ofHours(12), clock).claim("ev-5", "later").block()).as("a redelivery 12 hours later")
				.isEqualTo(Claim.PUBLISHED);
			clock.advance(Duration.ofHours(2));
			assertThat(new RedisPublishedEventIds(RedisStoreTests.this.redis, availability(), "test:", "cli_app",
					Duration.ofHours(12), clock).claim("ev-5", "past").block()).as("past the window")
				.isEqualTo(Claim.GRANTED);
		}

		@Test
		void shouldHoldAClaimForAWhileOnlyUnderItsDeliverysToken() {
			assertThat(ids().claim("ev-3", "delivery-token").block()).isEqualTo(Claim.GRANTED);

			assertThat(RedisStoreTests.this.redis.opsForValue().get("test:{cli_app}:event:ev-3").block()).isEqualTo("delivery-token");
			assertThat(RedisStoreTests.this.redis.getExpire("test:{cli_app}:event:ev-3").block())
				.isBetween(PublishedEventIds.CLAIM_TTL.minusSeconds(2), PublishedEventIds.CLAIM_TTL);
		}

		@Test
		void shouldTakeAnIdThisInstancePublishedForADuplicateThoughItsConfirmationNeverReachedRedis() {
			RedisPublishedEventIds ids = ids();
			assertThat(ids.claim("ev-6", "first").block()).isEqualTo(Claim.GRANTED);
			RedisStoreTests.server.kill();
			ids.confirm("ev-6", "first").block(Duration.ofSeconds(5));
			RedisStoreTests.server.restart();

			assertThat(ids.claim("ev-6", "again").block(Duration.ofSeconds(5))).isEqualTo(Claim.PUBLISHED);
		}

		@Test
		void shouldPublishEachEventOnceByItselfWhileRedisIsDown() {
			List<FeishuEvent> published = new CopyOnWriteArrayList<>();
			EventDispatcher dispatcher = dispatcher(published);
			RedisStoreTests.server.kill();
			FeishuEvent event = new FeishuEvent("vc.meeting.meeting_ended_v1", "ev-4", "t1", "cli_app", "{}");

			assertThat(dispatcher.dispatch(event).block(Duration.ofSeconds(5))).isEqualTo(EventDispatcher.Outcome.PUBLISHING);
			assertThat(dispatcher.dispatch(event).block(Duration.ofSeconds(5))).isEqualTo(EventDispatcher.Outcome.DUPLICATE);
			assertThat(published).hasSize(1);
		}

		private RedisPublishedEventIds ids() {
			return new RedisPublishedEventIds(RedisStoreTests.this.redis, availability(), "test:", "cli_app", Duration.ofHours(12),
					Clock.systemUTC());
		}

		private EventDispatcher dispatcher(List<FeishuEvent> published) {
			return new EventDispatcher(ids(), (event) -> published.add((FeishuEvent) event), Runnable::run);
		}

	}

	private RedisAvailability availability() {
		return new RedisAvailability(Duration.ofMillis(500), Clock.systemUTC());
	}

	private RedisRateLimiter limiter(RedisAvailability availability, int perSecond) {
		return new RedisRateLimiter(this.redis, availability, "test:", "cli_app", perSecond, 1000, Duration.ofMillis(50), false,
				Duration.ofSeconds(10), Schedulers.parallel());
	}


	/**
	 * When each of {@code count} calls in a row got its permit, from the first one's: what a limiter decides, read
	 * without what a busy machine adds between one call's permit and the next call's request.
	 */
	private static List<Duration> givenSinceTheFirst(RedisRateLimiter limiter, int count) {
		List<Long> given = Flux.range(0, count)
			.concatMap((i) -> limiter.acquire("t1", "reserve.get", 1).map((permit) -> System.nanoTime()))
			.collectList()
			.block(Duration.ofSeconds(10));
		return given.stream().map((at) -> Duration.ofNanos(at - given.get(0))).toList();
	}

	/**
	 * Given no sooner than {@code due}, less the few milliseconds by which Redis's clock, translated to this JVM's, may
	 * be off; and not so late that the limiter, not the machine, must have delayed it.
	 */
	private static Consumer<Duration> notEarlierThan(Duration due) {
		return (given) -> assertThat(given).isBetween(due.minusMillis(5), due.plusMillis(250));
	}

}
