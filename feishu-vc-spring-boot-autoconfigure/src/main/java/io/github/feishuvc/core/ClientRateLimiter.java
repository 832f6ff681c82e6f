package io.github.feishuvc.core;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.util.Assert;

/**
 * A {@link FeishuVcRateLimiter} in this instance's memory: keeps each tenant's operations under the platform's
 * per-API limits ({@code feishu.vc.rate-limit.*}; the reserve APIs allow 50 calls a second and 1000 a minute per app
 * and tenant) by delaying calls, without blocking a thread.
 *
 * <p>Each limit is a sliding window: a call may go when fewer than the limit went in the window before it. Unlike a
 * token bucket or fixed windows, this never lets 2x the limit through across a window boundary, whichever way the
 * gateway aligns its own windows. The windows are longer than the platform's by a margin, so that calls sent just over
 * a window apart still arrive over a window apart when the network delays the first a little more than the second. The
 * calls that start a busy spell (those whose window held fewer than a second's limit in the two seconds before) are
 * counted later still, by the cold margin: they may wait for a connection to open, or for a cold JVM, while the calls a
 * second or a minute after them travel on open connections. That costs a busy spell the cold margin once, where a
 * margin as wide on every window would cost it every second. Paced, permits are spaced by half their even share of the
 * lengthened second (10 ms at 50 a second), so that a second's calls do not all leave at once and bunch up on their
 * way, while a burst is through in half a second rather than a whole one. Permits are reserved in order; a caller that
 * would have to wait longer than {@code maxWait} is refused at once with {@link FeishuVcClientRateLimitException},
 * taking no permit. A window keeps the permits of its last minute only, in as many slots as they need, and windows idle
 * for longer than a minute are forgotten, so thousands of light tenants keep little memory.
 *
 * <p>When the platform refuses a call all the same ({@link #refused}), its permit goes back to its window and no permit
 * of that tenant and operation is given before the reset it named. The sweep of idle windows loses neither a permit
 * nor a hold. Token fetches (operations {@code auth.*}) are counted per app; as no document gives the
 * token endpoints' limits, they go as fast as they are asked for until the platform refuses one, and from then on are
 * held to the limits like any operation. They wait as long as their call's deadline allows rather than
 * {@code maxWait}: every call of a tenant waits for its token, so a fetch refused fails them all.
 */
public final class ClientRateLimiter implements FeishuVcRateLimiter {

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

	private final long maxWaitNanos;

	private final long secondWindow;

	private final long minuteWindow;

	private final long coldMargin;

	private final boolean pace;

	/** The limits of every operation but those with limits of their own. */
	private final Shape defaults;

	/** The operations whose documented limits are stricter than the defaults. */
	private final Map<String, Shape> shapes;

	private final AtomicLong lastSweep;

	private final Scheduler scheduler;

	private final String description;

	/**
	 * Windows per tenant ({@code ""} for the app's own) and operation, in one map: a map per tenant would cost more
	 * than a light tenant's window.
	 */
	private final Map<WindowKey, Windows> windows = new ConcurrentHashMap<>();

	/**
	 * Create a limiter whose windows are exactly a second and a minute.
	 * @param perSecond most calls of one operation in any second
	 * @param perMinute most calls of one operation in any minute
	 * @param maxWait the longest a call may be delayed before it is refused
	 * @param scheduler the scheduler whose clock and timer time the delays
	 */
	public ClientRateLimiter(int perSecond, int perMinute, Duration maxWait, Scheduler scheduler) {
		this(perSecond, perMinute, Duration.ZERO, false, maxWait, scheduler);
	}

	/**
	 * Create a limiter with no cold margin.
	 * @param perSecond most calls of one operation in any second
	 * @param perMinute most calls of one operation in any minute
	 * @param margin how much longer than a second and a minute the windows are, to absorb network jitter
	 * @param pace whether to space permits by half their even share of the (lengthened) second, rather than let a
	 * second's budget go at once
	 * @param maxWait the longest a call may be delayed before it is refused
	 * @param scheduler the scheduler whose clock and timer time the delays
	 */
	public ClientRateLimiter(int perSecond, int perMinute, Duration margin, boolean pace, Duration maxWait,
			Scheduler scheduler) {
		this(new RateLimit(perSecond, perMinute), Map.of(), margin, Duration.ZERO, pace, maxWait, scheduler);
	}

