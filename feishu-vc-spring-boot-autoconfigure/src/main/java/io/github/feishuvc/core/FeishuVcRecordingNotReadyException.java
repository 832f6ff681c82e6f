package io.github.feishuvc.core;

/**
 * Code {@value FeishuVcErrorCodes#RECORDING_PROCESSING} (record processing): the recording is still being made. It
 * can be read once the {@code vc.meeting.recording_ready_v1} event arrived; the client does not retry by itself, since
 * that takes minutes.
 */
public class FeishuVcRecordingNotReadyException extends FeishuVcApiException {

	/**
	 * Create the exception.
	 * @param info the call that failed
	 * @param code the platform's error code
	 * @param msg the platform's error message
	 */
	public FeishuVcRecordingNotReadyException(CallInfo info, int code, String msg) {
		super(info, code, msg);
	}

}
