package io.github.feishuvc.events.longconnection;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

import io.github.feishuvc.core.CallInfo;
import io.github.feishuvc.core.FeishuVcApiException;
import io.github.feishuvc.core.FeishuVcRateLimitException;
import io.github.feishuvc.core.FeishuVcServerErrorException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
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

	private static final Instant NOW = Instant.parse("2026-12-06T07:00:00Z");

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

	@Test
	void shouldStopForGoodOnARefusalWithItsReason() {
		Reconnects reconnects = new Reconnects(FLOOR, Duration.ofMinutes(1));

		Reconnects.Next next = reconnects.next(false, new Reconnects.Refused("app secret invalid"), PLATFORM, NOW);

		assertThat(next.after()).isNull();
		assertThat(next.reason()).isEqualTo("app secret invalid");
		assertThat(reconnects.down(NOW.plus(Duration.ofDays(1)))).as("a refusal is not a failing attempt").isFalse();
	}

	@Test
	void shouldGiveUpOnceAsManyAttemptsAsTheReconnectCountFailedAndCountAgainAfterALiveConnection() {
		Reconnects reconnects = new Reconnects(FLOOR, Duration.ofMinutes(1));
		ClientConfig twice = PLATFORM.updatedBy(new ClientConfig(2, null, null, null));

		assertThat(reconnects.next(false, null, twice, NOW).after()).isEqualTo(FLOOR);
		assertThat(reconnects.next(false, null, twice, NOW).after()).isEqualTo(FLOOR.multipliedBy(2));
		Reconnects.Next spent = reconnects.next(false, null, twice, NOW);
		assertThat(spent.after()).isNull();
		assertThat(spent.reason()).isEqualTo(
				"gave up after 2 failed attempts to connect again, as the platform's ReconnectCount (2) asks");

		reconnects.started();
		assertThat(reconnects.next(false, null, twice, NOW).after()).as("counted again once started")
			.isEqualTo(FLOOR);
		assertThat(reconnects.next(true, null, twice, NOW).after()).as("counted again after a live connection")
			.isBetween(FLOOR, Duration.ofSeconds(30));
		assertThat(reconnects.next(false, null, twice, NOW).after()).isEqualTo(FLOOR.multipliedBy(2));
		assertThat(reconnects.next(false, null, twice, NOW).after()).isNull();
	}

	@Test
	void shouldWaitForARateLimitsResetBeforeTheNextAttempt() {
		Reconnects reconnects = new Reconnects(FLOOR, Duration.ofMinutes(1));
		FeishuVcRateLimitException limited = new FeishuVcRateLimitException(
				new CallInfo("events.long_connection_endpoint", 1, 429, null, Duration.ofSeconds(9)), 99991400,
				"limit");

		assertThat(reconnects.next(false, limited, PLATFORM, NOW).after()).isEqualTo(Duration.ofSeconds(9));
	}

	@Test
	void shouldBeDownOnceAttemptsFailedForTheGracePeriodAndUpOnceAConnectionOpens() {
		Duration grace = Duration.ofSeconds(30);
		Reconnects reconnects = new Reconnects(FLOOR, grace);
		assertThat(reconnects.down(NOW)).isFalse();

		reconnects.next(false, null, PLATFORM, NOW);
		reconnects.next(false, null, PLATFORM, NOW.plusSeconds(5));

		assertThat(reconnects.down(NOW.plus(grace).minusMillis(1))).as("failing since the first end").isFalse();
		assertThat(reconnects.down(NOW.plus(grace))).isTrue();
		reconnects.notFailing();
		assertThat(reconnects.down(NOW.plus(grace))).isFalse();
		reconnects.next(false, null, PLATFORM, NOW.plus(grace));
		assertThat(reconnects.down(NOW.plus(grace).plus(grace))).isTrue();
		reconnects.started();
		assertThat(reconnects.down(NOW.plus(grace).plus(grace))).isFalse();
	}

	@Test
	void shouldSayWhyEachAttemptEnded() {
		Reconnects reconnects = new Reconnects(FLOOR, Duration.ofMinutes(1));
		FullHttpResponse refused = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FORBIDDEN);
		refused.headers().set("Handshake-Status", "514").set("Handshake-Msg", "too many").set("Handshake-Autherrcode",
				"1000040350");
		FullHttpResponse bare = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_GATEWAY);

		assertThat(reconnects.next(false, null, PLATFORM, NOW).reason()).isEqualTo("closed by the platform");
		assertThat(reconnects.next(false, new WebSocketClientHandshakeException("refused", refused), PLATFORM, NOW)
			.reason()).isEqualTo("handshake refused: 514 too many (1000040350)");
		assertThat(reconnects.next(false, new WebSocketClientHandshakeException("refused", bare), PLATFORM, NOW)
			.reason()).isEqualTo("handshake refused: 502 ");
		assertThat(reconnects.next(false, new WebSocketClientHandshakeException("no response"), PLATFORM, NOW)
			.reason()).isEqualTo("WebSocketClientHandshakeException");
		assertThat(reconnects.next(false, new FeishuVcServerErrorException(info(503), 1000040343, "x"), PLATFORM, NOW)
			.reason()).isEqualTo("FeishuVcServerErrorException: HTTP 503, code 1000040343");
		assertThat(reconnects.next(false, new TimeoutException("nothing arrived for 1000ms"), PLATFORM, NOW)
			.reason()).isEqualTo("TimeoutException: nothing arrived for 1000ms");
		assertThat(reconnects.next(false, new IllegalStateException("secret detail"), PLATFORM, NOW).reason())
			.isEqualTo("IllegalStateException");
		refused.release();
		bare.release();
	}

	private static CallInfo info(int status) {
		return new CallInfo("events.long_connection_endpoint", 1, status, null, null);
	}

}
