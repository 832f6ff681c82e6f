package io.github.feishuvc.core;

/**
 * The platform failed: code {@value FeishuVcErrorCodes#INTERNAL_ERROR} (internal error), or a token endpoint's answer
 * with an HTTP 5xx status. Reads and token fetches are retried before this is reported.
 */
public class FeishuVcServerErrorException extends FeishuVcApiException {

	/**
	 * Create the exception.
	 * @param info the call that failed
	 * @param code the platform's error code
	 * @param msg the platform's error message
	 */
	public FeishuVcServerErrorException(CallInfo info, int code, String msg) {
		super(info, code, msg);
	}

}
