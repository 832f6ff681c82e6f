package io.github.feishuvc.core;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * When a failed attempt is tried again, and after how long: the one place that decides ({@code feishu.vc.retry.*}).
 *
 * <ul>
 * <li>Refusals the platform answers before acting, for every call: its rate limit (code {@code 99991400} or HTTP
 * 429, whatever the body; waits as {@code x-ogw-ratelimit-reset} says, at least 20 ms, or without it at least the
 * platform's one-second window, up to {@code maxRateLimitWait}) and requests never sent (no connection could be
 * opened, or the pool had none free).</li>
 * <li>Transient failures, for idempotent calls (reads) only: dropped connections, timeouts, HTTP 5xx and code
 * {@code 121001}; with exponential backoff and jitter. A code an endpoint declares the caller's mistake (a bad
 * parameter, nothing of that id, no permission, a conflict, not supported) is final whatever its HTTP status. A write
 * (apply, update, delete) that may have reached the platform is never repeated.</li>
 * </ul>
 * Attempts are bounded by {@code maxAttempts}, and no retry starts once {@code maxTotalTime} would be exceeded. A
 * rejected tenant token is not this policy's business: {@link FeishuVcExecutor} replaces it and retries once.
 *
 * @param enabled whether failed attempts are retried at all
 * @param maxAttempts the most attempts of one call, the first included
 * @param initialBackoff the wait before the first retry of a transient failure, doubled for each next one
 * @param maxBackoff the longest backoff wait
 * @param jitter how much each backoff varies at random, as a fraction of it (0 to 1)
 * @param maxTotalTime no retry starts when the call would then have taken longer than this
 * @param maxRateLimitWait the longest wait the gateway's rate-limit reset may impose before a retry
 */
public record FeishuVcRetryPolicy(boolean enabled, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
		double jitter, Duration maxTotalTime, Duration maxRateLimitWait) {

	/** The platform's shortest rate-limit window: a refusal without a reset waits at least this long. */
	static final Duration RATE_LIMIT_WINDOW = Duration.ofSeconds(1);

	/** A reset of zero still waits this long: one call's share of a second at the platform's 50 a second. */
	static final Duration MIN_RATE_LIMIT_WAIT = Duration.ofMillis(20);

	/**
	 * Check the policy.
	 * @param enabled whether failed attempts are retried at all
	 * @param maxAttempts the most attempts of one call, the first included
	 * @param initialBackoff the wait before the first retry of a transient failure, doubled for each next one
	 * @param maxBackoff the longest backoff wait
	 * @param jitter how much each backoff varies at random, as a fraction of it (0 to 1)
	 * @param maxTotalTime no retry starts when the call would then have taken longer than this
	 * @param maxRateLimitWait the longest wait the gateway's rate-limit reset may impose before a retry
	 * @throws IllegalArgumentException if fewer than one attempt, a negative backoff or limit, or a jitter outside 0 to 1
	 */
	public FeishuVcRetryPolicy {
		Assert.isTrue(maxAttempts >= 1, "maxAttempts must be at least 1");
		Assert.isTrue(!initialBackoff.isNegative() && !maxBackoff.isNegative(), "backoffs must not be negative");
		Assert.isTrue(jitter >= 0 && jitter <= 1, "jitter must be between 0 and 1");
		Assert.isTrue(!maxTotalTime.isNegative() && !maxRateLimitWait.isNegative(), "limits must not be negative");
	}

	/**
	 * The defaults: 3 attempts, backoff from 100ms to 2s with 50% jitter, at most 30s in all, rate-limit waits of at
	 * most 10s.
	 * @return the default policy
	 */
	public static FeishuVcRetryPolicy defaults() {
		return new FeishuVcRetryPolicy(true, 3, Duration.ofMillis(100), Duration.ofSeconds(2), 0.5,
				Duration.ofSeconds(30), Duration.ofSeconds(10));
	}

	/**
	 * A policy that never retries.
	 * @return the policy
	 */
	public static FeishuVcRetryPolicy none() {
		return new FeishuVcRetryPolicy(false, 1, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO, Duration.ZERO);
	}

	/**
	 * How long to wait before trying a failed attempt again.
	 * @param error why the attempt failed
	 * @param attempt the number of the failed attempt, from 1
	 * @param idempotent whether the call may be repeated after it may have reached the platform
	 * @param elapsed how long the call has taken so far
	 * @return the wait, or {@code null} when the failure is final
	 */
	public @Nullable Duration delayAfter(Throwable error, int attempt, boolean idempotent, Duration elapsed) {
		if (!this.enabled || attempt >= this.maxAttempts || !(error instanceof FeishuVcException failure)) {
			return null;
		}
		Duration delay = (isRateLimit(failure)) ? rateLimitDelay(failure, attempt)
				: isRetryable(failure, idempotent) ? backoff(attempt) : null;
		return (delay != null && elapsed.plus(delay).compareTo(this.maxTotalTime) <= 0) ? delay : null;
	}

	private static boolean isRateLimit(FeishuVcException failure) {
		return failure instanceof FeishuVcRateLimitException || failure.httpStatus() == 429;
	}

	private static boolean isClientError(FeishuVcException failure) {
		return failure instanceof FeishuVcInvalidParameterException || failure instanceof FeishuVcNotFoundException
				|| failure instanceof FeishuVcPermissionDeniedException || failure instanceof FeishuVcConflictException
				|| failure instanceof FeishuVcNotSupportedException;
	}

	private static boolean isRetryable(FeishuVcException failure, boolean idempotent) {
		if (failure instanceof FeishuVcTransportException transport && transport.isConnectFailure()) {
			return true;
		}
		if (isClientError(failure)) {
			// A code an endpoint documents as the caller's mistake is final, whatever status it came with
			// (meetings/search answers a bad parameter with HTTP 500).
			return false;
		}
		boolean transientFailure = failure instanceof FeishuVcTransportException
				|| failure instanceof FeishuVcServerErrorException || failure.httpStatus() >= 500;
		return transientFailure && idempotent;
	}

	/**
	 * The gateway's reset, at least {@link #MIN_RATE_LIMIT_WAIT}; without one, the backoff but at least the
	 * platform's shortest window ({@link #RATE_LIMIT_WINDOW}), which must pass before a refused call can go through.
	 */
	private @Nullable Duration rateLimitDelay(FeishuVcException failure, int attempt) {
		Duration reset = (failure instanceof FeishuVcRateLimitException limited) ? limited.resetAfter() : null;
		Duration delay = (reset != null) ? max(reset, MIN_RATE_LIMIT_WAIT) : max(backoff(attempt), RATE_LIMIT_WINDOW);
		return (delay.compareTo(this.maxRateLimitWait) <= 0) ? delay : null;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/** {@code initialBackoff * 2^(attempt-1)}, capped at {@code maxBackoff}, varied by up to {@code jitter}. */
	Duration backoff(int attempt) {
		long base = this.initialBackoff.toNanos() << Math.min(attempt - 1, 30);
		base = Math.min((base < 0) ? Long.MAX_VALUE : base, this.maxBackoff.toNanos());
		double factor = 1 + this.jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
		return Duration.ofNanos(Math.min((long) (base * factor), this.maxBackoff.toNanos()));
	}

}
