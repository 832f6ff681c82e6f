package io.github.feishuvc.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.github.feishuvc.actuate.FeishuVcInboxEndpoint;
import io.github.feishuvc.events.FeishuEventInbox;
import io.github.feishuvc.health.FeishuVcInboxHealthIndicator;
import io.github.feishuvc.support.LogCapture;
import io.github.feishuvc.support.RedisServer;
import io.github.feishuvc.test.EventDelivery;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The durable inbox at its edges, over real HTTP and a real {@code redis-server}: a Redis that refuses writes, a lost
 * acknowledgement, a trimmed stream, a retry's long backoff, many dead letters (regressions of the review of
 * 2026-12-06).
 */
class EventInboxEdgeTests extends InboxApplicationTestSupport {

	/**
	 * Redis at its {@code maxmemory} ({@code noeviction}) refuses {@code XADD} (a {@code denyoom} command) but still
	 * serves {@code XREADGROUP}, {@code XPENDING} and {@code XACK}: every push is refused, yet the reader's next poll
	 * (100 ms on) calls {@code readResult(null)}, which overwrites the append's failure, and the indicator says
	 * {@code UP} while the inbox cannot append.
	 */
	@Test
	void shouldStayDownWhileRedisRefusesEveryAppendButStillServesTheReads() {
		this.redis = RedisServer.start();
		ConfigurableApplicationContext context = webhookApplication();
		FeishuVcInboxHealthIndicator health = context.getBean(FeishuVcInboxHealthIndicator.class);
		await().until(() -> health.health().getStatus().equals(Status.UP));
		this.redis.command("CONFIG", "SET", "maxmemory-policy", "noeviction");
		this.redis.command("CONFIG", "SET", "maxmemory", "1");

		EventDelivery refused = push();

		assertThat(refused.accepted()).as("XADD refused: OOM command not allowed").isFalse();
		await().atMost(Duration.ofSeconds(5))
			.during(Duration.ofSeconds(1))
			.alias("DOWN while every append is refused")
			.until(() -> health.health().getStatus().equals(Status.DOWN));
		assertThat(push().accepted()).as("still refused").isFalse();
	}

	/**
	 * {@code deadLetter()} appends to the dead-letter stream, then acknowledges the inbox entry: two commands. When
	 * the second is lost (a Redis blip, a client timeout, the instance killed between them), the entry stays pending,
	 * is taken over after {@code claim-after} with its deliveries counted as attempts, and is set aside again: one
	 * event, two dead letters, which an operator replays twice, so that the listeners see it twice.
	 */
	@Test
	void shouldSetAsideAnEventOnceWhenItsAcknowledgementAfterTheDeadLetterWasLost() {
		this.redis = RedisServer.start();
		ConfigurableApplicationContext context = webhookApplication("feishu.vc.events.inbox.claim-after=1s",
				"feishu.vc.events.inbox.max-attempts=2");
		FailingListener listener = context
			.getBean(FailingListener.class);
		listener.failures.set(Integer.MAX_VALUE);
		FeishuEventInbox inbox = context.getBean(FeishuEventInbox.class);
		LogCapture logs = LogCapture.everything();
		this.closeables.push(logs);
		this.redis.command("ACL", "SETUSER", "default", "-xack");

		assertThat(push().accepted()).isTrue();
		// Setting it aside fails while XACK is refused: the entry stays pending, and is taken over.
		await().alias("the entry, its acknowledgement lost, taken over")
			.until(() -> logs.lines().stream().anyMatch((line) -> line.contains("Took over")));
		this.redis.command("ACL", "SETUSER", "default", "+xack");
		await().until(() -> inbox.pending().block() == 0L);

		assertThat(inbox.deadLetters().map(FeishuEventInbox.DeadLetter::eventId).collectList().block())
			.as("one dead letter per event")
			.hasSize(1);
	}

