package io.github.feishuvc.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Code {@value FeishuVcErrorCodes#RATE_LIMITED} (too many requests): the platform's gateway refused the call for
 * the app's rate limit. Calls are retried after the wait the gateway asks for, within
 * {@code feishu.vc.retry.max-rate-limit-wait}, before this is reported.
 */
public class FeishuVcRateLimitException extends FeishuVcApiException {

	/** How long the gateway said to wait, if it said. */
	private final @Nullable Duration resetAfter;

	/**
	 * Create the exception.
	 * @param info the call that failed
	 * @param code the platform's error code
	 * @param msg the platform's error message
	 */
	public FeishuVcRateLimitException(CallInfo info, int code, String msg) {
		super(info, code, msg);
		this.resetAfter = info.rateLimitReset();
	}

	/**
	 * How long the gateway asked to wait ({@code x-ogw-ratelimit-reset}).
	 * @return the wait, or {@code null} if the gateway did not say
	 */
	public @Nullable Duration resetAfter() {
		return this.resetAfter;
	}

}
