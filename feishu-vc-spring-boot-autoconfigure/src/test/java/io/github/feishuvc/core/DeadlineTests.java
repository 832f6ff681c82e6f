package io.github.feishuvc.core;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Deadline} on its wheel timer, in real time.
 */
class DeadlineTests {

	@Test
	void shouldEndACallThatIsNotOverInTime() {
		Mono<String> call = Mono.<String>never().timeout(Deadline.after(Duration.ofMillis(20), TimeoutException::new),
				Deadline.neverUsed());

		StepVerifier.create(call).expectError(TimeoutException.class).verify(Duration.ofSeconds(5));
	}

	@Test
	void shouldLetACallOverInTimeEndAsItDoes() {
		Mono<String> call = Mono.just("v").timeout(Deadline.after(Duration.ofMillis(20), TimeoutException::new),
				Deadline.neverUsed());

		StepVerifier.create(call).expectNext("v").verifyComplete();
	}

	@Test
	void shouldNotCountBeforeItIsStarted() {
		Deadline deadline = Deadline.pending(Duration.ofMillis(10), TimeoutException::new);

		StepVerifier.create(deadline.expiry()).expectSubscription().expectNoEvent(Duration.ofMillis(100)).thenCancel().verify();
	}

	@Test
	void shouldFailASignalSubscribedOnlyAfterTheTimeWasUp() throws InterruptedException {
		Deadline deadline = Deadline.pending(Duration.ofMillis(1), TimeoutException::new);
		deadline.start();
		Thread.sleep(100);

		StepVerifier.create(deadline.expiry()).expectError(TimeoutException.class).verify(Duration.ofSeconds(5));
	}

	@Test
	void shouldStopCountingWhenCancelled() throws InterruptedException {
		Deadline deadline = Deadline.pending(Duration.ofMillis(30), TimeoutException::new);
		Disposable subscription = deadline.expiry().subscribe();
		deadline.start();
		subscription.dispose();

		assertThat(deadline.isDisposed()).isTrue();
		Thread.sleep(100);
		StepVerifier.create(deadline.expiry()).expectSubscription().expectNoEvent(Duration.ofMillis(50)).thenCancel().verify();
	}

}
