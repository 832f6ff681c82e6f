package io.github.feishuvc.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;

import io.github.feishuvc.events.PublishedEventIds.Claim;
import io.github.feishuvc.redis.RedisAvailability;
import io.github.feishuvc.redis.RedisPublishedEventIds;
import io.github.feishuvc.support.MutableClock;
import io.github.feishuvc.support.RedisServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link PublishedEventIds}, run against both implementations: only a confirmed id is a duplicate;
 * a claim neither confirmed nor released holds other deliveries back as pending (asked for again), never as
 * published, and only until it is released by its own delivery or lapses. In memory, every delivery reaches the one
 * instance; on Redis, the first delivery reaches one instance and every later one another, sharing one real
 * {@code redis-server}.
 */
class PublishedEventIdsContractTests {

	abstract static class Contract {

		final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));

		/** The instance the first delivery reaches. */
		abstract PublishedEventIds first();

		/** The instance every later delivery reaches. */
		abstract PublishedEventIds second();

		/** Let the claim on an id lapse, {@link PublishedEventIds#CLAIM_TTL} after it was taken. */
		abstract void lapse(String eventId);

		@Test
		void shouldTakeOnlyAConfirmedIdForADuplicate() {
			assertThat(first().claim("ev", "t1").block()).isEqualTo(Claim.GRANTED);
			first().confirm("ev", "t1").block();

			assertThat(second().claim("ev", "t2").block()).isEqualTo(Claim.PUBLISHED);
		}

		@Test
		void shouldHoldAnotherDeliveryBackAsPendingWhileAClaimStands() {
			assertThat(first().claim("ev", "t1").block()).isEqualTo(Claim.GRANTED);

			assertThat(second().claim("ev", "t2").block()).as("claimed, not published").isEqualTo(Claim.PENDING);
		}

		@Test
		void shouldLetTheNextDeliveryClaimAnIdWhoseClaimWasReleased() {
			first().claim("ev", "t1").block();
			first().release("ev", "t1").block();

			assertThat(second().claim("ev", "t2").block()).isEqualTo(Claim.GRANTED);
		}

		@Test
		void shouldLetTheNextDeliveryClaimAnIdWhoseClaimLapsed() {
			first().claim("ev", "t1").block();

			lapse("ev");

			assertThat(second().claim("ev", "t2").block()).isEqualTo(Claim.GRANTED);
		}

		@Test
		void shouldLeaveAClaimToTheDeliveryThatTookIt() {
			first().claim("ev", "t1").block();
			lapse("ev");
			assertThat(second().claim("ev", "t2").block()).isEqualTo(Claim.GRANTED);

			first().release("ev", "t1").block();

			assertThat(first().claim("ev", "t3").block()).as("a late release of the first delivery ended nothing")
				.isEqualTo(Claim.PENDING);
		}

		@Test
		void shouldKeepAConfirmedIdPublishedWhateverReleaseComesAfter() {
			first().claim("ev", "t1").block();
			first().confirm("ev", "t1").block();
			first().release("ev", "t1").block();

			assertThat(second().claim("ev", "t2").block()).isEqualTo(Claim.PUBLISHED);
		}

		@Test
		void shouldPublishAnEventPushedAgainAfterTheListenersRefusedIt() {
			List<Object> published = new CopyOnWriteArrayList<>();
			FeishuEvent event = new FeishuEvent("vc.meeting.meeting_ended_v1", "ev", "t1", "cli_app", "{}");
			EventDispatcher full = new EventDispatcher(first(), published::add, (task) -> {
				throw new RejectedExecutionException("queue full");
			});
			EventDispatcher open = new EventDispatcher(second(), published::add, Runnable::run);

			EventDispatcher.Outcome refused = full.dispatch(event).block();
			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.until(() -> open.dispatch(event).block() == EventDispatcher.Outcome.PUBLISHING);

			assertThat(refused).isEqualTo(EventDispatcher.Outcome.REJECTED);
			assertThat(refused.acknowledged()).isFalse();
			assertThat(published).hasSize(1);
			assertThat(open.dispatch(event).block()).isEqualTo(EventDispatcher.Outcome.DUPLICATE);
		}

		@Test
		void shouldAskForAnEventAgainWhileAnotherDeliveryOfItIsUnderWay() {
			first().claim("ev", "elsewhere").block();
			List<Object> published = new CopyOnWriteArrayList<>();

			EventDispatcher.Outcome outcome = new EventDispatcher(second(), published::add, Runnable::run)
				.dispatch(new FeishuEvent("vc.meeting.meeting_ended_v1", "ev", "t1", "cli_app", "{}"))
				.block();

			assertThat(outcome).isEqualTo(EventDispatcher.Outcome.PENDING);
			assertThat(outcome.acknowledged()).isFalse();
			assertThat(published).isEmpty();
		}

	}

	@Nested
	class InMemory extends Contract {

		private final InMemoryPublishedEventIds ids = new InMemoryPublishedEventIds(Duration.ofHours(12), this.clock);

		@Override
		PublishedEventIds first() {
			return this.ids;
		}

		@Override
		PublishedEventIds second() {
			return this.ids;
		}

		@Override
		void lapse(String eventId) {
			this.clock.advance(PublishedEventIds.CLAIM_TTL);
		}

	}

	@Nested
	class OnRedis extends Contract {

		private RedisServer server;

		private ReactiveStringRedisTemplate redis;

		private PublishedEventIds first;

		private PublishedEventIds second;

		@BeforeEach
		void start() {
			this.server = RedisServer.start();
			this.redis = this.server.connect();
			this.first = instance();
			this.second = instance();
		}

		@AfterEach
		void stop() {
			// Skipped without redis-server: nothing was started.
			if (this.server != null) {
				this.server.close();
			}
		}

		@Override
		PublishedEventIds first() {
			return this.first;
		}

		@Override
		PublishedEventIds second() {
			return this.second;
		}

		/** Redis's clock cannot be moved: the claim's time to live is checked, then brought to its end. */
		@Override
		void lapse(String eventId) {
			String key = "test:{cli_app}:event:" + eventId;
			assertThat(this.redis.getExpire(key).block()).isPositive()
				.isLessThanOrEqualTo(PublishedEventIds.CLAIM_TTL);
			this.clock.advance(PublishedEventIds.CLAIM_TTL);
			this.redis.expire(key, Duration.ofMillis(1)).block();
			Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !this.redis.hasKey(key).block());
		}

		private PublishedEventIds instance() {
			return new RedisPublishedEventIds(this.redis, new RedisAvailability(Duration.ofSeconds(2), Clock.systemUTC()),
					"test:", "cli_app", Duration.ofHours(12), this.clock);
		}

	}

}
