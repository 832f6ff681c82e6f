package io.github.feishuvc.internal;

import java.util.List;
import java.util.Map;

import io.github.feishuvc.core.CallInfo;
import io.github.feishuvc.core.FeishuVcApiException;
import io.github.feishuvc.core.FeishuVcConflictException;
import io.github.feishuvc.core.FeishuVcGrayReleaseException;
import io.github.feishuvc.core.FeishuVcInvalidParameterException;
import io.github.feishuvc.core.FeishuVcMeetingStateException;
import io.github.feishuvc.core.FeishuVcNotFoundException;
import io.github.feishuvc.core.FeishuVcNotSupportedException;
import io.github.feishuvc.core.FeishuVcPermissionDeniedException;
import io.github.feishuvc.core.FeishuVcServerErrorException;
import io.github.feishuvc.internal.FeishuApi.Meaning;

/**
 * The error meanings of one endpoint, over the platform's general table, and the scopes a refusal for want of one
 * names.
 */
record ErrorMeanings(Map<Integer, Meaning> meanings, List<String> scopes) {

	FeishuVcApiException exception(CallInfo info, int code, String msg) {
		Meaning meaning = this.meanings.get(code);
		if (meaning == null) {
			return FeishuVcApiException.of(info, code, msg, this.scopes);
		}
		return switch (meaning) {
			case INVALID_PARAMETER -> new FeishuVcInvalidParameterException(info, code, msg);
			case NOT_FOUND -> new FeishuVcNotFoundException(info, code, msg);
			case PERMISSION_DENIED -> new FeishuVcPermissionDeniedException(info, code, msg);
			case CONFLICT -> new FeishuVcConflictException(info, code, msg);
			case NOT_SUPPORTED -> new FeishuVcNotSupportedException(info, code, msg);
			case SERVER_ERROR -> new FeishuVcServerErrorException(info, code, msg);
			case MEETING_STATE -> new FeishuVcMeetingStateException(info, code, msg);
			case NOT_IN_GRAY_RELEASE -> new FeishuVcGrayReleaseException(info, code, msg);
		};
	}

}
