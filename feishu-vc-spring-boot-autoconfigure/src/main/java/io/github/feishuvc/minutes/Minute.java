package io.github.feishuvc.minutes;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A minute (妙记) as {@code GET /minutes/:minute_token} answers it: the transcribed recording of a meeting, or of a
 * recording or an uploaded file. Its AI note, if it has one, is {@link #noteId()}, which {@code NoteOperations.get}
 * takes; the minute names no meeting (only {@code minutes.minute.generated_v1} does).
 *
 * @param token the minute's token
 * @param ownerId its owner, of the calls' user id type
 * @param createTime when it was made
 * @param title its title
 * @param cover its cover image's URL
 * @param duration how long its recording is
 * @param url its page, such as {@code https://meetings.feishu.cn/minutes/obcn...}
 * @param noteId its AI note's id; empty when it has none
 */
public record Minute(@Nullable String token, @Nullable String ownerId, @Nullable Instant createTime,
		@Nullable String title, @Nullable String cover, @Nullable Duration duration, @Nullable String url,
		@Nullable String noteId) {

	/**
	 * The minute's AI note, which {@code NoteOperations.get} takes; a minute and a note are made independently, so a
	 * minute may have none.
	 * @return the note's id, empty when it has none
	 */
	public Optional<String> note() {
		return (this.noteId != null && !this.noteId.isBlank()) ? Optional.of(this.noteId) : Optional.empty();
	}

}
