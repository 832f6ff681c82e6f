package io.github.feishuvc.note.event;

import java.time.Instant;
import java.util.List;

import io.github.feishuvc.internal.Lists;
import io.github.feishuvc.meeting.event.EventUserIds;
import org.jspecify.annotations.Nullable;

/**
 * {@value #TYPE}: a note of subscribed users is ready, of a meeting they joined or a recording or upload of theirs.
 * The platform sends it for users who subscribed ({@code NoteOperations.subscribe()} as that user) to apps that added
 * the event in the developer console. Read the note as one of {@link #subscriberIds()} with
 * {@code NoteOperations.getGenerated(noteId)}: its detail can lag the event.
 *
 * @param eventId the event's id
 * @param tenantKey the tenant the event happened in, if named
 * @param createTime when the platform made the event
 * @param noteId the note's id
 * @param subscriberIds the subscribed users the note concerns (at most 500)
 */
public record NoteGeneratedEvent(String eventId, @Nullable String tenantKey, @Nullable Instant createTime,
		String noteId, List<EventUserIds> subscriberIds) implements NoteEvent {

	/** The platform's type of this event. */
	public static final String TYPE = "vc.note.generated_v1";

	/**
	 * Create the event; the list is copied.
	 * @param eventId the event's id
	 * @param tenantKey the tenant the event happened in, if named
	 * @param createTime when the platform made the event
	 * @param noteId the note's id
	 * @param subscriberIds the subscribed users the note concerns (at most 500)
	 */
	public NoteGeneratedEvent {
		subscriberIds = Lists.immutable(subscriberIds);
	}

}
