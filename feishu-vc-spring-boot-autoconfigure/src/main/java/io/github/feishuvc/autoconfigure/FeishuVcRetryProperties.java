package io.github.feishuvc.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Retry settings ({@code feishu.vc.retry.*}).
 */
@ConfigurationProperties(FeishuVcRetryProperties.PREFIX)
public final class FeishuVcRetryProperties {

	/** Prefix of the properties. */
	public static final String PREFIX = "feishu.vc.retry";

	/**
	 * Whether to retry failed attempts: reads after transient failures, every call after rate limits and refused
	 * connections.
	 */
	private final boolean enabled;

	/**
	 * Most attempts of one call, the first included.
	 */
	private final int maxAttempts;

	/**
	 * Wait before the first retry of a transient failure, doubled for each next one.
	 */
	private final Duration initialBackoff;

	/**
	 * Longest backoff wait between attempts.
	 */
	private final Duration maxBackoff;

	/**
	 * How much each backoff varies at random, as a fraction of it, from 0 to 1.
	 */
	private final double jitter;

	/**
	 * No retry starts when the call would then have taken longer than this in all.
	 */
	private final Duration maxTotalTime;

	/**
	 * Longest wait the platform's rate-limit reset may impose before a retry; a longer one fails the call.
	 */
	private final Duration maxRateLimitWait;

	/**
	 * Bind the properties; a default applies to each one that is not set.
	 * @param enabled whether to retry failed attempts: reads after transient failures, every call after rate limits
	 * and refused connections.
	 * @param maxAttempts most attempts of one call, the first included.
	 * @param initialBackoff wait before the first retry of a transient failure, doubled for each next one.
	 * @param maxBackoff longest backoff wait between attempts.
	 * @param jitter how much each backoff varies at random, as a fraction of it, from 0 to 1.
	 * @param maxTotalTime no retry starts when the call would then have taken longer than this in all.
	 * @param maxRateLimitWait longest wait the platform's rate-limit reset may impose before a retry; a longer one
	 * fails the call.
	 */
	public FeishuVcRetryProperties(@DefaultValue("true") boolean enabled, @DefaultValue("3") int maxAttempts,
			@DefaultValue("100ms") Duration initialBackoff, @DefaultValue("2s") Duration maxBackoff,
			@DefaultValue("0.5") double jitter, @DefaultValue("30s") Duration maxTotalTime,
			@DefaultValue("10s") Duration maxRateLimitWait) {
		Assert.isTrue(maxAttempts >= 1, "feishu.vc.retry.max-attempts must be at least 1");
		Assert.isTrue(jitter >= 0 && jitter <= 1, "feishu.vc.retry.jitter must be between 0 and 1");
		this.enabled = enabled;
		this.maxAttempts = maxAttempts;
		this.initialBackoff = FeishuVcProperties.notNegative(initialBackoff, "retry.initial-backoff");
		this.maxBackoff = FeishuVcProperties.notNegative(maxBackoff, "retry.max-backoff");
		this.jitter = jitter;
		this.maxTotalTime = FeishuVcProperties.notNegative(maxTotalTime, "retry.max-total-time");
		this.maxRateLimitWait = FeishuVcProperties.notNegative(maxRateLimitWait, "retry.max-rate-limit-wait");
	}

	/**
	 * {@return whether to retry failed attempts: reads after transient failures, every call after rate limits and
	 * refused connections}
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * {@return most attempts of one call, the first included}
	 */
	public int getMaxAttempts() {
		return this.maxAttempts;
	}

	/**
	 * {@return wait before the first retry of a transient failure, doubled for each next one}
	 */
	public Duration getInitialBackoff() {
		return this.initialBackoff;
	}

	/**
	 * {@return longest backoff wait between attempts}
	 */
	public Duration getMaxBackoff() {
		return this.maxBackoff;
	}

	/**
	 * {@return how much each backoff varies at random, as a fraction of it, from 0 to 1}
	 */
	public double getJitter() {
		return this.jitter;
	}

	/**
	 * {@return no retry starts when the call would then have taken longer than this in all}
	 */
	public Duration getMaxTotalTime() {
		return this.maxTotalTime;
	}

	/**
	 * {@return longest wait the platform's rate-limit reset may impose before a retry; a longer one fails the call}
	 */
	public Duration getMaxRateLimitWait() {
		return this.maxRateLimitWait;
	}

	@Override
	public String toString() {
		return "FeishuVcRetryProperties[enabled=" + this.enabled + ", maxAttempts=" + this.maxAttempts
				+ ", initialBackoff="
				+ this.initialBackoff + ", maxBackoff=" + this.maxBackoff + ", jitter=" + this.jitter
				+ ", maxTotalTime=" + this.maxTotalTime + ", maxRateLimitWait=" + this.maxRateLimitWait + "]";
	}

}
