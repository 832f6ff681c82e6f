package io.github.feishuvc.core;

/**
 * Code {@value FeishuVcErrorCodes#DATA_NOT_EXIST} (data not exist) or {@value FeishuVcErrorCodes#MEETING_NOT_EXIST}
 * (meeting not exist): the reservation, meeting or recording does not exist, or not for the caller.
 */
public class FeishuVcNotFoundException extends FeishuVcApiException {

	/**
	 * Create the exception.
	 * @param info the call that failed
	 * @param code the platform's error code
	 * @param msg the platform's error message
	 */
	public FeishuVcNotFoundException(CallInfo info, int code, String msg) {
		super(info, code, msg);
	}

}
