package io.github.feishuvc.core;

/**
 * Code {@value FeishuVcErrorCodes#DATA_CONFLICT} (data conflict, HTTP 409): the state changed since the caller read
 * it, such as the host when setting a new one with the host seen before. Read it again, then try again.
 */
public class FeishuVcConflictException extends FeishuVcApiException {

	/**
	 * Create the exception.
	 * @param info the call that failed
	 * @param code the platform's error code
	 * @param msg the platform's error message
	 */
	public FeishuVcConflictException(CallInfo info, int code, String msg) {
		super(info, code, msg);
	}

}
