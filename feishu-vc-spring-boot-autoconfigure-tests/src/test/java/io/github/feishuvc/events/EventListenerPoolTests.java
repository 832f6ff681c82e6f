package io.github.feishuvc.events;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link EventListenerPool}: bounded, so that a slow listener makes the platform deliver again, and drained when it
 * stops, so that nothing handed over is lost.
 */
class EventListenerPoolTests {

	@Test
	void shouldRefuseAnEventOnceEveryThreadIsBusyAndTheQueueFull() throws InterruptedException {
		EventListenerPool pool = new EventListenerPool(1, 1, Duration.ofSeconds(5));
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch running = new CountDownLatch(1);
		pool.execute(() -> {
			running.countDown();
			await(release);
		});
		assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
		pool.execute(() -> {
		});

		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> pool.execute(() -> {
		}));
		release.countDown();
		pool.stop();
	}

	@Test
	void shouldHandleEveryEventHandedOverBeforeItStops() {
		EventListenerPool pool = new EventListenerPool(2, 100, Duration.ofSeconds(10));
		pool.start();
		List<Integer> handled = new CopyOnWriteArrayList<>();
		for (int i = 0; i < 50; i++) {
			int event = i;
			pool.execute(() -> {
				sleep(10);
				handled.add(event);
			});
		}

		pool.stop();

		assertThat(handled).hasSize(50);
		assertThat(pool.isRunning()).isFalse();
		assertThatExceptionOfType(RejectedExecutionException.class).as("after it stopped").isThrownBy(() -> pool
			.execute(() -> {
			}));
	}

	@Test
	void shouldTakeEventsAgainWhenStartedAfterAStop() throws InterruptedException {
		EventListenerPool pool = new EventListenerPool(1, 1, Duration.ofSeconds(5));
		pool.start();
		pool.stop();

		pool.start();

		CountDownLatch ran = new CountDownLatch(1);
		pool.execute(ran::countDown);
		assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(pool.isRunning()).isTrue();
		assertThat(pool).hasToString("EventListenerPool[threads=1, queued=0, stopped=false]");
		pool.stop();
		assertThatExceptionOfType(RejectedExecutionException.class).as("stopped again").isThrownBy(() -> pool
			.execute(() -> {
			}));
	}

	@Test
	void shouldStopAfterTheWebServerAndTheLongConnection() {
		EventListenerPool pool = new EventListenerPool(1, 0, Duration.ZERO);

		assertThat(pool.getPhase()).isLessThan(Integer.MAX_VALUE - 2048);
		pool.stop();
	}

	@Test
	void shouldRunListenersOnDaemonThreadsOfItsOwn() throws InterruptedException {
		EventListenerPool pool = new EventListenerPool(1, 0, Duration.ofSeconds(5));
		List<Thread> threads = new CopyOnWriteArrayList<>();
		CountDownLatch ran = new CountDownLatch(1);

		pool.execute(() -> {
			threads.add(Thread.currentThread());
			ran.countDown();
		});

		assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(threads).singleElement().satisfies((thread) -> {
			assertThat(thread.getName()).startsWith("feishu-vc-events-");
			assertThat(thread.isDaemon()).isTrue();
		});
		pool.stop();
	}

	@Test
	void shouldLetAListenerWaitForAFeishuCallAndFinishItBeforeItStops() {
		// What the documentation tells a listener to do with its calls (docs/notes.md): block() on the pool's thread,
		// which is no Reactor thread, and the stop waits for it.
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			ReserveOperations reserves = TestFeishu.reserveTemplate(emulator.baseUrl(), UserIdType.OPEN_ID,
					Clock.systemUTC());
			EventListenerPool pool = new EventListenerPool(1, 1, Duration.ofSeconds(10));
			pool.start();
			List<String> read = new CopyOnWriteArrayList<>();

			pool.execute(() -> read.add(reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block().meetingNo()));
			pool.stop();

			assertThat(read).containsExactly("112000358");
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void shouldStopAfterAWebServersGracefulShutdownSoThatTheEventsItTookAreHandled() {
		// Spring Boot's graceful shutdown of the web server runs in phase DEFAULT_PHASE - 2048; higher phases stop first.
		assertThat(new EventListenerPool(1, 0, Duration.ZERO).getPhase()).isEqualTo(EventListenerPool.PHASE)
			.isLessThan(SmartLifecycle.DEFAULT_PHASE - 2048);
	}

}
