package io.github.feishuvc.export;

import io.github.feishuvc.core.CallInfo;
import io.github.feishuvc.core.FeishuVcException;
import org.jspecify.annotations.Nullable;

/**
 * An export task the platform reports as failed ({@code status} 2), with its reason ({@code fail_msg}), such as
 * {@code no permission} when the app's creator (or the user) lacks the admin console's meeting management privilege.
 * Waiting longer does not help: create another task once the cause is fixed.
 */
public class ExportFailedException extends FeishuVcException {

	/** The failed task's id. */
	private final String taskId;

	/** The platform's reason, if it gave one. */
	private final @Nullable String failMessage;

	/**
	 * Create the exception.
	 * @param info the read of the task that said it failed
	 * @param taskId the task's id
	 * @param failMessage the platform's reason, if it gave one
	 */
	public ExportFailedException(CallInfo info, String taskId, @Nullable String failMessage) {
		super(info, "Export task " + taskId + " failed: "
				+ ((failMessage != null && !failMessage.isBlank()) ? failMessage : "the platform gave no reason"), null);
		this.taskId = taskId;
		this.failMessage = failMessage;
	}

	/**
	 * The failed task's id.
	 * @return the id
	 */
	public String taskId() {
		return this.taskId;
	}

	/**
	 * The platform's reason.
	 * @return the reason, or {@code null} if it gave none
	 */
	public @Nullable String failMessage() {
		return this.failMessage;
	}

}
