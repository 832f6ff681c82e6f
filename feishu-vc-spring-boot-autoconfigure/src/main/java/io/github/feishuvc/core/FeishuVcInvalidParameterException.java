package io.github.feishuvc.core;

/**
 * A parameter is outside what the platform accepts: code {@value FeishuVcErrorCodes#PARAM_ERROR} (param error), or
 * the reservation codes {@value FeishuVcErrorCodes#RECORD_PARAM_ERROR} (auto-record of a one-to-one call),
 * {@value FeishuVcErrorCodes#ASSIGN_HOST_LIMIT_EXCEEDED} (more than 10 hosts) and
 * {@value FeishuVcErrorCodes#ASSIGN_HOST_ERROR} (invalid host).
 */
public class FeishuVcInvalidParameterException extends FeishuVcApiException {

	/**
	 * Create the exception.
	 * @param info the call that failed
	 * @param code the platform's error code
	 * @param msg the platform's error message
	 */
	public FeishuVcInvalidParameterException(CallInfo info, int code, String msg) {
		super(info, code, msg);
	}

}
