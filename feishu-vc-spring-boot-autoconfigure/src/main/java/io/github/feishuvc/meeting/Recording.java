package io.github.feishuvc.meeting;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A meeting's recording ({@code recording}), ready once the {@code vc.meeting.recording_ready_v1} event arrived.
 * <p>
 * The API page documents {@code url} and {@code duration}; the official SDK's model also reads {@code id} and
 * {@code meeting_id}, which the platform sends, so they are kept here too.
 *
 * @param id the recording's id
 * @param meetingId the id of the meeting it recorded
 * @param url where to watch it: a Feishu Minutes page
 * @param duration how long it is (the platform sends milliseconds)
 */
public record Recording(@Nullable String id, @Nullable String meetingId, @Nullable String url,
		@Nullable Duration duration) {
}
