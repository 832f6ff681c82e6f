package io.github.feishuvc.test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.feishuvc.core.RateLimit;
import io.github.feishuvc.test.Replies.Reply;
import org.jspecify.annotations.Nullable;

/**
 * The gateway's rate limits: per app, tenant and endpoint, sliding windows of a second and a minute counted at arrival
 * (on the machine's monotonic clock), each endpoint held to the lower of the limits asked for and the one its
 * declaration documents (rooms' writes: 20 a minute); a request over either limit gets HTTP 429 / code
 * {@code 99991400} with {@code x-ogw-ratelimit-reset}, and does not count.
 */
final class EmulatedRateLimits {

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

	private final int perSecond;

	private final int perMinute;

	private final Replies replies;

	private final Map<String, Deque<Long>> arrivals = new ConcurrentHashMap<>();

	private final AtomicInteger refused = new AtomicInteger();

	EmulatedRateLimits(int perSecond, int perMinute, Replies replies) {
		if (perSecond <= 0 || perMinute <= 0) {
			throw new IllegalArgumentException("Rate limits must be positive");
		}
		this.perSecond = perSecond;
		this.perMinute = perMinute;
		this.replies = replies;
	}

	/**
	 * Count a request that arrived now, unless it is over a limit.
	 * @return {@code null} when it may go on, else the gateway's refusal
	 */
	@Nullable Reply admit(String tenantKey, String route, @Nullable RateLimit documented) {
		long now = System.nanoTime();
		int perMinute = (documented != null) ? Math.min(this.perMinute, documented.perMinute()) : this.perMinute;
		int perSecond = Math.min((documented != null) ? Math.min(this.perSecond, documented.perSecond()) : this.perSecond,
				perMinute);
		Deque<Long> times = this.arrivals.computeIfAbsent(tenantKey + " " + route, (key) -> new ArrayDeque<>());
		long wait;
		synchronized (times) {
			while (!times.isEmpty() && now - times.peekFirst() >= MINUTE) {
				times.pollFirst();
			}
			long secondWait = 0;
			int inLastSecond = 0;
			for (var it = times.descendingIterator(); it.hasNext();) {
				long time = it.next();
				if (now - time >= SECOND) {
					break;
				}
				if (++inLastSecond == perSecond) {
					secondWait = time + SECOND - now;
				}
			}
			// Only admitted requests of the last minute are kept, so at the limit the oldest is the one to wait for.
			long minuteWait = (times.size() >= perMinute) ? times.peekFirst() + MINUTE - now : 0;
			wait = Math.max(inLastSecond >= perSecond ? secondWait : 0, minuteWait);
			if (wait <= 0) {
				times.addLast(now);
				return null;
			}
		}
		this.refused.incrementAndGet();
		return this.replies.error(429, 99991400, "request trigger frequency limit")
			.withHeader("x-ogw-ratelimit-limit", Integer.toString(perSecond))
			.withHeader("x-ogw-ratelimit-reset", Double.toString(Duration.ofNanos(wait).toMillis() / 1000.0));
	}

	int refused() {
		return this.refused.get();
	}

}
