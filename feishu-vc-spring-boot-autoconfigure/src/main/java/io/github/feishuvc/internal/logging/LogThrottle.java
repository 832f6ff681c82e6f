package io.github.feishuvc.internal.logging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets a log line through at most once an interval, counting those held back, so that something a peer can repeat
 * at will (a refused request, a flapping connection) never floods the logs. Thread safe; timed by
 * {@link System#nanoTime()}.
 */
public final class LogThrottle {

	private final long intervalNanos;

	private final AtomicLong next = new AtomicLong(System.nanoTime());

	private final AtomicLong heldBack = new AtomicLong();

	/**
	 * Create a throttle whose first line goes through.
	 * @param interval the shortest time between two lines let through
	 */
	public LogThrottle(Duration interval) {
		this.intervalNanos = interval.toNanos();
	}

	/**
	 * Whether a line may be logged now.
	 * @return how many lines were held back since the last one let through, or {@code -1} to hold this one back
	 */
	public long tryLog() {
		long now = System.nanoTime();
		long next = this.next.get();
		if (now - next >= 0 && this.next.compareAndSet(next, now + this.intervalNanos)) {
			return this.heldBack.getAndSet(0);
		}
		this.heldBack.incrementAndGet();
		return -1;
	}

}
