package io.github.feishuvc.events;

import java.time.Duration;
import java.time.Instant;

import io.github.feishuvc.events.PublishedEventIds.Claim;
import io.github.feishuvc.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link InMemoryPublishedEventIds}: ids kept for the window whatever the rate of events, then forgotten in whole
 * buckets; claims kept apart, for a short while only. What it shares with the Redis implementation is proved by
 * {@link PublishedEventIdsContractTests}.
 */
class InMemoryPublishedEventIdsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));

	private final InMemoryPublishedEventIds ids = new InMemoryPublishedEventIds(Duration.ofHours(12), this.clock);

	@Test
	void shouldRememberAnIdForTheWholeWindowHoweverManyEventsCameAfter() {
		publish("first");
		for (int i = 0; i < 100_000; i++) {
			publish("event-" + i);
		}
		this.clock.advance(Duration.ofHours(12));

		assertThat(this.ids.claimNow("first", "later")).as("the platform's last redelivery, 6 hours on, and more")
			.isEqualTo(Claim.PUBLISHED);
	}

	@Test
	void shouldForgetIdsOnceTheWindowAndABucketHavePassed() {
		publish("old");
		this.clock.advance(Duration.ofHours(6));
		publish("newer");
		this.clock.advance(Duration.ofHours(8));

		assertThat(this.ids.claimNow("old", "again")).isEqualTo(Claim.GRANTED);
		assertThat(this.ids.claimNow("newer", "again")).isEqualTo(Claim.PUBLISHED);
		assertThat(this.ids.size()).as("newer, published, and the claim on old").isEqualTo(2);
	}

	@Test
	void shouldForgetLapsedClaimsHoweverManyWereNeverConfirmed() {
		for (int i = 0; i < 10_000; i++) {
			this.ids.claimNow("claimed-" + i, "token");
		}
		this.clock.advance(PublishedEventIds.CLAIM_TTL);

		this.ids.claimNow("next", "token");

		assertThat(this.ids.size()).isEqualTo(1);
	}

	@Test
	void shouldRememberAnIdUntilTheWindowAndItsBucketHavePassedToTheMillisecond() {
		InMemoryPublishedEventIds ids = new InMemoryPublishedEventIds(Duration.ofSeconds(12), this.clock);
		assertThat(ids.claimNow("first", "token")).isEqualTo(Claim.GRANTED);
		ids.confirmNow("first", "token");

		this.clock.advance(Duration.ofMillis(12_999));
		assertThat(ids.claimNow("first", "again")).as("twelve buckets on, within the thirteenth")
			.isEqualTo(Claim.PUBLISHED);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(ids.claimNow("first", "again")).as("once the thirteenth bucket began").isEqualTo(Claim.GRANTED);
	}

	@Test
	void shouldHoldAClaimForItsWholeTimeToTheMillisecondAndNoLonger() {
		assertThat(this.ids.claimNow("claimed", "first")).isEqualTo(Claim.GRANTED);

		this.clock.advance(PublishedEventIds.CLAIM_TTL.minusMillis(1));
		assertThat(this.ids.claimNow("claimed", "second")).isEqualTo(Claim.PENDING);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.ids.claimNow("claimed", "second")).isEqualTo(Claim.GRANTED);
	}

	@Test
	void shouldEndTheClaimOfAnIdItConfirms() {
		assertThat(this.ids.claimNow("confirmed", "token")).isEqualTo(Claim.GRANTED);
		this.ids.confirmNow("confirmed", "token");

		assertThat(this.ids.size()).as("the id published, its claim ended").isOne();
	}

	private void publish(String eventId) {
		assertThat(this.ids.claimNow(eventId, "token")).isEqualTo(Claim.GRANTED);
		this.ids.confirmNow(eventId, "token");
	}

}
