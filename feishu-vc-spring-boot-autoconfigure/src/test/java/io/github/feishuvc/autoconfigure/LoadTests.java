package io.github.feishuvc.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.feishuvc.core.FeishuVcException;
import io.github.feishuvc.reserve.ReserveApplyRequest;
import io.github.feishuvc.reserve.ReserveMeetingSettingRequest;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.Fault;
import io.github.feishuvc.test.FeishuVcEmulator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 calls at a concurrency of 500 through the auto-configured client against the emulator, which answers 5% of
 * requests with a fault. Every call must end, either with a result or a {@link FeishuVcException}, and Netty's leak
 * detector (paranoid in this module's tests) must report no leaked buffer.
 */
class LoadTests {

	private static final int CALLS = 10_000;

	private static final int CONCURRENCY = 500;

	private final ListAppender<ILoggingEvent> leaks = new ListAppender<>();

	private final Logger leakLogger = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);

	private FeishuVcEmulator emulator;

	@BeforeEach
	void start() {
		this.leaks.start();
		this.leakLogger.addAppender(this.leaks);
		this.emulator = FeishuVcEmulator.builder()
			.slowResponseDelay(Duration.ofSeconds(4))
			.rateLimitReset(Duration.ofMillis(50))
			.start();
	}

	@AfterEach
	void stop() {
		this.leakLogger.detachAppender(this.leaks);
		this.emulator.close();
	}

	@Test
	void shouldEndEveryCallWithAResultOrATypedFailureAndLeakNoBuffer() throws InterruptedException {
		assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
		Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
		AtomicInteger ended = new AtomicInteger();
		contextRunner().run((context) -> {
			ReserveOperations reserves = context.getBean(ReserveOperations.class);
			reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block();
			this.emulator.injectFaults(0.05, Fault.values());
			long start = System.nanoTime();

			Flux.range(0, CALLS)
				.flatMap((i) -> call(reserves, i).map((result) -> "succeeded")
					.timeout(Duration.ofSeconds(60))
					.onErrorResume((ex) -> Mono.just(outcome(ex)))
					.doOnNext((outcome) -> {
						outcomes.computeIfAbsent(outcome, (key) -> new LongAdder()).increment();
						ended.incrementAndGet();
					}), CONCURRENCY)
				.blockLast(Duration.ofMinutes(3));

			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			this.emulator.clearFaults();
			System.out.printf("Load test: %d calls at concurrency %d with 5%% injected faults (%d faulted requests) "
					+ "in %d ms: %s%n", CALLS, CONCURRENCY, faulted(), elapsed.toMillis(), new TreeMap<>(outcomes));
		});

		assertThat(ended).as("calls that ended").hasValue(CALLS);
		assertThat(outcomes.keySet()).as("every outcome is a result or a typed failure")
			.allSatisfy((outcome) -> assertThat(outcome).matches("succeeded|FeishuVc\\w+Exception"));
		assertThat(outcomes.get("succeeded").sum()).as("retries absorb most faults").isGreaterThan(CALLS * 9L / 10);
		assertNoLeakReported();
	}

	@Test
	void shouldReportALeakWhenThereIsOne() throws InterruptedException {
		ByteBuf leaked = PooledByteBufAllocator.DEFAULT.directBuffer(64);
		leaked.writeLong(42);
		leaked = null;

		triggerLeakReports();

		assertThat(leakReports()).as("the leak detector works in this set-up")
			.anySatisfy((event) -> assertThat(event.getFormattedMessage()).contains("LEAK"));
	}

	private Mono<?> call(ReserveOperations reserves, int i) {
		return switch (i % 20) {
			case 0 -> reserves.apply(ReserveApplyRequest.builder()
				.endTime(Instant.now().plus(Duration.ofDays(1)))
				.ownerId("ou_load")
				.meetingSettings(ReserveMeetingSettingRequest.builder().topic("load " + i).build())
				.build());
			case 1 -> reserves.getActiveMeeting(FeishuVcEmulator.REFERENCE_RESERVE_ID, true);
			default -> reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID);
		};
	}

	private static String outcome(Throwable ex) {
		return (ex instanceof FeishuVcException) ? ex.getClass().getSimpleName()
				: (ex instanceof TimeoutException) ? "hung" : "untyped " + ex;
	}

	private long faulted() {
		return this.emulator.requests().stream().filter((request) -> request.fault() != null).count();
	}

	private void assertNoLeakReported() throws InterruptedException {
		triggerLeakReports();
		assertThat(leakReports()).as("leaks reported by Netty")
			.noneSatisfy((event) -> assertThat(event.getFormattedMessage()).contains("LEAK"));
	}

	/** Netty threads may append while we read; {@code AppenderBase.doAppend} holds the appender's lock. */
	private List<ILoggingEvent> leakReports() {
		synchronized (this.leaks) {
			return new ArrayList<>(this.leaks.list);
		}
	}

	/** Leaks are reported when a later allocation finds a collected, unreleased buffer. */
	private static void triggerLeakReports() throws InterruptedException {
		for (int round = 0; round < 5; round++) {
			System.gc();
			Thread.sleep(100);
			for (int i = 0; i < 100; i++) {
				PooledByteBufAllocator.DEFAULT.directBuffer(64).release();
			}
		}
	}

	private ApplicationContextRunner contextRunner() {
		return TestFeishu.contextRunner(this.emulator)
			.withPropertyValues("feishu.vc.rate-limit.enabled=false", "feishu.vc.response-timeout=3s",
					"feishu.vc.pool.max-connections=200", "feishu.vc.pool.pending-acquire-timeout=30s",
					"feishu.vc.retry.initial-backoff=10ms", "feishu.vc.retry.max-backoff=100ms");
	}

}
