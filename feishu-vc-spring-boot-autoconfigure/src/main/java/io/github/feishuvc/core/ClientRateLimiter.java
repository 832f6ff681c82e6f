package io.github.feishuvc.core;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.util.Assert;

/**
 * Keeps each operation under the platform's per-API limits ({@code feishu.vc.rate-limit.*}; the reserve APIs allow
 * 50 calls a second and 1000 a minute per app) by delaying calls, without blocking a thread.
 *
 * <p>Each limit is a sliding window: a call may go when fewer than the limit went in the window before it. Unlike
 * a token bucket or fixed windows, this never lets 2x the limit through across a window boundary, whichever way
 * the gateway aligns its own windows. Permits are reserved in order; a caller that would have to wait longer than
 * {@code maxWait} is refused at once with {@link FeishuVcClientRateLimitException}, taking no permit.
 */
public final class ClientRateLimiter {

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

	private static final Mono<Duration> NO_WAIT = Mono.just(Duration.ZERO);

	private final int perSecond;

	private final int perMinute;

	private final long maxWaitNanos;

	private final Scheduler scheduler;

	private final String description;

	/** Windows per tenant ({@code ""} for the app's own) and operation. */
	private final Map<String, Map<String, Windows>> windows = new ConcurrentHashMap<>();

	/**
	 * Create a limiter.
	 * @param perSecond most calls of one operation in any second
	 * @param perMinute most calls of one operation in any minute
	 * @param maxWait the longest a call may be delayed before it is refused
	 * @param scheduler the scheduler whose clock and timer time the delays
	 */
	public ClientRateLimiter(int perSecond, int perMinute, Duration maxWait, Scheduler scheduler) {
		Assert.isTrue(perSecond > 0 && perMinute > 0, "limits must be positive");
		Assert.isTrue(!maxWait.isNegative(), "maxWait must not be negative");
		this.perSecond = perSecond;
		this.perMinute = perMinute;
		this.maxWaitNanos = maxWait.toNanos();
		this.scheduler = scheduler;
		this.description = perSecond + "/s and " + perMinute + "/min per operation";
	}

	/**
	 * Wait for a permit to make one call of an operation in the app's own tenant.
	 * @param operation the operation, such as {@code reserve.get}; each has its own limits
	 * @param attempt the attempt of the call, for the error
	 * @return the delay, emitted when the call may go ({@link Duration#ZERO} at once); an error if the delay would be
	 * too long
	 */
	public Mono<Duration> acquire(String operation, int attempt) {
		return acquire(null, operation, attempt);
	}

	/**
	 * Wait for a permit to make one call of an operation in a tenant; each tenant and operation has its own limits,
	 * as the platform counts them.
	 * @param tenantKey the tenant, or {@code null} for the app's own
	 * @param operation the operation, such as {@code reserve.get}
	 * @param attempt the attempt of the call, for the error
	 * @return the delay, emitted when the call may go ({@link Duration#ZERO} at once); an error if the delay would be
	 * too long
	 */
	public Mono<Duration> acquire(@Nullable String tenantKey, String operation, int attempt) {
		return Mono.defer(() -> {
			long now = this.scheduler.now(TimeUnit.NANOSECONDS);
			long wait = this.windows.computeIfAbsent((tenantKey != null) ? tenantKey : "", (key) -> new ConcurrentHashMap<>())
				.computeIfAbsent(operation, (key) -> new Windows(this.perSecond, this.perMinute))
				.reserve(now, this.maxWaitNanos);
			if (wait < 0) {
				long required = -wait - 1;
				return Mono.error(new FeishuVcClientRateLimitException(CallInfo.noResponse(operation, attempt),
						Duration.ofNanos(required), Duration.ofNanos(this.maxWaitNanos), this.description));
			}
			return (wait == 0) ? NO_WAIT : Mono.delay(Duration.ofNanos(wait), this.scheduler).thenReturn(Duration.ofNanos(wait));
		});
	}

	/**
	 * The limits, as {@code 50/s and 1000/min per operation}.
	 * @return the description
	 */
	@Override
	public String toString() {
		return "ClientRateLimiter[" + this.description + "]";
	}

	/** The sliding windows of one operation: the times of its last permits, as rings. */
	private static final class Windows {

		private final long[] lastSecond;

		private final long[] lastMinute;

		private int nextSecond;

		private int nextMinute;

		private long latest = Long.MIN_VALUE / 2;

		Windows(int perSecond, int perMinute) {
			this.lastSecond = new long[perSecond];
			this.lastMinute = new long[perMinute];
			Arrays.fill(this.lastSecond, Long.MIN_VALUE / 2);
			Arrays.fill(this.lastMinute, Long.MIN_VALUE / 2);
		}

		/**
		 * Reserve the earliest permit at or after {@code now}: the permit {@code limit} places back must be a window
		 * older. Permit times never decrease, so any window holds at most {@code limit} of them.
		 * @return the wait in nanoseconds, or {@code -(wait + 1)} if it exceeds {@code maxWait} (nothing reserved)
		 */
		synchronized long reserve(long now, long maxWait) {
			long at = Math.max(now, this.latest);
			at = Math.max(at, this.lastSecond[this.nextSecond] + SECOND);
			at = Math.max(at, this.lastMinute[this.nextMinute] + MINUTE);
			long wait = at - now;
			if (wait > maxWait) {
				return -wait - 1;
			}
			this.lastSecond[this.nextSecond] = at;
			this.nextSecond = (this.nextSecond + 1) % this.lastSecond.length;
			this.lastMinute[this.nextMinute] = at;
			this.nextMinute = (this.nextMinute + 1) % this.lastMinute.length;
			this.latest = at;
			return wait;
		}

	}

}
