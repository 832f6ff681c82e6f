package io.github.feishuvc.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.support.Windows;
import io.github.feishuvc.test.FeishuVcEmulator;
import io.github.feishuvc.test.RecordedRequest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limiter as the platform sees it: counted at arrival, in a fresh application whose first connections take a few
 * milliseconds to open.
 */
class RateLimitArrivalTests {

	@Test
	void shouldKeepEverySecondOfArrivalsUnderTheLimit() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			TestFeishu.contextRunner(emulator).withPropertyValues("feishu.vc.rate-limit.per-second=10").run((context) -> {
				ReserveOperations reserves = context.getBean(ReserveOperations.class);

				Flux.range(0, 30)
					.flatMap((i) -> reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID), 30)
					.blockLast(Duration.ofSeconds(30));

				List<Long> arrivals = emulator.requests()
					.stream()
					.filter((request) -> "reserve.get".equals(request.operation()))
					.map(RecordedRequest::receivedAt)
					.map((at) -> at.getEpochSecond() * 1_000_000_000L + at.getNano())
					.toList();
				assertThat(arrivals).hasSize(30);
				assertThat(Windows.maxInAnyWindow(arrivals, 1_000_000_000L)).as("arrivals in any second")
					.isLessThanOrEqualTo(10);
			});
		}
	}

}