	/**
	 * Create a limiter whose operations have the platform's documented limits where they differ from the defaults.
	 * @param defaults the limits of every operation not named in {@code operationLimits}
	 * @param operationLimits the limits of named operations, such as {@code meeting.list_by_no} (100 a minute); each
	 * is held to the stricter of its own and the defaults
	 * @param margin how much longer than a second and a minute the windows are, to absorb network jitter
	 * @param coldMargin how much later the calls that start a busy spell are counted, for the connections they may
	 * have to open
	 * @param pace whether to space permits by half their even share of the (lengthened) second, rather than let a
	 * second's budget go at once
	 * @param maxWait the longest a call may be delayed before it is refused
	 * @param scheduler the scheduler whose clock and timer time the delays
	 */
	public ClientRateLimiter(RateLimit defaults, Map<String, RateLimit> operationLimits, Duration margin,
			Duration coldMargin, boolean pace, Duration maxWait, Scheduler scheduler) {
		Assert.isTrue(!margin.isNegative() && !coldMargin.isNegative() && !maxWait.isNegative(),
				"margin, coldMargin and maxWait must not be negative");
		this.maxWaitNanos = maxWait.toNanos();
		this.secondWindow = SECOND + margin.toNanos();
		this.minuteWindow = MINUTE + margin.toNanos();
		this.coldMargin = coldMargin.toNanos();
		this.pace = pace;
		this.defaults = shape(defaults);
		Map<String, Shape> shapes = new HashMap<>();
		operationLimits.forEach((operation, limit) -> shapes.put(operation, shape(limit.min(defaults))));
		this.shapes = Map.copyOf(shapes);
		this.scheduler = scheduler;
		this.lastSweep = new AtomicLong(scheduler.now(TimeUnit.NANOSECONDS));
		this.description = defaults + " per operation (of each tenant)"
				+ (shapes.isEmpty() ? "" : ", fewer for " + String.join(", ", new java.util.TreeSet<>(shapes.keySet())));
	}

	private Shape shape(RateLimit limit) {
		return new Shape(limit, this.pace ? this.secondWindow / (2L * limit.perSecond()) : 0);
	}

	/**
	 * Wait for a permit to make one call of an operation in the app's own tenant.
	 * @param operation the operation, such as {@code reserve.get}; each has its own limits
	 * @param attempt the attempt of the call, for the error
	 * @return the permit, emitted when the call may go; an error if the delay would be too long
	 */
	public Mono<Permit> acquire(String operation, int attempt) {
		return acquire(null, operation, attempt);
	}

	/**
	 * Wait for a permit to make one call of an operation in a tenant; each tenant and operation has its own limits,
	 * as the platform counts them.
	 * @param tenantKey the tenant, or {@code null} for the app's own
	 * @param operation the operation, such as {@code reserve.get}
	 * @param attempt the attempt of the call, for the error
	 * @return the permit, emitted when the call may go; an error if the delay would be too long
	 */
	@Override
	public Mono<Permit> acquire(@Nullable String tenantKey, String operation, int attempt) {
		return Mono.defer(() -> {
			long now = this.scheduler.now(TimeUnit.NANOSECONDS);
			sweepIdleWindows(now);
			Shape shape = this.shapes.getOrDefault(operation, this.defaults);
			long maxWait = FeishuVcRateLimiter.isTokenFetch(operation) ? Long.MAX_VALUE : this.maxWaitNanos;
			Grant grant;
			do {
				grant = window(tenantKey, operation).reserve(now, maxWait, this.secondWindow, this.minuteWindow,
						shape.spacing(), this.coldMargin);
			}
			while (grant == null);
			if (grant.wait < 0) {
				long required = -grant.wait - 1;
				return Mono.error(new FeishuVcClientRateLimitException(CallInfo.noResponse(operation, attempt),
						Duration.ofNanos(required), Duration.ofNanos(this.maxWaitNanos),
						shape.limit() + " for " + operation + " (of each tenant)"));
			}
			Permit permit = new Permit(tenantKey, operation, Duration.ofNanos(grant.wait), grant);
			return (grant.wait == 0) ? Mono.just(permit)
					: Mono.delay(Duration.ofNanos(grant.wait), this.scheduler).thenReturn(permit);
		});
	}

	/**
	 * The platform refused a call all the same: its permit goes back to its window (the platform did not count it), so
	 * a stray refusal costs its reset, never the rest of a minute; and no permit of that tenant and operation is given
	 * before the reset, since calls made outside this limiter (or a limit lower than the one configured) share the
	 * budget. Token fetches are held to the limits from then on.
	 * @param permit the refused call's permit
	 * @param reset how long the platform asked to wait, or {@code null} if it did not say (a second then)
	 * @return completes at once
	 */
	@Override
	public Mono<Void> refused(Permit permit, @Nullable Duration reset) {
		return Mono.fromRunnable(() -> refusedNow(permit, reset));
	}

