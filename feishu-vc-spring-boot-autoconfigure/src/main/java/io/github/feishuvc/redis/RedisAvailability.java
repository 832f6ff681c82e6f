package io.github.feishuvc.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.github.feishuvc.core.FeishuVcSharedStateStatus;
import io.github.feishuvc.internal.logging.LogThrottle;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Whether Redis answers, and what every Redis operation of the starter goes through: each has a timeout, and a
 * failure or timeout falls back on the instance's own memory for that operation. An outage is declared only after
 * {@value #FAILURES_FOR_OUTAGE} failures in a row (one slow reply is not an outage); while Redis is down only one
 * probe a second goes to it, so that calls do not each wait for the timeout, and the first success ends the outage.
 * Each kind of change (an outage, a recovery) is logged at most once a minute, however often Redis flaps; a line
 * says how many changes of its kind it stands for.
 */
public final class RedisAvailability implements FeishuVcSharedStateStatus {

	/** Failures in a row that make an outage. */
	static final int FAILURES_FOR_OUTAGE = 3;

	private static final Log logger = LogFactory.getLog(RedisAvailability.class);

	private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

	private final Duration timeout;

	private final Clock clock;

	private final AtomicLong nextProbe = new AtomicLong();

	private final AtomicInteger failuresInARow = new AtomicInteger();

	private final LogThrottle outageLog = new LogThrottle(Duration.ofMinutes(1));

	private final LogThrottle recoveryLog = new LogThrottle(Duration.ofMinutes(1));

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
			// A probe may have to connect (Redis was down at start-up): the client does that blocking, so not on the
			// caller's thread, which may be an event loop.
			Mono<T> attempt = (this.unavailableSince != null) ? operation.subscribeOn(Schedulers.boundedElastic())
					: operation;
			return attempt.timeout(this.timeout)
				.doOnSuccess((result) -> available())
				.onErrorResume((ex) -> {
					failed(ex, false);
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
			failed(ex, true);
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
		this.failuresInARow.set(0);
		Instant since = this.unavailableSince;
		if (since != null) {
			this.unavailableSince = null;
			this.lastFailure = null;
			logStateChange(() -> "Redis answers again after " + Duration.between(since, this.clock.instant()).toSeconds()
					+ "s: the instances of this app share their state again", false);
		}
	}

	private synchronized void failed(Throwable ex, boolean outageAtOnce) {
		this.lastFailure = ex.getClass().getSimpleName()
				+ ((ex.getMessage() != null) ? ": " + firstLine(ex.getMessage()) : "");
		int failures = this.failuresInARow.incrementAndGet();
		this.nextProbe.set(this.clock.millis() + PROBE_INTERVAL.toMillis());
		if (this.unavailableSince == null && (outageAtOnce || failures >= FAILURES_FOR_OUTAGE)) {
			this.unavailableSince = this.clock.instant();
			logStateChange(() -> "Redis is unavailable (" + this.lastFailure + "); this instance goes on with its own "
					+ "rate limits, tickets, tokens and event ids until it answers again", true);
		}
	}

	private void logStateChange(Supplier<String> message, boolean outage) {
		long heldBack = (outage ? this.outageLog : this.recoveryLog).tryLog();
		if (heldBack < 0) {
			return;
		}
		String line = message.get() + ((heldBack > 0) ? " (" + heldBack + " more since the last such line)" : "");
		if (outage) {
			logger.warn(line);
		}
		else {
			logger.info(line);
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
