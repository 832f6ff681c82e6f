package io.github.feishuvc.test;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.netty.resources.LoopResources;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * BlockHound is on for every test of the emulator, which serves on Reactor Netty's event loops: a blocking call of
 * the emulator's there fails the test that made it, and can never pass unseen because the agent was not installed.
 */
class BlockHoundTests {

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
