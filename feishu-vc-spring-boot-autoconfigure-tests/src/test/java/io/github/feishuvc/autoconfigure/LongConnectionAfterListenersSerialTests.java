package io.github.feishuvc.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.meeting.event.MeetingStartedEvent;
import io.github.feishuvc.support.MutableClock;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.EventDelivery;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression (review of 2026-12-06): the long connection's Protocol reads events with {@code concatMap}, one after another. On receipt that
 * cost nothing (the dispatch answered at once); with {@code after-listeners} the dispatch waits for the listeners,
 * so one slow listener holds every later event of the connection back, its listeners' pool idle, until the 2.5 s
 * deadline gives the first up: the events behind it are handed over late and answered late (past the platform's
 * 3 s, counted as failures and pushed again), however fast their own listeners are.
 */
class LongConnectionAfterListenersSerialTests {

	private static final String SLOW = "{\"meeting\": {\"id\": \"6911188411934433028\", \"topic\": \"slow\"}}";

	private static final String FAST = "{\"meeting\": {\"id\": \"6911188411934433029\", \"topic\": \"fast\"}}";

	private final MutableClock clock = new MutableClock(Instant.now());

	private final FeishuVcEmulator emulator = FeishuVcEmulator.builder()
		.clock(this.clock)
		.longConnectionPingInterval(Duration.ofSeconds(1))
		.start();

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void shouldHandAnEventToTheListenersWhileAnotherEventsListenerStillRuns() {
		runBoth("after-listeners");
	}

	/** The control: on receipt, the same pushes pass, so the emulator does push both at once. */
	@Test
	void shouldHandAnEventToTheListenersWhileAnotherEventsListenerStillRunsOnReceipt() {
		runBoth("on-receipt");
	}

	private void runBoth(String acknowledge) {
		TestFeishu.contextRunner(this.emulator)
			.withConfiguration(AutoConfigurations.of(FeishuVcLongConnectionAutoConfiguration.class))
			.withPropertyValues("feishu.vc.events.mode=long-connection", "feishu.vc.events.acknowledge=" + acknowledge)
			.withBean(SlowListener.class)
			.run((context) -> {
				SlowListener listener = context.getBean(SlowListener.class);
				Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> this.emulator.longConnectionCount() == 1);
				CompletableFuture<EventDelivery> slow = CompletableFuture.supplyAsync(() -> this.emulator
					.pushEvent(MeetingStartedEvent.TYPE, FeishuVcEmulator.DEFAULT_TENANT_KEY, SLOW));
				try {
					Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> listener.topics.contains("slow"));
					CompletableFuture<EventDelivery> fast = CompletableFuture.supplyAsync(() -> this.emulator
						.pushEvent(MeetingStartedEvent.TYPE, FeishuVcEmulator.DEFAULT_TENANT_KEY, FAST));

					// The pool has 8 threads, 7 idle: the second event's listener runs at once, not after the first's
					// deadline (2.5 s).
					Awaitility.await()
						.atMost(Duration.ofMillis(1500))
						.until(() -> listener.topics.contains("fast"));
					assertThat(fast.get(10, TimeUnit.SECONDS).accepted()).isTrue();
				}
				finally {
					listener.release.countDown();
					slow.get(15, TimeUnit.SECONDS);
				}
			});
	}

	static class SlowListener {

		final List<String> topics = new CopyOnWriteArrayList<>();

		final CountDownLatch release = new CountDownLatch(1);

		@EventListener
		void on(FeishuEvent event) throws InterruptedException {
			String topic = event.json().contains("\"slow\"") ? "slow" : "fast";
			this.topics.add(topic);
			if (topic.equals("slow")) {
				this.release.await(10, TimeUnit.SECONDS);
			}
		}

	}

}
