package io.github.feishuvc.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Client-side rate limit settings ({@code feishu.vc.rate-limit.*}).
 */
@ConfigurationProperties(FeishuVcRateLimitProperties.PREFIX)
public final class FeishuVcRateLimitProperties {

	/** Prefix of the properties. */
	public static final String PREFIX = "feishu.vc.rate-limit";

	/**
	 * Whether to delay calls so that each operation stays under the platform's rate limits.
	 */
	private final boolean enabled;

	/**
	 * Most calls of one operation (in one tenant) in any second: the platform's standard tier. Operations the
	 * platform documents lower limits for (list meetings by number: 100 a minute) are also held to those.
	 */
	private final int perSecond;

	/**
	 * Most calls of one operation (in one tenant) in any minute: the platform's standard tier. Operations the
	 * platform documents lower limits for (list meetings by number: 100 a minute) are also held to those.
	 */
	private final int perMinute;

	/**
	 * How much longer than a second and a minute the limiter's windows are, so that calls sent a window apart still
	 * arrive at the platform a window apart when the network delays one more than another.
	 */
	private final Duration margin;

	/**
	 * How much later the first calls after a quiet spell are counted, as they may wait for a connection to open while
	 * the calls a window after them do not; paid once each time calls start again.
	 */
	private final Duration coldMargin;

	/**
	 * Whether to space calls apart (by half their even share of a second: 10 ms at 50 a second) rather than let a
	 * second's budget go at once; calls that do not leave together arrive as they were sent.
	 */
	private final boolean pace;

	/**
	 * Longest a call may be delayed by the limiter; a call that would wait longer fails at once.
	 */
	private final Duration maxWait;

	/**
	 * Bind the properties; a default applies to each one that is not set.
	 * @param enabled whether to delay calls so that each operation stays under the platform's rate limits.
	 * @param perSecond most calls of one operation (in one tenant) in any second: the platform's standard tier.
	 * @param perMinute most calls of one operation (in one tenant) in any minute: the platform's standard tier.
	 * @param margin how much longer than a second and a minute the limiter's windows are, so that calls sent a
	 * window apart still arrive at the platform a window apart when the network delays one more than another.
	 * @param coldMargin how much later the first calls after a quiet spell are counted, as they may wait for a
	 * connection to open while the calls a window after them do not; paid once each time calls start again.
	 * @param pace whether to space calls apart (by half their even share of a second: 10 ms at 50 a second) rather
	 * than let a second's budget go at once; calls that do not leave together arrive as they were sent.
	 * @param maxWait longest a call may be delayed by the limiter; a call that would wait longer fails at once.
	 */
	public FeishuVcRateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("50") int perSecond,
			@DefaultValue("1000") int perMinute, @DefaultValue("30ms") Duration margin,
			@DefaultValue("150ms") Duration coldMargin, @DefaultValue("true") boolean pace,
			@DefaultValue("10s") Duration maxWait) {
		Assert.isTrue(perSecond > 0 && perMinute > 0,
				"feishu.vc.rate-limit.per-second and feishu.vc.rate-limit.per-minute must be positive");
		FeishuVcProperties.notNegative(maxWait, "rate-limit.max-wait");
		Assert.isTrue(!margin.isNegative() && margin.compareTo(Duration.ofSeconds(1)) < 0,
				"feishu.vc.rate-limit.margin must be at least 0 and less than a second");
		Assert.isTrue(!coldMargin.isNegative() && coldMargin.compareTo(Duration.ofSeconds(10)) <= 0,
				"feishu.vc.rate-limit.cold-margin must be at least 0 and at most 10 seconds");
		this.enabled = enabled;
		this.perSecond = perSecond;
		this.perMinute = perMinute;
		this.margin = margin;
		this.coldMargin = coldMargin;
		this.pace = pace;
		this.maxWait = maxWait;
	}

	/**
	 * {@return whether to delay calls so that each operation stays under the platform's rate limits}
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * {@return most calls of one operation (in one tenant) in any second: the platform's standard tier}
	 */
	public int getPerSecond() {
		return this.perSecond;
	}

	/**
	 * {@return most calls of one operation (in one tenant) in any minute: the platform's standard tier}
	 */
	public int getPerMinute() {
		return this.perMinute;
	}

	/**
	 * The limits of every operation; an operation whose documented limits are stricter is held to those as well.
	 * @return the limits
	 */
	public io.github.feishuvc.core.RateLimit defaults() {
		return new io.github.feishuvc.core.RateLimit(this.perSecond, this.perMinute);
	}

	/**
	 * {@return how much longer than a second and a minute the limiter's windows are, so that calls sent a window
	 * apart still arrive at the platform a window apart when the network delays one more than another}
	 */
	public Duration getMargin() {
		return this.margin;
	}

	/**
	 * {@return how much later the first calls after a quiet spell are counted, as they may wait for a connection to
	 * open while the calls a window after them do not; paid once each time calls start again}
	 */
	public Duration getColdMargin() {
		return this.coldMargin;
	}

	/**
	 * {@return whether to space calls apart (by half their even share of a second: 10 ms at 50 a second) rather
	 * than let a second's budget go at once; calls that do not leave together arrive as they were sent}
	 */
	public boolean isPace() {
		return this.pace;
	}

	/**
	 * {@return longest a call may be delayed by the limiter; a call that would wait longer fails at once}
	 */
	public Duration getMaxWait() {
		return this.maxWait;
	}

	@Override
	public String toString() {
		return "FeishuVcRateLimitProperties[enabled=" + this.enabled + ", perSecond=" + this.perSecond + ", perMinute="
				+ this.perMinute + ", margin=" + this.margin + ", coldMargin=" + this.coldMargin + ", pace=" + this.pace
				+ ", maxWait=" + this.maxWait + "]";
	}

}
