package io.github.feishuvc.core;

/**
 * Code {@value FeishuVcErrorCodes#DATA_NOT_EXIST} (data not exist): the reservation (or other resource) does not exist.
 */
public class FeishuVcNotFoundException extends FeishuVcApiException {

	public FeishuVcNotFoundException(CallInfo info, int code, String msg) {
		super(info, code, msg);
	}

}
