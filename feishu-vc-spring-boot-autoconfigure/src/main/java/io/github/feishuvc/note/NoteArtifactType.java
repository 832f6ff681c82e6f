package io.github.feishuvc.note;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * What a note's document is ({@code artifact_type}).
 */
public enum NoteArtifactType implements CodedEnum {

	/** The note document: the AI summary, to-dos and chapters (1). */
	NOTE_DOCUMENT(1),

	/** The verbatim transcript (2). */
	VERBATIM_TRANSCRIPT(2),

	/** A code this version does not know (the platform's reserved 0 among them); the raw code is kept. */
	UNKNOWN(-1);

	private static final NoteArtifactType[] CONSTANTS = values();

	private final int code;

	NoteArtifactType(int code) {
		this.code = code;
	}

	@Override
	public int code() {
		return this.code;
	}

	/**
	 * The constant for a platform code.
	 * @param code the raw code
	 * @return the constant, {@link #UNKNOWN} for an unrecognised code, {@code null} for {@code null}
	 */
	public static @Nullable NoteArtifactType fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
