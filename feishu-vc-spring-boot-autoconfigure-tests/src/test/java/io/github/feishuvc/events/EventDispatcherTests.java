package io.github.feishuvc.events;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.feishuvc.core.FeishuVcJson;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EventDispatcher}'s claims: each delivery claims its event under a token of its own, so that the store tells a
 * second delivery of an event being published (pending) from the first; and when the platform is told, on receipt or
 * after the listeners.
 */
class EventDispatcherTests {

	private static final FeishuEvent EVENT = FeishuEvent.of((ObjectNode) FeishuVcJson.mapper()
		.readTree("{\"schema\":\"2.0\",\"header\":{\"event_id\":\"e-2\",\"event_type\":"
				+ "\"vc.meeting.all_meeting_started_v1\"},\"event\":{}}"));

	@Test
	void shouldAnswerAfterTheListenersAndPublishAgainOnlyWhatAListenerFailedOn() {
		AtomicInteger calls = new AtomicInteger();
		EventDispatcher dispatcher = new EventDispatcher(new InMemoryPublishedEventIds(), (event) -> {
			if (calls.incrementAndGet() < 3) {
				throw new IllegalStateException("the database is away");
			}
		}, Runnable::run, List.of(), Acknowledgement.AFTER_LISTENERS);

		assertThat(dispatcher.dispatch(EVENT).block()).isEqualTo(EventDispatcher.Outcome.FAILED);
		assertThat(dispatcher.dispatch(EVENT).block()).isEqualTo(EventDispatcher.Outcome.FAILED);
		assertThat(dispatcher.dispatch(EVENT).block()).isEqualTo(EventDispatcher.Outcome.HANDLED);
		assertThat(dispatcher.dispatch(EVENT).block()).isEqualTo(EventDispatcher.Outcome.DUPLICATE);

		assertThat(calls).hasValue(3);
		assertThat(EventDispatcher.Outcome.FAILED.acknowledged()).isFalse();
		assertThat(EventDispatcher.Outcome.HANDLED.acknowledged()).isTrue();
	}

	@Test
	void shouldWaitForTheListenersAndHoldTheNextDeliveryBackWhileTheyRun() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			EventDispatcher dispatcher = new EventDispatcher(new InMemoryPublishedEventIds(), (event) -> {
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}, executor, List.of(), Acknowledgement.AFTER_LISTENERS);

			// Nobody waits for the first answer any more (the platform's deadline passed): the listener still decides.
			StepVerifier.create(dispatcher.dispatch(EVENT)).expectSubscription().thenCancel().verify();
			assertThat(dispatcher.dispatch(EVENT).block()).isEqualTo(EventDispatcher.Outcome.PENDING);
			release.countDown();

			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.until(() -> dispatcher.dispatch(EVENT).block() == EventDispatcher.Outcome.DUPLICATE);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void shouldAcknowledgeOnlyWhatTheInboxAppendedAndAppendAgainWhatItCouldNot() {
		List<FeishuEvent> appended = new CopyOnWriteArrayList<>();
		AtomicBoolean failing = new AtomicBoolean(true);
		FeishuEventInbox inbox = new ListInbox(appended, failing);
		AtomicInteger calls = new AtomicInteger();
		EventDispatcher dispatcher = new EventDispatcher(new InMemoryPublishedEventIds(),
				(event) -> calls.incrementAndGet(), Runnable::run, List.of(), Acknowledgement.ON_RECEIPT, inbox);

		assertThat(dispatcher.dispatch(EVENT).block()).isEqualTo(EventDispatcher.Outcome.NOT_STORED);
		failing.set(false);
		assertThat(dispatcher.dispatch(EVENT).block()).as("its claim released")
			.isEqualTo(EventDispatcher.Outcome.STORED);
		assertThat(dispatcher.dispatch(EVENT).block()).isEqualTo(EventDispatcher.Outcome.DUPLICATE);

		assertThat(appended).containsExactly(EVENT);
		assertThat(calls).as("the inbox hands events to the listeners, not the delivery").hasValue(0);
		assertThat(EventDispatcher.Outcome.STORED.acknowledged()).isTrue();
		assertThat(EventDispatcher.Outcome.NOT_STORED.acknowledged()).isFalse();
		StepVerifier.create(dispatcher.publishStored(EVENT)).verifyComplete();
		assertThat(calls).hasValue(1);
	}

