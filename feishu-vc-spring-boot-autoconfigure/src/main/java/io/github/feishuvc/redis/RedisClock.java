package io.github.feishuvc.redis;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Translates Redis's clock to this instance's, as NTP does: each reply says Redis's time when the script ran; seen
 * here on arrival, it is behind this instance's clock by the clocks' difference plus how long the reply took. The
 * smallest such gap of the last minute is the best estimate of the difference alone. This instance's clock is
 * monotonic (anchored once to the wall clock), so a wall clock set back does not move calls.
 */
final class RedisClock {

	private static final long ANCHOR_NANOS = System.nanoTime();

	private static final long ANCHOR_MICROS = Instant.now().toEpochMilli() * 1000;

	private static final long PERIOD = TimeUnit.MINUTES.toMicros(1);

	private long offset = Long.MAX_VALUE;

	private long nextOffset = Long.MAX_VALUE;

	private long periodEnds;

	/** This instance's monotonic clock, in microseconds near the epoch. */
	static long localMicros() {
		return ANCHOR_MICROS + (System.nanoTime() - ANCHOR_NANOS) / 1000;
	}

	/**
	 * A time on Redis's clock, on this one's.
	 * @param redisTime the time on Redis's clock, microseconds
	 * @param gap how far this clock was ahead of Redis's time in the reply just received
	 * @return the time on this clock, microseconds
	 */
	synchronized long toLocal(long redisTime, long gap) {
		observe(gap);
		return redisTime + this.offset;
	}

	/**
	 * Take a reading without translating a time, such as a reply at start-up: the estimate is only as good as the
	 * fastest reply seen, so the first calls would otherwise go by a slow one.
	 * @param gap how far this clock was ahead of Redis's time in a reply just received
	 */
	synchronized void observe(long gap) {
		long now = localMicros();
		if (now >= this.periodEnds) {
			// A fresh minimum each minute, so drift between the clocks is followed.
			this.offset = Math.min(this.nextOffset, gap);
			this.nextOffset = Long.MAX_VALUE;
			this.periodEnds = now + PERIOD;
		}
		this.offset = Math.min(this.offset, gap);
		this.nextOffset = Math.min(this.nextOffset, gap);
	}

}
