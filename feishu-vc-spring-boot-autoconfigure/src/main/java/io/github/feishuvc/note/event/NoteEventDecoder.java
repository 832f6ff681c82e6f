package io.github.feishuvc.note.event;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.events.FeishuEventDecoder;
import io.github.feishuvc.internal.TypedEvents;
import io.github.feishuvc.meeting.event.EventUserIds;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@code vc.note.generated_v1} into its {@link NoteEvent} record, as leniently as the API's answers; an event
 * without an id or a note id does not decode.
 */
public final class NoteEventDecoder implements FeishuEventDecoder {

	private static final TypedEvents<Body, NoteEvent> EVENTS = new TypedEvents<>(Body.class,
			Map.of(NoteGeneratedEvent.TYPE,
					(h, b) -> new NoteGeneratedEvent(h.eventId(), h.tenantKey(), h.createdAt(), b.noteId(),
							b.subscriberIds())),
			(type) -> List.of("vc:note:read"), "a note event");

	/**
	 * The types this decoder knows.
	 * @return the event types
	 */
	public static Set<String> types() {
		return EVENTS.types();
	}

	/**
	 * The scopes of each type, any one of which the app needs for the platform to send it.
	 * @return the scopes by event type
	 */
	public static Map<String, List<String>> scopes() {
		return EVENTS.scopes();
	}

	@Override
	public @Nullable NoteEvent decode(FeishuEvent event) {
		return EVENTS.decode(event, (body) -> body.noteId() != null && !body.noteId().isBlank());
	}

	@Override
	public String toString() {
		return "NoteEventDecoder[" + EVENTS.types().size() + " types]";
	}

	/** The body of a note event. */
	record Body(@Nullable String noteId, @Nullable List<EventUserIds> subscriberIds) {
	}

}
