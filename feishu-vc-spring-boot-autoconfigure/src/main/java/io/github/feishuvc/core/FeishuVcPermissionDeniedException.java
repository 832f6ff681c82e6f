package io.github.feishuvc.core;

/**
 * Code {@value FeishuVcErrorCodes#NO_PERMISSION} (no permission): the caller may not act on the resource; check the token type, the caller and who owns the resource.
 */
public class FeishuVcPermissionDeniedException extends FeishuVcApiException {

	/**
	 * Create the exception.
	 * @param info the call that failed
	 * @param code the platform's error code
	 * @param msg the platform's error message
	 */
	public FeishuVcPermissionDeniedException(CallInfo info, int code, String msg) {
		super(info, code, msg);
	}

	/**
	 * Create an exception with a message of its own.
	 * @param info the call that failed
	 * @param code the platform's error code
	 * @param msg the platform's error message
	 * @param message the exception's message
	 */
	protected FeishuVcPermissionDeniedException(CallInfo info, int code, String msg, String message) {
		super(info, code, msg, message);
	}

}
