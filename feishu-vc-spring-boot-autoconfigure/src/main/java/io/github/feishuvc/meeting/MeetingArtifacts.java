package io.github.feishuvc.meeting;

import org.jspecify.annotations.Nullable;

/**
 * What a meeting produced ({@code related_artifacts}): the documents of its AI notes and verbatim transcript. A field
 * is {@code null} when the app lacks its field scope, empty when the document does not exist (yet).
 *
 * @param noteDocToken the {@code doc_token} of the AI notes (scope {@code vc:meeting.artifact.note:read})
 * @param verbatimDocToken the {@code doc_token} of the verbatim transcript (scope
 * {@code vc:meeting.artifact.verbatim:read})
 */
public record MeetingArtifacts(@Nullable String noteDocToken, @Nullable String verbatimDocToken) {
}
