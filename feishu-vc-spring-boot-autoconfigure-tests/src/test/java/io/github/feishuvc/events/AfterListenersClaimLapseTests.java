package io.github.feishuvc.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.support.MutableClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression (review of 2026-12-06): {@link Acknowledgement#AFTER_LISTENERS} promises that "one still running when the platform pushes again
 * holds the push back", but the claim lapses after {@link PublishedEventIds#CLAIM_TTL} (10 s) while the platform's
 * first push again comes 15 s after the failed answer: a listener still running then sees the event published again,
 * concurrently with itself.
 */
class AfterListenersClaimLapseTests {

	private static final FeishuEvent EVENT = FeishuEvent.of((ObjectNode) FeishuVcJson.mapper()
		.readTree("{\"schema\":\"2.0\",\"header\":{\"event_id\":\"e-lapse\",\"event_type\":"
				+ "\"vc.meeting.all_meeting_started_v1\"},\"event\":{}}"));

	@Test
	void shouldHoldThePlatformsPushAgainBackWhileTheFirstDeliverysListenerStillRuns() throws Exception {
		MutableClock clock = new MutableClock(Instant.now());
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger published = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			EventDispatcher dispatcher = new EventDispatcher(
					new InMemoryPublishedEventIds(Duration.ofHours(12), clock), (event) -> {
						published.incrementAndGet();
						try {
							release.await();
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
					}, executor, List.of(), Acknowledgement.AFTER_LISTENERS);

			// The platform's deadline passes: the answer is given up on (the receiver's timeout cancels it).
			StepVerifier.create(dispatcher.dispatch(EVENT)).expectSubscription().thenCancel().verify();
			// The platform pushes again 15 s after the failed answer (2.5 s): the listener still runs.
			clock.advance(EventDispatcher.ANSWER_DEADLINE.plusSeconds(15));

			AtomicReference<EventDispatcher.Outcome> second = new AtomicReference<>();
			dispatcher.dispatch(EVENT).subscribe(second::set);
			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.until(() -> second.get() != null || published.get() > 1);
			assertThat(published).as("published once while its first listener still runs").hasValue(1);
			assertThat(second).hasValue(EventDispatcher.Outcome.PENDING);
		}
		finally {
			release.countDown();
			executor.shutdownNow();
		}
	}

}
