package io.github.feishuvc.core;

/**
 * The meeting, or a participant, is not in a state that allows the operation: the meeting is not in progress
 * ({@code 122001}), the operating user is not in it ({@code 122003}), nor the user operated on ({@code 122004}), a
 * user operated on themselves ({@code 122005}), the meeting is full ({@code 122006}), the callee is busy
 * ({@code 122007}), the meeting is locked ({@code 122008}), or the participant's state does not allow it
 * ({@code 122009}). {@link #code()} says which.
 */
public class FeishuVcMeetingStateException extends FeishuVcApiException {

	/**
	 * Create the exception.
	 * @param info the call that failed
	 * @param code the platform's error code
	 * @param msg the platform's error message
	 */
	public FeishuVcMeetingStateException(CallInfo info, int code, String msg) {
		super(info, code, msg);
	}

}