	/**
	 * {@code XADD MAXLEN ~} trims by position, whatever the group holds: an entry read by an instance that then
	 * stopped, still pending in the group, is trimmed by later appends; the {@code XCLAIM} of the instance taking
	 * over finds no entry (Redis 7 drops it from the pending list) and the acknowledged event is gone, with no log,
	 * no dead letter and no meter. docs/configuration.md says the trimmed ones are "handled long ago", and the table
	 * of guarantees that an instance's pending events "stay in the stream". {@code stream-node-max-entries 1} only
	 * makes the approximate trimming exact at this scale: with the defaults the same happens to a backlog of about
	 * {@code max-length} events.
	 */
	@Test
	void shouldHandOverAPendingEntryOfAStoppedInstanceEvenWhenLaterAppendsTrimTheStream() {
		this.redis = RedisServer.start(List.of("--stream-node-max-entries", "1"));
		ConfigurableApplicationContext first = webhookApplication("feishu.vc.events.inbox.claim-after=1s",
				"feishu.vc.events.inbox.max-length=2", "feishu.vc.events.listeners.shutdown-timeout=0s");
		FailingListener held = first
			.getBean(FailingListener.class);
		held.hold = new CountDownLatch(1);
		assertThat(push().accepted()).isTrue();
		await().until(() -> held.seen.size() == 1);
		String pendingId = held.seen.get(0);
		first.close();
		// Taken over only once the appends below trimmed it: the stream's backlog of unhandled events is never more
		// than this one entry and the event in hand.
		ConfigurableApplicationContext second = webhookApplication("feishu.vc.events.inbox.claim-after=6s",
				"feishu.vc.events.inbox.max-length=2");
		FailingListener taker = second
			.getBean(FailingListener.class);

		for (int i = 1; i <= 3; i++) {
			assertThat(push().accepted()).isTrue();
			int handled = i;
			// Each handled before the next is appended: nothing unread is ever trimmed.
			await().until(() -> taker.succeeded.size() == handled);
		}

		held.hold.countDown();
		await().atMost(Duration.ofSeconds(20))
			.alias("the acknowledged event the stopped instance held, taken over")
			.until(() -> taker.succeeded.contains(pendingId));
	}

	/**
	 * The reader claims an entry again before each retry ({@code keep}), not during the backoff: a backoff longer
	 * than {@code claim-after} (nothing bounds one by the other; {@code max-attempts=8} with the default {@code 1s}
	 * doubles to 64 s, over the default {@code 1m}) leaves the entry idle long enough for another instance to take it
	 * over while this one still means to retry it; both then hand it to their listeners. docs/events.md says "An
	 * instance retrying an event claims it again before each attempt, so that it is not taken over meanwhile".
	 */
	@Test
	void shouldNotHaveAnEventTakenOverByAnotherInstanceWhileItsRetryWaitsOutABackoffLongerThanClaimAfter() {
		this.redis = RedisServer.start();
		ConfigurableApplicationContext first = webhookApplication("feishu.vc.events.inbox.claim-after=1s",
				"feishu.vc.events.inbox.backoff=10s", "feishu.vc.events.inbox.max-attempts=2");
		FailingListener retrying = first
			.getBean(FailingListener.class);
		retrying.failures.set(1);
		assertThat(push().accepted()).isTrue();
		await().until(() -> retrying.seen.size() == 1);

		ConfigurableApplicationContext second = webhookApplication("feishu.vc.events.inbox.claim-after=1s");
		FailingListener other = second
			.getBean(FailingListener.class);

		await().alias("handled").until(() -> retrying.succeeded.size() + other.succeeded.size() >= 1);
		await().atMost(Duration.ofSeconds(5))
			.during(Duration.ofSeconds(3))
			.alias("handled once: its wait, shorter than claim-after, kept it from being taken over")
			.until(() -> retrying.succeeded.size() == 1 && other.succeeded.isEmpty());
	}

	/**
	 * {@code GET /actuator/feishuvcinbox} reads the whole dead-letter stream ({@code XRANGE - +}, no {@code COUNT}),
	 * every entry with its event's JSON, and answers every dead letter in one body: up to {@code max-length}
	 * ({@code 100000}) entries, in memory at once, for each request. A listener failing on every event for an hour
	 * fills it; each look at the endpoint then loads the whole of it.
	 */
	@Test
	void shouldShowABoundedPageOfDeadLettersWhenThereAreManyOfThem() {
		this.redis = RedisServer.start();
		ConfigurableApplicationContext context = webhookApplication();
		FeishuVcInboxEndpoint endpoint = context.getBean(FeishuVcInboxEndpoint.class);
		String deadLetters = "feishu:vc:{" + FeishuVcEmulator.DEFAULT_APP_ID + "}:events:dead";
		this.redis.command("EVAL", "for i = 1, tonumber(ARGV[1]) do redis.call('XADD', KEYS[1], '*', 'type', "
				+ "'vc.meeting.meeting_started_v1', 'id', 'event-' .. i, 'json', ARGV[2], 'error', "
				+ "'java.lang.IllegalStateException', 'attempts', '3') end return 1", "1", deadLetters, "5000",
				"{\"padding\": \"" + "x".repeat(1000) + "\"}");

		List<?> shown = (List<?>) endpoint.inbox().block().get("deadLetters");

		assertThat(shown).as("a page of the dead letters, not all 5000 read into memory at once")
			.hasSizeLessThanOrEqualTo(1000);
	}

}
