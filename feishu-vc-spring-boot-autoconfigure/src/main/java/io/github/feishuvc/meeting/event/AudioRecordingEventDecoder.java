package io.github.feishuvc.meeting.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.events.FeishuEventDecoder;
import io.github.feishuvc.internal.TypedEvents;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns the three {@code vc.recording.*} events into their {@link AudioRecordingEvent} records, as leniently as the
 * platform's own CLI reads them: a speaker's id a string or the three ids of a user, times and sentence ids numbers or
 * strings, subscribers objects or (as an earlier CLI read them) plain ids, taken as open ids. An event without an id or
 * a {@code unique_key} does not decode.
 */
public final class AudioRecordingEventDecoder implements FeishuEventDecoder {

	private static final TypedEvents<Body, AudioRecordingEvent> EVENTS = new TypedEvents<>(Body.class, Map.of(
			AudioRecordingStartedEvent.TYPE,
			(h, b) -> new AudioRecordingStartedEvent(h.eventId(), h.tenantKey(), h.createdAt(), b.uniqueKey(),
					b.source(), subscribers(b.subscriberIds())),
			AudioRecordingEndedEvent.TYPE,
			(h, b) -> new AudioRecordingEndedEvent(h.eventId(), h.tenantKey(), h.createdAt(), b.uniqueKey(),
					b.source(), subscribers(b.subscriberIds()), b.objectType(), text(b.objectId())),
			AudioRecordingTranscriptEvent.TYPE,
			(h, b) -> new AudioRecordingTranscriptEvent(h.eventId(), h.tenantKey(), h.createdAt(), b.uniqueKey(),
					b.source(), subscribers(b.subscriberIds()), items(b.transcriptItems()))),
			(type) -> List.of("vc:recording:read"), "an audio recording event");

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
	public @Nullable AudioRecordingEvent decode(FeishuEvent event) {
		return EVENTS.decode(event, (body) -> body.uniqueKey() != null && !body.uniqueKey().isBlank());
	}

	@Override
	public String toString() {
		return "AudioRecordingEventDecoder[" + EVENTS.types().size() + " types]";
	}

	private static List<EventUserIds> subscribers(@Nullable List<JsonNode> ids) {
		List<EventUserIds> subscribers = new ArrayList<>();
		for (JsonNode id : (ids != null) ? ids : List.<JsonNode>of()) {
			if (id.isObject()) {
				subscribers.add(new EventUserIds(text(id.get("union_id")), text(id.get("user_id")),
						text(id.get("open_id"))));
			}
			else if (text(id) != null) {
				subscribers.add(new EventUserIds(null, null, text(id)));
			}
		}
		return subscribers;
	}

	private static List<AudioTranscriptItem> items(@Nullable List<JsonNode> items) {
		List<AudioTranscriptItem> read = new ArrayList<>();
		for (JsonNode item : (items != null) ? items : List.<JsonNode>of()) {
			JsonNode speaker = item.path("speaker");
			AudioTranscriptItem.Speaker who = speaker.isObject() ? new AudioTranscriptItem.Speaker(id(speaker.get("id")),
					number(speaker.get("user_type")), number(speaker.get("user_role")), text(speaker.get("user_name")))
					: null;
			read.add(new AudioTranscriptItem(who, text(item.get("text")), text(item.get("language")),
					millis(item.get("start_time_ms")), millis(item.get("end_time_ms")), text(item.get("sentence_id"))));
		}
		return read;
	}

	/** A speaker's id: a string, or the open id (else union id, else user id) of an object of ids. */
	private static @Nullable String id(@Nullable JsonNode id) {
		if (id != null && id.isObject()) {
			for (String kind : new String[] { "open_id", "union_id", "user_id" }) {
				String value = text(id.get(kind));
				if (value != null) {
					return value;
				}
			}
			return null;
		}
		return text(id);
	}

	/** A string or a number as text; {@code null} for anything else or blank. */
	private static @Nullable String text(@Nullable JsonNode node) {
		if (node == null || !(node.isString() || node.isNumber())) {
			return null;
		}
		String text = node.asString();
		return text.isBlank() ? null : text;
	}

	private static @Nullable Integer number(@Nullable JsonNode node) {
		String text = text(node);
		try {
			return (text != null) ? Integer.valueOf(text.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Epoch milliseconds, a number or a string of digits; {@code null} for anything else. */
	private static @Nullable Instant millis(@Nullable JsonNode node) {
		String text = text(node);
		try {
			return (text != null) ? Instant.ofEpochMilli(Long.parseLong(text.strip())) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** The body of an audio recording event, its lenient parts as trees. */
	record Body(@Nullable String uniqueKey, @Nullable String source, @Nullable List<JsonNode> subscriberIds,
			@Nullable String objectType, @Nullable JsonNode objectId, @Nullable List<JsonNode> transcriptItems) {
	}

}
