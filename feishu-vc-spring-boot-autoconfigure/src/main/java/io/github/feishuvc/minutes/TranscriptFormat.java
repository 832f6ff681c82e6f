package io.github.feishuvc.minutes;

/**
 * The formats the platform exports a minute's transcript in ({@code file_format}); the layout of each is not
 * documented.
 */
public enum TranscriptFormat {

	/** Plain text ({@code txt}). */
	TXT("txt"),

	/** Subtitles ({@code srt}): numbered cues with their times in the recording. */
	SRT("srt");

	private final String code;

	TranscriptFormat(String code) {
		this.code = code;
	}

	/**
	 * The platform's name of the format.
	 * @return the name, such as {@code txt}
	 */
	public String code() {
		return this.code;
	}

}
