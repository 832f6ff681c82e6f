package io.github.feishuvc.core;

import org.jspecify.annotations.Nullable;

/**
 * Base of every failure a Feishu VC call reports: catch this to handle them all.
 *
 * <p>When a call was retried, the exception describes its last attempt and {@link #attempts()} says how many were
 * made. Messages and {@link #toString()} never carry an access token or the app secret.
 *
 * @see FeishuVcApiException
 * @see FeishuVcInvalidResponseException
 * @see FeishuVcTransportException
 */
public class FeishuVcException extends RuntimeException {

	/** The failed operation. */
	private final String operation;

	/** The HTTP status of the last attempt, 0 without a response. */
	private final int httpStatus;

	/** The platform's log id of the last attempt, if it sent one. */
	private final @Nullable String logId;

	/** How many attempts were made. */
	private final int attempts;

	/**
	 * Create the exception.
	 * @param info the call that failed
	 * @param message the message, which must not carry a token or secret
	 * @param cause the cause, if any
	 */
	protected FeishuVcException(CallInfo info, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.operation = info.operation();
		this.httpStatus = info.httpStatus();
		this.logId = info.logId();
		this.attempts = info.attempt();
	}

	/**
	 * Name of the failed operation, such as {@code reserve.get} or {@code auth.tenant_access_token}.
	 * @return the operation name
	 */
	public String operation() {
		return this.operation;
	}

	/**
	 * HTTP status of the (last) response, or {@code 0} when no response was received.
	 * @return the HTTP status code
	 */
	public int httpStatus() {
		return this.httpStatus;
	}

	/**
	 * Log id the platform assigned to the (last) request ({@code X-Tt-Logid} header, else the body's
	 * {@code error.log_id}); quote it when asking Feishu support about a call.
	 * @return the log id, or {@code null} when the response carried none
	 */
	public @Nullable String logId() {
		return this.logId;
	}

	/**
	 * How many attempts the call made, retries included.
	 * @return the number of attempts, at least 1 once a request was sent; {@code 0} for a
	 * {@link FeishuVcLocalFileException} raised before sending
	 */
	public int attempts() {
		return this.attempts;
	}

}
