package io.github.feishuvc.core;

/**
 * Code {@value FeishuVcErrorCodes#NOT_SUPPORTED} (not support): the platform does not support the requested feature.
 */
public class FeishuVcNotSupportedException extends FeishuVcApiException {

	/**
	 * Create the exception.
	 * @param info the call that failed
	 * @param code the platform's error code
	 * @param msg the platform's error message
	 */
	public FeishuVcNotSupportedException(CallInfo info, int code, String msg) {
		super(info, code, msg);
	}

}
