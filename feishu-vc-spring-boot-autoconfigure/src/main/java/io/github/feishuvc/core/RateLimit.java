package io.github.feishuvc.core;

import org.springframework.util.Assert;

/**
 * How many calls of one API the platform lets an app make in one tenant: in any second and in any minute, counted at
 * arrival.
 *
 * @param perSecond most calls in any second
 * @param perMinute most calls in any minute
 */
public record RateLimit(int perSecond, int perMinute) {

	/**
	 * Check the limits.
	 * @param perSecond most calls in any second
	 * @param perMinute most calls in any minute
	 * @throws IllegalArgumentException if a limit is not positive
	 */
	public RateLimit {
		Assert.isTrue(perSecond > 0 && perMinute > 0, "limits must be positive");
	}

	/**
	 * A limit per minute alone, as the platform documents for its slower APIs (such as 100 a minute): no second may
	 * hold more than the minute's budget.
	 * @param perMinute most calls in any minute
	 * @return the limit
	 */
	public static RateLimit perMinute(int perMinute) {
		return new RateLimit(perMinute, perMinute);
	}

	/**
	 * The stricter of this limit and another, part by part.
	 * @param other the other limit
	 * @return the limit that satisfies both
	 */
	public RateLimit min(RateLimit other) {
		return new RateLimit(Math.min(this.perSecond, other.perSecond), Math.min(this.perMinute, other.perMinute));
	}

	/** {@code 50/s and 1000/min}. */
	@Override
	public String toString() {
		return this.perSecond + "/s and " + this.perMinute + "/min";
	}

}
