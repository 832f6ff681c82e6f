package io.github.feishuvc.core;

/**
 * Code {@value FeishuVcErrorCodes#NO_PERMISSION} (no permission): the caller may not act on the resource; check the token type, the caller and who owns the resource.
 */
public class FeishuVcPermissionDeniedException extends FeishuVcApiException {

	public FeishuVcPermissionDeniedException(CallInfo info, int code, String msg) {
		super(info, code, msg);
	}

}
