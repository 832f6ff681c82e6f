package io.github.feishuvc.core;

/**
 * The platform refused the credentials: the app id or secret when fetching a tenant access token, or an access token it does not accept (see {@link FeishuVcErrorCodes#isAccessTokenError}). A rejected tenant token is replaced and the call retried once before this is reported.
 */
public class FeishuVcAuthenticationException extends FeishuVcApiException {

	public FeishuVcAuthenticationException(CallInfo info, int code, String msg) {
		super(info, code, msg);
	}

}