	/**
	 * {@link #refused} at once, for a permit of this limiter or of a limiter that falls back on it.
	 * @param permit the refused call's permit
	 * @param reset how long the platform asked to wait, or {@code null} for a second
	 */
	public void refusedNow(Permit permit, @Nullable Duration reset) {
		long until = this.scheduler.now(TimeUnit.NANOSECONDS) + ((reset != null) ? reset.toNanos() : SECOND);
		Windows window;
		do {
			window = window(permit.tenantKey(), permit.operation());
		}
		while (!window.refused((permit.token() instanceof Grant grant) ? grant : null, until));
	}

	private Windows window(@Nullable String tenantKey, String operation) {
		return this.windows.computeIfAbsent(new WindowKey((tenantKey != null) ? tenantKey : "", operation),
				(key) -> new Windows(this.shapes.getOrDefault(operation, this.defaults).limit(),
						!FeishuVcRateLimiter.isTokenFetch(operation)));
	}

	/**
	 * The second window: a second and the margin.
	 * @return the window's length
	 */
	public Duration secondWindow() {
		return Duration.ofNanos(this.secondWindow);
	}

	/**
	 * The minute window: a minute and the margin.
	 * @return the window's length
	 */
	public Duration minuteWindow() {
		return Duration.ofNanos(this.minuteWindow);
	}

	/**
	 * How much later than their permits the calls that start a busy spell are counted.
	 * @return the cold margin
	 */
	public Duration coldMargin() {
		return Duration.ofNanos(this.coldMargin);
	}

	/**
	 * How far apart paced permits of an operation are: half the second window's even share per call.
	 * @param operation the operation
	 * @return the spacing, zero when permits are not paced
	 */
	public Duration spacing(String operation) {
		return Duration.ofNanos(this.shapes.getOrDefault(operation, this.defaults).spacing());
	}

	/**
	 * The limit an operation is held to.
	 * @param operation the operation, such as {@code meeting.list_by_no}
	 * @return its limit
	 */
	public RateLimit limit(String operation) {
		return this.shapes.getOrDefault(operation, this.defaults).limit();
	}

	/**
	 * Once a minute, forget the windows that hold no one back: their last permit is over a window old, no hold runs,
	 * and a token endpoint's was never refused. A window is retired under its own lock, so a caller that found it just
	 * before takes a fresh one rather than lose its permit in the forgotten one.
	 */
	private void sweepIdleWindows(long now) {
		long last = this.lastSweep.get();
		if (now - last < MINUTE || !this.lastSweep.compareAndSet(last, now)) {
			return;
		}
		long idleSince = now - this.minuteWindow;
		this.windows.entrySet().removeIf((entry) -> entry.getValue().retireIfIdle(idleSince, now));
	}

	/**
	 * How many permit times the windows keep now, for diagnostics: what the limiter's memory grows with.
	 * @return the number of slots of every window
	 */
	public int slotCount() {
		return this.windows.values().stream().mapToInt(Windows::capacity).sum();
	}

	/**
	 * How many tenant and operation windows are kept now, for diagnostics.
	 * @return the number of windows
	 */
	public int windowCount() {
		return this.windows.size();
	}

	/**
	 * The limits, as {@code 50/s and 1000/min per operation (of each tenant)}.
	 * @return the description
	 */
	@Override
	public String toString() {
		return "ClientRateLimiter[" + this.description + "]";
	}

	/** A permit reserved in a window (or refused, with a negative wait), and the time it is counted from. */
	private static final class Grant {

		final Windows window;

		final long wait;

		final long counted;

		Grant(Windows window, long wait, long counted) {
			this.window = window;
			this.wait = wait;
			this.counted = counted;
		}

	}

	/** Whose window: a tenant's ({@code ""} for the app's own) for an operation. */
	private record WindowKey(String tenantKey, String operation) {
	}

	/** An operation's limit, and how far apart its paced permits go. */
	private record Shape(RateLimit limit, long spacing) {
	}

	/**
	 * The sliding windows of one operation: the times its permits count from (the permit's time, later by the cold
	 * margin for a busy spell's first calls) of the last minute window, oldest first, in one ring that grows with use
	 * (to the minute's limit at most) and shrinks as use falls. The permit a second's limit back and the one a
	 * minute's limit back are both found in it; permits older than the minute window constrain nothing and are
	 * dropped. A tenant that made a few calls keeps a few slots, not the minute's thousand.
	 */
	private static final class Windows {

		private static final int MIN_CAPACITY = 4;

		private final int perSecond;

		private final int perMinute;

		private long[] times = new long[MIN_CAPACITY];

		private int oldest;

		private int size;

