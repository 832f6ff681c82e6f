package io.github.feishuvc.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import io.github.feishuvc.support.LogCapture;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedisAvailability}: when an outage is declared, and what it logs while Redis flaps.
 */
class RedisAvailabilityTests {

	private final RedisAvailability availability = new RedisAvailability(Duration.ofMillis(50), Clock.systemUTC());

	@Test
	void shouldFallBackForASingleFailureWithoutDeclaringAnOutage() {
		assertThat(call(Mono.error(new IllegalStateException("NOPERM")))).isEqualTo("fallback");
		assertThat(call(Mono.never())).as("a slow reply").isEqualTo("fallback");

		assertThat(this.availability.isAvailable()).isTrue();
		assertThat(call(Mono.just("redis"))).isEqualTo("redis");
		assertThat(call(Mono.error(new IllegalStateException("once more")))).isEqualTo("fallback");
		assertThat(this.availability.isAvailable()).as("a success in between starts the count again").isTrue();
	}

	@Test
	void shouldDeclareAnOutageAfterRepeatedFailuresAndSpareRedisWhileItLasts() {
		AtomicInteger tries = new AtomicInteger();
		Mono<String> failing = Mono.defer(() -> {
			tries.incrementAndGet();
			return Mono.error(new IllegalStateException("connection refused"));
		});
		for (int i = 0; i < RedisAvailability.FAILURES_FOR_OUTAGE; i++) {
			assertThat(call(failing)).isEqualTo("fallback");
		}
		assertThat(this.availability.isAvailable()).isFalse();
		assertThat(this.availability.lastFailure()).contains("connection refused");

		for (int i = 0; i < 10; i++) {
			assertThat(call(failing)).isEqualTo("fallback");
		}
		assertThat(tries).as("no try while down, but the probe a second").hasValue(RedisAvailability.FAILURES_FOR_OUTAGE);
	}

	@Test
	void shouldLogEachKindOfChangeAtMostOnceAMinuteWhileRedisFlaps() {
		try (LogCapture logs = LogCapture.of(RedisAvailability.class.getName(), Level.INFO)) {
			for (int flap = 0; flap < 5; flap++) {
				this.availability.warmUp(Mono.error(new IllegalStateException("down " + flap)), Duration.ofSeconds(1));
				assertThat(this.availability.isAvailable()).isFalse();
				this.availability.warmUp(Mono.just("up"), Duration.ofSeconds(1));
				assertThat(this.availability.isAvailable()).isTrue();
			}

			assertThat(logs.events()).filteredOn((event) -> event.getLevel() == Level.WARN)
				.singleElement()
				.satisfies((event) -> assertThat(event.getFormattedMessage()).contains("Redis is unavailable (IllegalStateException: down 0)"));
			assertThat(logs.events()).filteredOn((event) -> event.getLevel() == Level.INFO)
				.singleElement()
				.satisfies((event) -> assertThat(event.getFormattedMessage()).contains("Redis answers again"));
		}
	}

	private String call(Mono<String> operation) {
		return this.availability.call(operation, () -> Mono.just("fallback")).block(Duration.ofSeconds(5));
	}

}
