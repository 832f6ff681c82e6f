package io.github.feishuvc.events;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

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

}
