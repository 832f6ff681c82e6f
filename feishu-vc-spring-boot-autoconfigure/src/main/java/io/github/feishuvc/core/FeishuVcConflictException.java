package io.github.feishuvc.core;

/**
 * Code {@value FeishuVcErrorCodes#DATA_CONFLICT} (data conflict, HTTP 409): the state changed since the caller read
 * it, such as the host when setting a new one with the host seen before. Read it again, then try again.
 */
public class FeishuVcConflictException extends FeishuVcApiException {

	public FeishuVcConflictException(CallInfo info, int code, String msg) {
		super(info, code, msg);
	}

}
