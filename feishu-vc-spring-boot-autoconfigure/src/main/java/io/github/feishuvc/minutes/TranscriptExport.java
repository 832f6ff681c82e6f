package io.github.feishuvc.minutes;

import org.springframework.util.Assert;

/**
 * How {@link MinuteOperations#transcript} exports a minute's transcript: its format, and whether each line names its
 * speaker and its time. Build one with {@link #of}.
 *
 * @param format the format
 * @param speakers whether lines name their speaker ({@code need_speaker})
 * @param timestamps whether lines carry their time in the recording ({@code need_timestamp})
 */
public record TranscriptExport(TranscriptFormat format, boolean speakers, boolean timestamps) {

	/**
	 * Create the export.
	 * @param format the format
	 * @param speakers whether lines name their speaker
	 * @param timestamps whether lines carry their time in the recording
	 * @throws IllegalArgumentException if the format is null
	 */
	public TranscriptExport {
		Assert.notNull(format, "format must not be null");
	}

	/**
	 * The transcript in a format, with speakers and times, as the platform's own CLI asks for it.
	 * @param format the format
	 * @return the export
	 */
	public static TranscriptExport of(TranscriptFormat format) {
		return new TranscriptExport(format, true, true);
	}

	/**
	 * The same export, with or without speakers.
	 * @param speakers whether lines name their speaker
	 * @return the export
	 */
	public TranscriptExport withSpeakers(boolean speakers) {
		return new TranscriptExport(this.format, speakers, this.timestamps);
	}

	/**
	 * The same export, with or without times.
	 * @param timestamps whether lines carry their time in the recording
	 * @return the export
	 */
	public TranscriptExport withTimestamps(boolean timestamps) {
		return new TranscriptExport(this.format, this.speakers, timestamps);
	}

}
