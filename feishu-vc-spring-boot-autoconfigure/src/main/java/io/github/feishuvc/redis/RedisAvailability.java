package io.github.feishuvc.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.github.feishuvc.core.FeishuVcStoreStatus;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Whether Redis answers, and what every Redis operation of the starter goes through: each has a timeout, a failure
 * or timeout falls back on the instance's own memory, and while Redis is down only one probe a second goes to it, so
 * that calls do not each wait for the timeout. An outage is logged once when it begins and once when it ends.
 */
public final class RedisAvailability implements FeishuVcStoreStatus {

	private static final Log logger = LogFactory.getLog(RedisAvailability.class);

	private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

	private final Duration timeout;

	private final Clock clock;

	private final AtomicLong nextProbe = new AtomicLong();

	private volatile @Nullable Instant unavailableSince;

	private volatile @Nullable String lastFailure;

	/**
	 * Create the availability of one Redis.
	 * @param timeout the longest any one operation may take
	 * @param clock the clock of the outage times
	 */
	public RedisAvailability(Duration timeout, Clock clock) {
		this.timeout = timeout;
		this.clock = clock;
	}

	/**
	 * Run a Redis operation, or the fallback when Redis is down, fails or is too slow.
	 * @param <T> the result type
	 * @param operation the Redis operation
	 * @param fallback what to do instead, with the instance's own memory
	 * @return the operation's result, or the fallback's
	 */
	public <T> Mono<T> call(Mono<T> operation, Supplier<Mono<T>> fallback) {
		return Mono.defer(() -> {
			if (!mayTry()) {
				return fallback.get();
			}
			return operation.timeout(this.timeout)
				.doOnSuccess((result) -> available())
				.onErrorResume((ex) -> {
					unavailable(ex);
					return fallback.get();
				});
		});
	}

	/**
	 * Open the connection and load what the first operations need before any call does, so that a cold first
	 * operation is not taken for an outage; when Redis does not answer in time the instance starts anyway, on its own
	 * memory.
	 * @param operation a first operation, such as a PING or a script run once
	 * @param timeout how long the first connection may take
	 */
	public void warmUp(Mono<?> operation, Duration timeout) {
		try {
			operation.timeout(timeout).block();
			available();
		}
		catch (RuntimeException ex) {
			unavailable(ex);
		}
	}

	@Override
	public String type() {
		return "redis";
	}

	@Override
	public boolean isAvailable() {
		return this.unavailableSince == null;
	}

	@Override
	public @Nullable Instant unavailableSince() {
		return this.unavailableSince;
	}

	@Override
	public @Nullable String lastFailure() {
		return this.lastFailure;
	}

	/** Available: always. Down: one probe a second. */
	private boolean mayTry() {
		if (this.unavailableSince == null) {
			return true;
		}
		long now = this.clock.millis();
		long next = this.nextProbe.get();
		return now >= next && this.nextProbe.compareAndSet(next, now + PROBE_INTERVAL.toMillis());
	}

	private void available() {
		Instant since = this.unavailableSince;
		if (since != null) {
			this.unavailableSince = null;
			this.lastFailure = null;
			logger.info("Redis answers again after " + Duration.between(since, this.clock.instant()).toSeconds()
					+ "s: the instances of this app share their rate limits, tickets and tokens again");
		}
	}

	private synchronized void unavailable(Throwable ex) {
		this.lastFailure = ex.getClass().getSimpleName()
				+ ((ex.getMessage() != null) ? ": " + firstLine(ex.getMessage()) : "");
		this.nextProbe.set(this.clock.millis() + PROBE_INTERVAL.toMillis());
		if (this.unavailableSince == null) {
			this.unavailableSince = this.clock.instant();
			logger.warn("Redis is unavailable (" + this.lastFailure + "); this instance goes on with its own rate "
					+ "limits, tickets and tokens until it answers again");
		}
	}

	private static String firstLine(String message) {
		int end = message.indexOf('\n');
		return (end < 0) ? message : message.substring(0, end);
	}

	@Override
	public String toString() {
		return "RedisAvailability[" + (isAvailable() ? "UP" : "DOWN since " + this.unavailableSince) + "]";
	}

}
