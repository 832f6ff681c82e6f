package io.github.feishuvc.internal;

import java.util.List;

import io.github.feishuvc.note.NoteTranscriptParagraph;
import org.jspecify.annotations.Nullable;

/**
 * The wire shapes of a unified note's transcript pages ({@code unified_note_transcript}): the paragraphs are nested
 * two levels down, and the next page is named by a cursor, not a page token, so the note family follows the pages
 * itself.
 */
public final class NotePages {

	private NotePages() {
	}

	/**
	 * One page.
	 *
	 * @param transcript the page's transcript
	 * @param nextCursorId the next page's cursor (a string; a number is read as its digits)
	 * @param pageSize the page's size
	 * @param hasMore whether more pages follow
	 */
	public record TranscriptPage(@Nullable Transcript transcript, @Nullable String nextCursorId,
			@Nullable Integer pageSize, @Nullable Boolean hasMore) {

		/**
		 * The page's paragraphs.
		 * @return the paragraphs, empty if the page has none
		 */
		public List<NoteTranscriptParagraph> paragraphs() {
			StructuredContent content = (this.transcript != null) ? this.transcript.structuredTranscriptContent()
					: null;
			return (content != null) ? Lists.immutable(content.paragraphs()) : List.of();
		}

	}

	/**
	 * A page's transcript: as text in the format asked for, and structured.
	 *
	 * @param format the raw format (its values are not documented)
	 * @param plainText the page as plain text, when asked for
	 * @param markdown the page as Markdown, when asked for
	 * @param structuredTranscriptContent the page's paragraphs
	 */
	public record Transcript(@Nullable Integer format, @Nullable String plainText, @Nullable String markdown,
			@Nullable StructuredContent structuredTranscriptContent) {
	}

	/**
	 * A page's paragraphs.
	 *
	 * @param paragraphs the paragraphs
	 */
	public record StructuredContent(@Nullable List<NoteTranscriptParagraph> paragraphs) {
	}

}
