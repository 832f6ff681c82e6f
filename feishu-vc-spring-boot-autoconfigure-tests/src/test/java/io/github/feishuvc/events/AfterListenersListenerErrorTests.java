package io.github.feishuvc.events;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.feishuvc.core.FeishuVcJson;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.node.ObjectNode;

/**
 * Regression (review of 2026-12-06): under {@link Acknowledgement#AFTER_LISTENERS} a listener that throws an {@link Error} (an
 * {@code AssertionError}, a {@code StackOverflowError}, a {@code NoClassDefFoundError}) is neither a success nor a
 * failure to {@link EventDispatcher}: {@code publish} only catches {@link RuntimeException}, so neither the claim's
 * confirmation/release nor the answer's sink is ever signalled. The answer never comes (only the receivers' timeout
 * ends it) and the claim is held until it lapses, every push meanwhile {@code PENDING}.
 */
class AfterListenersListenerErrorTests {

	private static final FeishuEvent EVENT = FeishuEvent.of((ObjectNode) FeishuVcJson.mapper()
		.readTree("{\"schema\":\"2.0\",\"header\":{\"event_id\":\"e-error\",\"event_type\":"
				+ "\"vc.meeting.all_meeting_started_v1\"},\"event\":{}}"));

	@Test
	void shouldAnswerFailedAndReleaseTheClaimWhenAListenerThrowsAnError() {
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			EventDispatcher dispatcher = new EventDispatcher(new InMemoryPublishedEventIds(), (event) -> {
				throw new AssertionError("a listener's assertion");
			}, executor, List.of(), Acknowledgement.AFTER_LISTENERS);

			StepVerifier.create(dispatcher.dispatch(EVENT))
				.expectNext(EventDispatcher.Outcome.FAILED)
				.expectComplete()
				.verify(Duration.ofSeconds(5));
			// Released: the platform's next push is published again, not held back as pending.
			StepVerifier.create(dispatcher.dispatch(EVENT))
				.expectNextMatches((outcome) -> outcome != EventDispatcher.Outcome.PENDING)
				.thenCancel()
				.verify(Duration.ofSeconds(5));
		}
		finally {
			executor.shutdownNow();
		}
	}

}
