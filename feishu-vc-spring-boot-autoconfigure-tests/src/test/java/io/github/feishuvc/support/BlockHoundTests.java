package io.github.feishuvc.support;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.LoopResources;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * BlockHound is on for every test of this module, so that a blocking call on a non-blocking thread can never pass
 * unseen because the agent was silently not installed.
 */
class BlockHoundTests {

	@Test
	void shouldFailABlockingCallOnAParallelScheduler() {
		Mono<Long> blocking = Mono.delay(Duration.ofMillis(1)).publishOn(Schedulers.parallel()).doOnNext((tick) -> {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});

		StepVerifier.create(blocking)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(BlockingOperationError.class)
				.hasMessageContaining("java.lang.Thread.sleep"))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void shouldFailABlockingCallOnAReactorNettyEventLoop() throws Exception {
		LoopResources loops = LoopResources.create("blockhound-check", 1, true);
		try {
			Future<?> blocking = loops.onServer(false).next().submit(() -> {
				Thread.sleep(1);
				return null;
			});

			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> blocking.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(BlockingOperationError.class);
		}
		finally {
			// No quiet period: the default one of 2 seconds was most of this test's time.
			loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
		}
	}

}
