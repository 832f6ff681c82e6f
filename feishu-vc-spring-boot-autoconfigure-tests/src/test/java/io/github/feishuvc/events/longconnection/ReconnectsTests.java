package io.github.feishuvc.events.longconnection;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.feishuvc.core.CallInfo;
import io.github.feishuvc.core.FeishuVcApiException;
import io.github.feishuvc.core.FeishuVcRateLimitException;
import io.github.feishuvc.core.FeishuVcServerErrorException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The long connection's rules of time, on virtual time where they run on a timer: which failures are refusals for
 * good, how long it waits before trying again, and when its watchdog gives up on a silent socket.
 */
class ReconnectsTests {

	private static final ClientConfig PLATFORM = ClientConfig.DEFAULTS;

	private static final Duration FLOOR = Duration.ofSeconds(1);

	@Test
	void shouldTreatOnlyTheEndpointsClientErrorsOnASuccessfulAnswerAsRefusals() {
		assertThat(Reconnects.isRefusal(new FeishuVcApiException(info(200), 10014, "app secret invalid")))
			.isTrue();
		assertThat(Reconnects.isRefusal(new FeishuVcApiException(info(200), 1, "system busy"))).isFalse();
		assertThat(Reconnects.isRefusal(new FeishuVcApiException(info(200), 1000040343, "internal error")))
			.isFalse();
		assertThat(Reconnects.isRefusal(new FeishuVcRateLimitException(info(429), 99991400, "limit")))
			.isFalse();
		assertThat(Reconnects.isRefusal(new FeishuVcServerErrorException(info(500), 1000040343, "x")))
			.isFalse();
		assertThat(Reconnects.isRefusal(new FeishuVcApiException(info(503), 10014, "a code on a 503")))
			.isFalse();
		assertThat(Reconnects.isRefusal(new IllegalStateException())).isFalse();
	}

	@Test
	void shouldWaitThePlatformsJitterAfterADropAndNeverLessThanTheFloor() {
		for (int i = 0; i < 100; i++) {
			assertThat(Reconnects.delay(0, true, PLATFORM, null, FLOOR)).isBetween(FLOOR,
					Duration.ofSeconds(30));
		}
		ClientConfig noJitter = PLATFORM.updatedBy(new ClientConfig(null, null, 0, null));
		assertThat(Reconnects.delay(0, true, noJitter, null, FLOOR)).isEqualTo(FLOOR);
	}

	@Test
	void shouldBackOffFromTheFloorUpToThePlatformsIntervalAfterFailedAttempts() {
		assertThat(Reconnects.delay(0, false, PLATFORM, null, FLOOR)).isEqualTo(Duration.ofSeconds(1));
		assertThat(Reconnects.delay(1, false, PLATFORM, null, FLOOR)).isEqualTo(Duration.ofSeconds(2));
		assertThat(Reconnects.delay(6, false, PLATFORM, null, FLOOR)).isEqualTo(Duration.ofSeconds(64));
		assertThat(Reconnects.delay(7, false, PLATFORM, null, FLOOR)).isEqualTo(Duration.ofSeconds(120));
		assertThat(Reconnects.delay(1_000, false, PLATFORM, null, FLOOR)).isEqualTo(Duration.ofSeconds(120));
		ClientConfig noInterval = PLATFORM.updatedBy(new ClientConfig(null, 0, null, null));
		assertThat(Reconnects.delay(5, false, noInterval, null, FLOOR)).isEqualTo(FLOOR);
	}

	@Test
	void shouldHonourARateLimitsReset() {
		assertThat(Reconnects.delay(0, false, PLATFORM, Duration.ofSeconds(7), FLOOR))
			.isEqualTo(Duration.ofSeconds(7));
		assertThat(Reconnects.delay(3, false, PLATFORM, Duration.ofSeconds(2), FLOOR))
			.isEqualTo(Duration.ofSeconds(8));
	}

	@Test
	void shouldFailASocketFromWhichNothingArrivedForTheIdleTimeout() {
		Sinks.Many<String> frames = Sinks.many().unicast().onBackpressureBuffer();
		StepVerifier.withVirtualTime(() -> Reconnects.watched(frames.asFlux(), () -> Duration.ofSeconds(360),
				VirtualTimeScheduler.get()))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(359))
			.then(() -> frames.tryEmitNext("pong"))
			.expectNext("pong")
			.thenAwait(Duration.ofSeconds(359))
			.then(() -> frames.tryEmitNext("event"))
			.expectNext("event")
			.expectNoEvent(Duration.ofSeconds(359))
			.thenAwait(Duration.ofSeconds(1))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TimeoutException.class)
				.hasMessage("nothing arrived for 360000ms"))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void shouldReadTheIdleTimeoutAgainAtEachFrame() {
		Duration[] idle = { Duration.ofSeconds(360) };
		Sinks.Many<String> frames = Sinks.many().unicast().onBackpressureBuffer();
		StepVerifier.withVirtualTime(
				() -> Reconnects.watched(frames.asFlux(), () -> idle[0], VirtualTimeScheduler.get()))
			.expectSubscription()
			.then(() -> {
				// A pong that sets a shorter ping interval.
				idle[0] = Duration.ofSeconds(30);
				frames.tryEmitNext("pong");
			})
			.expectNext("pong")
			.expectNoEvent(Duration.ofSeconds(29))
			.thenAwait(Duration.ofSeconds(1))
			.expectError(TimeoutException.class)
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void shouldCompleteWhenTheSocketClosesBeforeTheIdleTimeout() {
		StepVerifier.withVirtualTime(() -> Reconnects.watched(Flux.just("pong"),
				() -> Duration.ofSeconds(360), VirtualTimeScheduler.get()))
			.expectNext("pong")
			.verifyComplete();
	}

	private static CallInfo info(int status) {
		return new CallInfo("events.long_connection_endpoint", 1, status, null, null);
	}

}
