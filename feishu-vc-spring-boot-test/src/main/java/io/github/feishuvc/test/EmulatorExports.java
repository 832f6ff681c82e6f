package io.github.feishuvc.test;

import java.util.function.Supplier;

/**
 * The export tasks of a {@link FeishuVcEmulator} ({@link FeishuVcEmulator#exports()}): what a test changes of the
 * next task or download. A task reads its rows when it is created (from the emulator's meetings, or the rooms'
 * bookings), processes for {@link FeishuVcEmulator.Builder#exportProcessingTime}, then serves a real {@code .xlsx}
 * from disk.
 */
public final class EmulatorExports {

	/** The platform's exports, read at each call: a reset replaces them. */
	private final Supplier<EmulatedExports> exports;

	EmulatorExports(Supplier<EmulatedExports> exports) {
		this.exports = exports;
	}

	/**
	 * Make the next task created fail once it has processed: status {@code 2} with this reason.
	 * @param failMessage the reason ({@code fail_msg}), such as {@code no permission}
	 */
	public void failNext(String failMessage) {
		this.exports.get().failNext(failMessage);
	}

	/**
	 * Make the next task's file at least this large, with filler rows after its data (stored, not compressed), for
	 * tests and benchmarks of large downloads. The file is written once, when the task is first read as done.
	 * @param bytes the least size of the file
	 */
	public void padNextFile(long bytes) {
		this.exports.get().padNext(bytes);
	}

	/**
	 * Answer the next download, whatever its token, with a JSON body of the platform's shape instead of a file, such
	 * as a {@code 121005} with HTTP 200.
	 * @param httpStatus the HTTP status
	 * @param code the body's {@code code}
	 * @param msg the body's {@code msg}
	 */
	public void answerNextDownloadWithJson(int httpStatus, int code, String msg) {
		this.exports.get().answerNextDownload(httpStatus, code, msg);
	}

	/**
	 * How many tasks were created.
	 * @return the number
	 */
	public int taskCount() {
		return this.exports.get().taskCount();
	}

}
