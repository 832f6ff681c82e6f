package io.github.feishuvc.core;

import java.time.Duration;

/**
 * A deadline passed: the whole response of an attempt did not arrive within {@code feishu.vc.response-timeout}, or
 * the whole call, retries and waits included, did not end within {@code feishu.vc.call-timeout}.
 * {@link #deadline()} says which.
 */
public class FeishuVcTimeoutException extends FeishuVcTransportException {

	/** The deadline of one attempt's whole response. */
	public static final String RESPONSE_TIMEOUT = "feishu.vc.response-timeout";

	/** The deadline of a whole call. */
	public static final String CALL_TIMEOUT = "feishu.vc.call-timeout";

	/** The deadline of a whole download of an export's file, or of a minute's transcript or media. */
	public static final String DOWNLOAD_TIMEOUT = "feishu.vc.export.download-timeout";

	/** Which deadline passed. */
	private final String deadline;

	/** How long it allowed. */
	private final Duration timeout;

	/**
	 * Create the exception.
	 * @param info the call that timed out
	 * @param target where it was sent
	 * @param deadline which deadline passed: {@link #RESPONSE_TIMEOUT} or {@link #CALL_TIMEOUT}
	 * @param timeout how long it allowed
	 */
	public FeishuVcTimeoutException(CallInfo info, String target, String deadline, Duration timeout) {
		super(info, target, deadline + " of " + timeout.toMillis() + "ms passed"
				+ (RESPONSE_TIMEOUT.equals(deadline) ? " before the whole response arrived" : " before the call ended"));
		this.deadline = deadline;
		this.timeout = timeout;
	}

	/**
	 * Which deadline passed: {@link #RESPONSE_TIMEOUT} or {@link #CALL_TIMEOUT}.
	 * @return the property that sets it
	 */
	public String deadline() {
		return this.deadline;
	}

	/**
	 * How long the deadline allowed.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

}
