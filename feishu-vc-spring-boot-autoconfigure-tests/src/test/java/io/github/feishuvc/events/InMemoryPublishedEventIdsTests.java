package io.github.feishuvc.events;

import java.time.Duration;
import java.time.Instant;

import io.github.feishuvc.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link InMemoryPublishedEventIds}: ids kept for the window whatever the rate of events, then forgotten in whole
 * buckets.
 */
class InMemoryPublishedEventIdsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));

	private final InMemoryPublishedEventIds ids = new InMemoryPublishedEventIds(Duration.ofHours(12), this.clock);

	@Test
	void shouldRememberAnIdForTheWholeWindowHoweverManyEventsCameAfter() {
		assertThat(this.ids.claimNow("first")).isTrue();
		for (int i = 0; i < 100_000; i++) {
			this.ids.claimNow("event-" + i);
		}
		this.clock.advance(Duration.ofHours(12));

		assertThat(this.ids.claimNow("first")).as("the platform's last redelivery, 6 hours on, and more").isFalse();
	}

	@Test
	void shouldForgetIdsOnceTheWindowAndABucketHavePassed() {
		this.ids.claimNow("old");
		this.clock.advance(Duration.ofHours(6));
		this.ids.claimNow("newer");
		this.clock.advance(Duration.ofHours(8));

		assertThat(this.ids.claimNow("old")).isTrue();
		assertThat(this.ids.claimNow("newer")).isFalse();
		assertThat(this.ids.size()).isEqualTo(2);
	}

	@Test
	void shouldForgetAReleasedId() {
		this.ids.claimNow("refused");

		this.ids.releaseNow("refused");

		assertThat(this.ids.claimNow("refused")).isTrue();
	}

}
