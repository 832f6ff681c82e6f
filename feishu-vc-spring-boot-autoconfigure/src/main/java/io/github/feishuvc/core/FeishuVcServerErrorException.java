package io.github.feishuvc.core;

/**
 * Code {@value FeishuVcErrorCodes#INTERNAL_ERROR} (internal error): the platform failed; reads are retried.
 */
public class FeishuVcServerErrorException extends FeishuVcApiException {

	public FeishuVcServerErrorException(CallInfo info, int code, String msg) {
		super(info, code, msg);
	}

}
