package io.github.feishuvc.core;

import java.util.List;

/**
 * The platform answered with a non-zero {@code code}: the call reached Feishu and was refused.
 *
 * <p>{@link #of} picks the most specific subclass for the code, so callers can catch, for example,
 * {@link FeishuVcNotFoundException} instead of comparing codes.
 *
 * @see FeishuVcErrorCodes
 */
public class FeishuVcApiException extends FeishuVcException {

	private static final int MAX_MSG_LENGTH = 500;

	/** The platform's error code. */
	private final int code;

	/** The platform's error message. */
	private final String msg;

	/**
	 * Create the exception.
	 * @param info the call that failed
	 * @param code the platform's error code
	 * @param msg the platform's error message
	 */
	public FeishuVcApiException(CallInfo info, int code, String msg) {
		this(info, code, msg,
				info.operation() + " failed: code=" + code + ", msg=" + bounded(msg) + ", " + info.describe());
	}

	/**
	 * Create an exception with a message of its own, for a failure the client detects rather than the platform
	 * reports.
	 * @param info the failed attempt
	 * @param code the code
	 * @param msg the message as {@link #msg()} returns it
	 * @param message the exception's message
	 */
	protected FeishuVcApiException(CallInfo info, int code, String msg, String message) {
		super(info, message, null);
		this.code = code;
		this.msg = bounded(msg);
	}

	/**
	 * Create the exception that best describes a platform error code.
	 * @param info the failed attempt
	 * @param code the platform's error code (non-zero)
	 * @param msg the platform's error message
	 * @return the most specific exception for the code
	 */
	public static FeishuVcApiException of(CallInfo info, int code, String msg) {
		return of(info, code, msg, List.of());
	}

	/**
	 * Create the exception that best describes a platform error code, for an endpoint whose scopes are known.
	 * @param info the failed attempt
	 * @param code the platform's error code (non-zero)
	 * @param msg the platform's error message
	 * @param scopes the scopes the endpoint's page lists, which a {@link FeishuVcMissingScopeException} names when
	 * the platform's message does not
	 * @return the most specific exception for the code
	 */
	public static FeishuVcApiException of(CallInfo info, int code, String msg, List<String> scopes) {
		if (FeishuVcErrorCodes.isAccessTokenError(code)) {
			return new FeishuVcAuthenticationException(info, code, msg);
		}
		if (FeishuVcErrorCodes.isMeetingStateError(code)) {
			return new FeishuVcMeetingStateException(info, code, msg);
		}
		if (FeishuVcMissingScopeException.isMissingScope(code)) {
			return new FeishuVcMissingScopeException(info, code, msg, scopes);
		}
		return switch (code) {
			case FeishuVcErrorCodes.INTERNAL_ERROR -> new FeishuVcServerErrorException(info, code, msg);
			case FeishuVcErrorCodes.NOT_SUPPORTED -> new FeishuVcNotSupportedException(info, code, msg);
			case FeishuVcErrorCodes.PARAM_ERROR, FeishuVcErrorCodes.RECORD_PARAM_ERROR,
					FeishuVcErrorCodes.ASSIGN_HOST_LIMIT_EXCEEDED, FeishuVcErrorCodes.ASSIGN_HOST_ERROR ->
				new FeishuVcInvalidParameterException(info, code, msg);
			case FeishuVcErrorCodes.DATA_NOT_EXIST, FeishuVcErrorCodes.MEETING_NOT_EXIST ->
				new FeishuVcNotFoundException(info, code, msg);
			case FeishuVcErrorCodes.DATA_CONFLICT -> new FeishuVcConflictException(info, code, msg);
			case FeishuVcErrorCodes.RECORDING_PROCESSING -> new FeishuVcRecordingNotReadyException(info, code, msg);
			case FeishuVcErrorCodes.NO_PERMISSION -> new FeishuVcPermissionDeniedException(info, code, msg);
			case FeishuVcErrorCodes.RATE_LIMITED -> new FeishuVcRateLimitException(info, code, msg);
			default -> new FeishuVcApiException(info, code, msg);
		};
	}

	/**
	 * The platform's error code, see {@link FeishuVcErrorCodes}.
	 * @return the non-zero error code
	 */
	public int code() {
		return this.code;
	}

	/**
	 * The platform's error message, as sent (cut to 500 characters).
	 * @return the error message
	 */
	public String msg() {
		return this.msg;
	}

	private static String bounded(String msg) {
		return (msg.length() <= MAX_MSG_LENGTH) ? msg : msg.substring(0, MAX_MSG_LENGTH) + "...";
	}

}
