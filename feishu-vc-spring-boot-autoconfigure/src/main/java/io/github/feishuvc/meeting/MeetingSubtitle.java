package io.github.feishuvc.meeting;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One subtitle of a meeting ({@code meeting_subtitles}), as {@link MeetingOperations#subtitles} reads them: its
 * segment and what was said. The platform's numeric ids are 64-bit.
 *
 * @param segmentId the segment's id ({@code seg_id})
 * @param subtitle what was said, by whom
 */
public record MeetingSubtitle(@JsonProperty("seg_id") @Nullable Long segmentId, @Nullable Subtitle subtitle) {

	/**
	 * What was said.
	 * @return the text, empty if the subtitle has none
	 */
	public String text() {
		return (this.subtitle != null && this.subtitle.content() != null) ? this.subtitle.content() : "";
	}

	/**
	 * The text of a subtitle and its speaker.
	 *
	 * @param content what was said
	 * @param language its language, such as {@code zh_cn}
	 * @param speakerUserId the speaker's numeric user id
	 * @param speakerDeviceId the speaker's numeric device id
	 * @param ssdSpeaker the speaker as the platform's speaker separation tells them apart
	 */
	public record Subtitle(@Nullable String content, @Nullable String language, @Nullable Long speakerUserId,
			@Nullable Long speakerDeviceId, @Nullable SsdSpeaker ssdSpeaker) {
	}

	/**
	 * A speaker as the platform's speaker separation tells them apart ({@code ssd_speaker}); the meaning of the id's
	 * type is not documented.
	 *
	 * @param userId the speaker's user id, of the call's user id type
	 * @param speakerId the separated speaker's id
	 * @param speakerIdType the raw type of that id
	 */
	public record SsdSpeaker(@Nullable String userId, @Nullable Long speakerId, @Nullable Integer speakerIdType) {
	}

}
