package io.github.feishuvc.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of an emulator not given one: the system's, moved on by what a test asked
 * ({@link FeishuVcEmulator#advanceClock}), so that a test in any language can expire tokens and see an event pushed
 * again hours later without waiting for it.
 */
final class AdvancedClock extends Clock {

	private final Clock system = Clock.systemUTC();

	private final AtomicReference<Duration> advance = new AtomicReference<>(Duration.ZERO);

	/** Furthest the clock goes: far past any token, event or export a test waits for, and far from overflowing. */
	static final Duration LONGEST = Duration.ofDays(36500);

	/** Move the clock on. */
	synchronized Duration advance(Duration by) {
		if (by.isNegative()) {
			throw new IllegalArgumentException("The emulator's clock moves on, never back: " + by);
		}
		if (by.compareTo(LONGEST.minus(this.advance.get())) > 0) {
			throw new IllegalArgumentException("The emulator's clock moves on by a hundred years at most in all; it "
					+ "was moved on by " + this.advance.get() + " already, and " + by + " is too far");
		}
		return this.advance.accumulateAndGet(by, Duration::plus);
	}

	/** How far it was moved on, in all. */
	Duration advanced() {
		return this.advance.get();
	}

	@Override
	public Instant instant() {
		return this.system.instant().plus(this.advance.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The emulator's clock is UTC");
	}

}
