package io.github.feishuvc.export;

import org.jspecify.annotations.Nullable;

/**
 * An export task as the platform last answered for it ({@code GET /exports/:task_id}): processing, failed with a
 * reason, or done with its file's token.
 *
 * @param taskId the task's id
 * @param statusCode the raw {@code status}; see {@link #status()}
 * @param fileToken the file's token once done, which {@link ExportOperations#download} and
 * {@link ExportOperations#downloadTo} take
 * @param failMessage why it failed ({@code fail_msg}), for a failed task
 * @param url where the platform keeps the file; it checks the caller too, so download by {@link #fileToken()}
 */
public record ExportTask(String taskId, @Nullable Integer statusCode, @Nullable String fileToken,
		@Nullable String failMessage, @Nullable String url) {

	/**
	 * Where the task stands.
	 * @return the state, {@link ExportStatus#UNKNOWN} for a code this version does not know
	 */
	public @Nullable ExportStatus status() {
		return ExportStatus.fromCode(this.statusCode);
	}

	/**
	 * Whether the file is ready.
	 * @return {@code true} once done
	 */
	public boolean isDone() {
		return status() == ExportStatus.DONE;
	}

	/**
	 * Whether the task failed.
	 * @return {@code true} if it did
	 */
	public boolean isFailed() {
		return status() == ExportStatus.FAILED;
	}

}
