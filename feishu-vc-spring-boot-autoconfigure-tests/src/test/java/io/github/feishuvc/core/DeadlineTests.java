package io.github.feishuvc.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * {@link Deadline} on its wheel timer, in real time: the one operator ends a call that is not over in time, cancels
 * it, maps its other errors, and disarms once the call ends or is cancelled.
 */
class DeadlineTests {

	@Test
	void shouldEndACallThatIsNotOverInTimeAndCancelIt() {
		AtomicBoolean cancelled = new AtomicBoolean();
		Mono<String> call = Deadline.after(Mono.<String>never().doOnCancel(() -> cancelled.set(true)),
				Duration.ofMillis(20), TimeoutException::new);

		StepVerifier.create(call).expectError(TimeoutException.class).verify(Duration.ofSeconds(5));
		assertThat(cancelled).isTrue();
	}

	@Test
	void shouldLetACallOverInTimeEndAsItDoes() {
		StepVerifier.create(Deadline.after(Mono.just("v"), Duration.ofMillis(20), TimeoutException::new))
			.expectNext("v")
			.verifyComplete();
		StepVerifier.create(Deadline.after(Mono.empty(), Duration.ofMillis(20), TimeoutException::new))
			.verifyComplete();
		StepVerifier
			.create(Deadline.after(Mono.just("late").delayElement(Duration.ofMillis(10)), Duration.ofSeconds(5),
					TimeoutException::new))
			.expectNext("late")
			.expectComplete()
			.verifyThenAssertThat()
			.hasNotDroppedErrors();
	}

	@Test
	void shouldNotCountBeforeItIsStarted() {
		Deadline deadline = Deadline.pending(Duration.ofMillis(10), TimeoutException::new);

		StepVerifier.create(deadline.bound(Mono.never(), Function.identity()))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(100))
			.thenCancel()
			.verify();
	}

	@Test
	void shouldCountFromItsStart() {
		Deadline deadline = Deadline.pending(Duration.ofMillis(30), TimeoutException::new);

		StepVerifier.create(deadline.bound(Mono.never(), Function.identity()))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(50))
			.then(deadline::start)
			.expectError(TimeoutException.class)
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void shouldStopCountingWhenCancelled() {
		Deadline deadline = Deadline.pending(Duration.ofMillis(30), TimeoutException::new);
		Sinks.One<String> errors = Sinks.one();
		Disposable subscription = deadline.bound(Mono.<String>never(), Function.identity())
			.subscribe(null, (ex) -> errors.tryEmitValue(ex.toString()));
		deadline.start();

		subscription.dispose();

		StepVerifier.create(errors.asMono()).expectSubscription().expectNoEvent(Duration.ofMillis(100)).thenCancel()
			.verify();
	}

	@Test
	void shouldMapTheCallsOwnErrorsButNotTheDeadlines() {
		Deadline failing = Deadline.pending(Duration.ofSeconds(5), TimeoutException::new);
		StepVerifier.create(failing.bound(Mono.<String>error(new IllegalStateException("refused")),
				(ex) -> new IllegalArgumentException(ex.getMessage())))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalArgumentException.class).hasMessage("refused"))
			.verify(Duration.ofSeconds(5));

		Deadline late = Deadline.pending(Duration.ofMillis(10), TimeoutException::new);
		late.start();
		StepVerifier.create(late.bound(Mono.<String>never(), (ex) -> new IllegalArgumentException()))
			.expectError(TimeoutException.class)
			.verify(Duration.ofSeconds(5));
	}

	/** Reactive Streams rule 2.13, which the TCK checks ({@code DeadlineSubscriberTckTests}). */
	@Test
	void shouldRefuseANullValueOrErrorAndPassTheCallOn() {
		AtomicReference<CoreSubscriber<? super String>> subscriber = new AtomicReference<>();
		Mono<String> call = new Mono<>() {

			@Override
			public void subscribe(CoreSubscriber<? super String> actual) {
				subscriber.set(actual);
			}

		};
		List<Object> passedOn = new CopyOnWriteArrayList<>();
		Deadline.after(call, Duration.ofMinutes(1), TimeoutException::new)
			.subscribe(passedOn::add, passedOn::add, () -> passedOn.add("complete"));
		CoreSubscriber<? super String> subject = subscriber.get();
		subject.onSubscribe(Operators.emptySubscription());

		assertThatNullPointerException().isThrownBy(() -> subject.onNext(null));
		assertThatNullPointerException().isThrownBy(() -> subject.onError(null));

		subject.onNext("v");
		subject.onComplete();
		assertThat(passedOn).containsExactly("v", "complete");
	}

}
