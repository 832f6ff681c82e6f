package io.github.feishuvc.core;

/**
 * The platform refused the credentials: the app id or secret when fetching a token, or an access token it does not
 * accept (see {@link FeishuVcErrorCodes#isAccessTokenError}); or a store app has no {@code app_ticket} to fetch its
 * app access token with ({@link FeishuVcErrorCodes#APP_TICKET_MISSING}). A rejected tenant token is replaced and the
 * call retried once before this is reported.
 */
public class FeishuVcAuthenticationException extends FeishuVcApiException {

	/**
	 * Create the exception.
	 * @param info the call that failed
	 * @param code the platform's error code
	 * @param msg the platform's error message
	 */
	public FeishuVcAuthenticationException(CallInfo info, int code, String msg) {
		super(info, code, msg);
	}

	private FeishuVcAuthenticationException(CallInfo info, String explanation) {
		super(info, FeishuVcErrorCodes.APP_TICKET_MISSING, explanation, info.operation() + " failed: " + explanation);
	}

	/**
	 * A store app had no {@code app_ticket}: none had arrived, and none arrived in the allowed time after the
	 * client asked the platform to resend one.
	 * @param info the failed call
	 * @param explanation what happened and where the event URL must point
	 * @return the exception, with the code {@link FeishuVcErrorCodes#APP_TICKET_MISSING}
	 */
	public static FeishuVcAuthenticationException noAppTicket(CallInfo info, String explanation) {
		return new FeishuVcAuthenticationException(info, explanation);
	}

}
