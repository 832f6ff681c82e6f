package io.github.feishuvc.note;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * An AI note (智能纪要) as {@code GET /notes/:note_id} answers it: who made it and when, its documents (the note and the
 * verbatim transcript, Docs tokens to read with the Docs APIs), the documents shared in the meeting, and, for a note
 * of a meeting, the meeting it came from ({@link #meetingId()}), which leads to its recording
 * ({@code RecordingOperations.get}) and the recording's minutes.
 *
 * @param creatorId who made the note, of the calls' user id type
 * @param createTime when
 * @param artifacts its documents
 * @param references the documents shared in the meeting
 * @param noteSource where it came from; absent for a note of a recording or an uploaded file
 * @param noteDisplayTypeCode the raw {@code note_display_type}; see {@link #noteDisplayType()}
 */
public record Note(@Nullable String creatorId, @Nullable Instant createTime, List<Artifact> artifacts,
		List<Reference> references, @Nullable Source noteSource, @Nullable Integer noteDisplayTypeCode) {

	/** The source type of a note made in a meeting. */
	public static final String MEETING_SOURCE = "meeting";

	/**
	 * Create a note; the lists are copied.
	 * @param creatorId who made the note, of the calls' user id type
	 * @param createTime when
	 * @param artifacts its documents
	 * @param references the documents shared in the meeting
	 * @param noteSource where it came from; absent for a note of a recording or an uploaded file
	 * @param noteDisplayTypeCode the raw {@code note_display_type}; see {@link #noteDisplayType()}
	 */
	public Note {
		artifacts = Lists.immutable(artifacts);
		references = Lists.immutable(references);
	}

	/**
	 * The meeting the note was made in, which {@code MeetingOperations.get} and {@code RecordingOperations.get} take.
	 * @return the meeting's id, empty for a note not made in a meeting
	 */
	public Optional<String> meetingId() {
		return (this.noteSource != null && MEETING_SOURCE.equals(this.noteSource.sourceType()))
				? Optional.ofNullable(this.noteSource.sourceEntityId()) : Optional.empty();
	}

	/**
	 * The token of one of its documents.
	 * @param type the document
	 * @return its Docs token, empty if the note has none of that type
	 */
	public Optional<String> documentToken(NoteArtifactType type) {
		return this.artifacts.stream()
			.filter((artifact) -> artifact.artifactType() == type)
			.map(Artifact::docToken)
			.filter((token) -> token != null)
			.findFirst();
	}

	/**
	 * How the note is laid out.
	 * @return the layout, {@link NoteDisplayType#UNKNOWN} for a code this version does not know
	 */
	public @Nullable NoteDisplayType noteDisplayType() {
		return NoteDisplayType.fromCode(this.noteDisplayTypeCode);
	}

	/**
	 * One of a note's documents ({@code note_artifact_info}).
	 *
	 * @param artifactTypeCode the raw {@code artifact_type}; see {@link #artifactType()}
	 * @param createTime when it was made
	 * @param docToken its Docs token
	 */
	public record Artifact(@Nullable Integer artifactTypeCode, @Nullable Instant createTime,
			@Nullable String docToken) {

		/**
		 * What the document is.
		 * @return the kind, {@link NoteArtifactType#UNKNOWN} for a code this version does not know
		 */
		public @Nullable NoteArtifactType artifactType() {
			return NoteArtifactType.fromCode(this.artifactTypeCode);
		}

	}

	/**
	 * A document the note refers to ({@code note_reference_info}); {@code reference_type} 1 is a document shared in
	 * the meeting.
	 *
	 * @param referenceType the raw {@code reference_type}
	 * @param docToken its Docs token
	 */
	public record Reference(@Nullable Integer referenceType, @Nullable String docToken) {
	}

	/**
	 * Where a note came from ({@code note_source}).
	 *
	 * @param sourceType such as {@code meeting}
	 * @param sourceEntityId the source's id: the meeting's, for a meeting
	 */
	public record Source(@Nullable String sourceType, @Nullable String sourceEntityId) {
	}

}
