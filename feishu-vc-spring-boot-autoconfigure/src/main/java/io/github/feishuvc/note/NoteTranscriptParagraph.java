package io.github.feishuvc.note;

import java.util.List;
import java.util.stream.Collectors;

import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * One paragraph of a unified note's transcript ({@code structured_transcript_content.paragraphs}), as
 * {@link NoteOperations#transcript} reads them: who spoke, when, and the sentences they said. The platform documents
 * its times as milliseconds without saying from when they count; the emulator counts from the meeting's start.
 *
 * @param speaker who spoke
 * @param speakMs when they began, in milliseconds
 * @param sentences what they said, in order
 */
public record NoteTranscriptParagraph(@Nullable Speaker speaker, @Nullable Long speakMs, List<Sentence> sentences) {

	/**
	 * Create a paragraph; the list is copied.
	 * @param speaker who spoke
	 * @param speakMs when they began, in milliseconds
	 * @param sentences what they said, in order
	 */
	public NoteTranscriptParagraph {
		sentences = Lists.immutable(sentences);
	}

	/**
	 * What was said, the sentences joined by a space.
	 * @return the text
	 */
	public String text() {
		return this.sentences.stream().map(Sentence::content).collect(Collectors.joining(" "));
	}

	/**
	 * A speaker of a transcript; the values of its type are not documented.
	 *
	 * @param speakerId the speaker's id, of the call's user id type
	 * @param speakerType the raw type of the speaker
	 * @param speakerName the name the meeting showed
	 * @param extra where a speaker in a room or on another device spoke from
	 */
	public record Speaker(@Nullable String speakerId, @Nullable Integer speakerType, @Nullable String speakerName,
			@Nullable Extra extra) {
	}

	/**
	 * Where a speaker spoke from, when not from their own device.
	 *
	 * @param roomName the room's name
	 * @param otherDeviceUserId the id of the user whose device it was
	 * @param otherDeviceUserName that user's name
	 */
	public record Extra(@Nullable String roomName, @Nullable String otherDeviceUserId,
			@Nullable String otherDeviceUserName) {
	}

	/**
	 * One sentence.
	 *
	 * @param sentenceId its id
	 * @param content what was said
	 * @param startMs when it started, in milliseconds
	 * @param stopMs when it stopped, in milliseconds
	 */
	public record Sentence(@Nullable String sentenceId, String content, @Nullable Long startMs,
			@Nullable Long stopMs) {

		/**
		 * Create a sentence; a missing content is empty.
		 * @param sentenceId its id
		 * @param content what was said
		 * @param startMs when it started, in milliseconds
		 * @param stopMs when it stopped, in milliseconds
		 */
		public Sentence {
			content = (content != null) ? content : "";
		}

	}

}
