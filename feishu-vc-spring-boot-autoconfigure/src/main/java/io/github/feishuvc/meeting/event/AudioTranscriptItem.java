package io.github.feishuvc.meeting.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One sentence of an audio recording's live transcript ({@code transcript_items}).
 *
 * @param speaker who said it
 * @param text what was said
 * @param language its language, such as {@code en_us}
 * @param startTime when it started ({@code start_time_ms}, epoch milliseconds)
 * @param endTime when it ended ({@code end_time_ms})
 * @param sentenceId the sentence's id
 */
public record AudioTranscriptItem(@Nullable Speaker speaker, String text, @Nullable String language,
		@Nullable Instant startTime, @Nullable Instant endTime, @Nullable String sentenceId) {

	/**
	 * Create an item; a missing text is empty.
	 * @param speaker who said it
	 * @param text what was said
	 * @param language its language
	 * @param startTime when it started
	 * @param endTime when it ended
	 * @param sentenceId the sentence's id
	 */
	public AudioTranscriptItem {
		text = (text != null) ? text : "";
	}

	/**
	 * A speaker of an audio recording. The Node SDK types the id as a string, the platform's CLI's fixture sends the
	 * three ids of a user: then this is the open id, else the union id, else the user id.
	 *
	 * @param id the speaker's id
	 * @param userType the raw type of the speaker (the CLI's fixture sends 100, outside the documented user types)
	 * @param userRole the raw role of the speaker
	 * @param userName the speaker's name
	 */
	public record Speaker(@Nullable String id, @Nullable Integer userType, @Nullable Integer userRole,
			@Nullable String userName) {
	}

}