		/** The latest permit's own time, which paced permits are spaced from. */
		private long latest = Long.MIN_VALUE / 4;

		/** No permit before this: the platform's reset after it refused a call. */
		private long heldUntil = Long.MIN_VALUE / 4;

		/** Whether the limits apply; a token endpoint's only once the platform has refused a fetch. */
		private boolean limiting;

		/** Whether the limits applied from the start (any operation but a token endpoint's). */
		private final boolean limitingFromStart;

		/** Forgotten by the sweep: a caller that still holds it takes a fresh one. */
		private boolean retired;

		Windows(RateLimit limit, boolean limiting) {
			this.perSecond = limit.perSecond();
			this.perMinute = limit.perMinute();
			this.limiting = limiting;
			this.limitingFromStart = limiting;
		}

		/**
		 * Reserve the earliest permit at or after {@code now}: the permit {@code limit} places back must be a window
		 * older. The times kept never decrease, so any window holds at most {@code limit} of them.
		 * @return the grant, whose wait in nanoseconds is {@code -(wait + 1)} if it exceeds {@code maxWait} (nothing
		 * reserved then); {@code null} if the window was retired
		 */
		synchronized @Nullable Grant reserve(long now, long maxWait, long secondWindow, long minuteWindow,
				long spacing, long coldMargin) {
			if (this.retired) {
				return null;
			}
			forgetBefore(now - minuteWindow);
			long at = Math.max(now, this.heldUntil);
			if (this.limiting) {
				at = Math.max(at, this.latest + spacing);
				if (this.size >= this.perSecond) {
					at = Math.max(at, permit(this.size - this.perSecond) + secondWindow);
				}
				if (this.size >= this.perMinute) {
					at = Math.max(at, permit(this.size - this.perMinute) + minuteWindow);
				}
			}
			long wait = at - now;
			if (wait > maxWait) {
				return new Grant(this, -wait - 1, 0);
			}
			boolean cold = this.size < this.perSecond || permit(this.size - this.perSecond) < at - 2 * secondWindow;
			long counted = (cold) ? at + coldMargin : at;
			if (this.size > 0) {
				counted = Math.max(counted, permit(this.size - 1));
			}
			if (this.size == this.perMinute) {
				dropOldest();
			}
			append(counted);
			this.latest = at;
			return new Grant(this, wait, counted);
		}

		/**
		 * Give a refused call's permit back, and hold every permit until {@code until}.
		 * @param grant the refused call's grant, or {@code null} if it came from elsewhere
		 * @return {@code false} if the window was retired (nothing done)
		 */
		synchronized boolean refused(@Nullable Grant grant, long until) {
			if (this.retired) {
				return false;
			}
			if (grant != null && grant.window == this) {
				remove(grant.counted);
			}
			this.heldUntil = Math.max(this.heldUntil, until);
			this.limiting = true;
			return true;
		}

		/** Retire the window if it holds no one back: idle since {@code time}, no hold running, limits as at start. */
		synchronized boolean retireIfIdle(long time, long now) {
			this.retired = this.latest < time && this.heldUntil <= now && this.limiting == this.limitingFromStart;
			return this.retired;
		}

		/** Forget one kept permit of the given time, the newest such; the times kept stay in order. */
		private void remove(long time) {
			for (int i = this.size - 1; i >= 0; i--) {
				long kept = permit(i);
				if (kept == time) {
					for (int j = i; j < this.size - 1; j++) {
						this.times[(this.oldest + j) % this.times.length] = permit(j + 1);
					}
					this.size--;
					return;
				}
				if (kept < time) {
					return;
				}
			}
		}

		synchronized int capacity() {
			return this.times.length;
		}

		/** The {@code index}-th kept permit, from the oldest. */
		private long permit(int index) {
			return this.times[(this.oldest + index) % this.times.length];
		}

		private void forgetBefore(long time) {
			while (this.size > 0 && permit(0) < time) {
				dropOldest();
			}
			if (this.times.length > MIN_CAPACITY && this.size <= this.times.length / 4) {
				resize(Math.max(MIN_CAPACITY, this.times.length / 2));
			}
		}

		private void dropOldest() {
			this.oldest = (this.oldest + 1) % this.times.length;
			this.size--;
		}

		private void append(long time) {
			if (this.size == this.times.length) {
				resize(Math.min(this.perMinute, this.times.length * 2));
			}
			this.times[(this.oldest + this.size) % this.times.length] = time;
			this.size++;
		}

		private void resize(int capacity) {
			long[] resized = new long[capacity];
			for (int i = 0; i < this.size; i++) {
				resized[i] = permit(i);
			}
			this.times = resized;
			this.oldest = 0;
		}

	}

}
