package io.github.feishuvc.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.github.feishuvc.core.FeishuVcException;
import io.github.feishuvc.reserve.ReserveApplyRequest;
import io.github.feishuvc.reserve.ReserveMeetingSettingRequest;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.support.NettyLeaks;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.Fault;
import io.github.feishuvc.test.FeishuVcEmulator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

	private NettyLeaks leaks;

	private FeishuVcEmulator emulator;

	@BeforeEach
	void start() {
		this.leaks = NettyLeaks.watch();
		this.emulator = FeishuVcEmulator.builder()
			.slowResponseDelay(Duration.ofSeconds(4))
			.rateLimitReset(Duration.ofMillis(50))
			.start();
	}

	@AfterEach
	void stop() {
		this.leaks.close();
		this.emulator.close();
	}

	@Test
	void shouldEndEveryCallWithAResultOrATypedFailureAndLeakNoBuffer() throws InterruptedException {
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
		this.leaks.assertNoneReported();
	}

	@Test
	void shouldReportALeakWhenThereIsOne() throws InterruptedException {
		ByteBuf leaked = PooledByteBufAllocator.DEFAULT.directBuffer(64);
		leaked.writeLong(42);
		leaked = null;

		assertThat(this.leaks.reported()).as("the leak detector works in this set-up")
			.anySatisfy((report) -> assertThat(report).contains("LEAK"));
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

	private ApplicationContextRunner contextRunner() {
		return TestFeishu.contextRunner(this.emulator)
			.withPropertyValues("feishu.vc.rate-limit.enabled=false", "feishu.vc.response-timeout=3s",
					"feishu.vc.pool.max-connections=200", "feishu.vc.pool.pending-acquire-timeout=30s",
					"feishu.vc.retry.initial-backoff=10ms", "feishu.vc.retry.max-backoff=100ms");
	}

}
