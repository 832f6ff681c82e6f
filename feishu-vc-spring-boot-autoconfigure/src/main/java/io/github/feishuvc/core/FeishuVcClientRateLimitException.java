package io.github.feishuvc.core;

import java.time.Duration;

/**
 * The client-side rate limiter ({@code feishu.vc.rate-limit.*}) would have made the call wait longer than
 * {@code feishu.vc.rate-limit.max-wait}; the call was not sent. The application is calling faster than the
 * platform allows.
 */
public class FeishuVcClientRateLimitException extends FeishuVcException {

	/** How long the limiter would have delayed the call. */
	private final Duration wait;

	/**
	 * Create the exception.
	 * @param info the call that was not sent
	 * @param wait how long the limiter would have delayed it
	 * @param maxWait the longest delay allowed
	 * @param limits the limits that apply, for the message
	 */
	public FeishuVcClientRateLimitException(CallInfo info, Duration wait, Duration maxWait, String limits) {
		super(info, info.operation() + " was not sent: the client-side rate limit (" + limits + ") would delay it by "
				+ wait.toMillis() + "ms, more than the maximum wait of " + maxWait.toMillis() + "ms", null);
		this.wait = wait;
	}

	/**
	 * How long the call would have had to wait.
	 * @return the wait
	 */
	public Duration waitRequired() {
		return this.wait;
	}

}
