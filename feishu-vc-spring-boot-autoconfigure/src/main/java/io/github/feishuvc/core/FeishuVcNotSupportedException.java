package io.github.feishuvc.core;

/**
 * Code {@value FeishuVcErrorCodes#NOT_SUPPORTED} (not support): the platform does not support the requested feature.
 */
public class FeishuVcNotSupportedException extends FeishuVcApiException {

	public FeishuVcNotSupportedException(CallInfo info, int code, String msg) {
		super(info, code, msg);
	}

}