	@Test
	void shouldFailThePublicationOfAStoredEventWithTheListenersFailure() {
		EventDispatcher dispatcher = new EventDispatcher(new InMemoryPublishedEventIds(), (event) -> {
			throw new IllegalStateException("the database is away");
		}, Runnable::run);

		StepVerifier.create(dispatcher.publishStored(EVENT))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
				.hasMessage("the database is away"));
	}

	/** An inbox in a list, that fails to append while told to: the dispatcher's side of it only. */
	private record ListInbox(List<FeishuEvent> appended, AtomicBoolean failing) implements FeishuEventInbox {

		@Override
		public Mono<Void> append(FeishuEvent event) {
			return Mono.defer(() -> {
				if (this.failing.get()) {
					return Mono.error(new IllegalStateException("Redis did not answer"));
				}
				this.appended.add(event);
				return Mono.empty();
			});
		}

		@Override
		public Mono<Long> pending() {
			return Mono.just((long) this.appended.size());
		}

		@Override
		public Flux<DeadLetter> deadLetters() {
			return Flux.empty();
		}

		@Override
		public Mono<Long> deadLetterCount() {
			return Mono.just(0L);
		}

		@Override
		public Mono<Boolean> replay(String id) {
			return Mono.just(false);
		}

		@Override
		public Mono<Boolean> discard(String id) {
			return Mono.just(false);
		}

	}

	@Test
	void shouldHandTheNextDeliveryOverWhenTheExecutorFailedOtherwiseThanByRefusing() {
		AtomicBoolean broken = new AtomicBoolean(true);
		AtomicInteger calls = new AtomicInteger();
		EventDispatcher dispatcher = new EventDispatcher(new InMemoryPublishedEventIds(), (event) -> calls.incrementAndGet(),
				(task) -> {
					if (broken.get()) {
						throw new IllegalStateException("the executor is broken");
					}
					task.run();
				}, List.of(), Acknowledgement.AFTER_LISTENERS);

		StepVerifier.create(dispatcher.dispatch(EVENT)).verifyError(IllegalStateException.class);
		broken.set(false);

		assertThat(dispatcher.dispatch(EVENT).block()).as("neither held as running nor claimed any more")
			.isEqualTo(EventDispatcher.Outcome.HANDLED);
		assertThat(calls).hasValue(1);
	}

	@Test
	void shouldAcknowledgeOnReceiptWhateverTheListenersDoByDefault() {
		AtomicInteger calls = new AtomicInteger();
		EventDispatcher dispatcher = new EventDispatcher(new InMemoryPublishedEventIds(), (event) -> {
			calls.incrementAndGet();
			throw new IllegalStateException("the database is away");
		}, Runnable::run);

		assertThat(dispatcher.dispatch(EVENT).block()).isEqualTo(EventDispatcher.Outcome.PUBLISHING);
		assertThat(dispatcher.dispatch(EVENT).block()).isEqualTo(EventDispatcher.Outcome.DUPLICATE);
		assertThat(calls).hasValue(1);
	}

	@Test
	void shouldClaimEachDeliveryUnderATokenOfItsOwn() {
		List<String> tokens = new CopyOnWriteArrayList<>();
		PublishedEventIds recording = new PublishedEventIds() {

			@Override
			public Mono<Claim> claim(String eventId, String token) {
				tokens.add(token);
				return Mono.just(Claim.PENDING);
			}

			@Override
			public Mono<Void> confirm(String eventId, String token) {
				return Mono.empty();
			}

			@Override
			public Mono<Void> release(String eventId, String token) {
				return Mono.empty();
			}

		};
		EventDispatcher dispatcher = new EventDispatcher(recording, (event) -> {
		}, Runnable::run);
		FeishuEvent event = FeishuEvent.of((ObjectNode) FeishuVcJson.mapper().readTree("{\"schema\":\"2.0\",\"header\":"
				+ "{\"event_id\":\"e-1\",\"event_type\":\"vc.meeting.all_meeting_started_v1\"},\"event\":{}}"));

		dispatcher.dispatch(event).block();
		dispatcher.dispatch(event).block();

		assertThat(tokens).hasSize(2)
			.doesNotHaveDuplicates()
			.allSatisfy((token) -> assertThat(token).hasSizeGreaterThan(16));
	}

}
