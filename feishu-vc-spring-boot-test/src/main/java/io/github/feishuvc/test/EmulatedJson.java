package io.github.feishuvc.test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every family of the emulated platform reads and writes alike: query parameters, numbers, seconds, the events'
 * envelope and user ids.
 */
final class EmulatedJson {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final Pattern DIGITS = Pattern.compile("\\d+");

	private EmulatedJson() {
	}

	/** The first value of a query parameter. */
	static @Nullable String first(Map<String, List<String>> query, String name) {
		List<String> values = query.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	/** Whether a parameter is a whole number of digits, no sign. */
	static boolean isDigits(String value) {
		return DIGITS.matcher(value).matches();
	}

	/** Seconds since the epoch, as the platform writes them, or {@code null}. */
	static @Nullable Instant seconds(@Nullable String value) {
		try {
			return (value != null) ? Instant.ofEpochSecond(Long.parseLong(value.strip())) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Seconds of a JSON value, or {@code otherwise}. */
	static Instant seconds(@Nullable JsonNode value, Instant otherwise) {
		Instant seconds = (value != null) ? seconds(value.asString("")) : null;
		return (seconds != null) ? seconds : otherwise;
	}

	/** A version 2 event with the platform's envelope but the header, which the pusher fills in. */
	static ObjectNode envelope(String eventType) {
		ObjectNode event = NODES.objectNode().put("schema", "2.0");
		event.putObject("header").put("event_type", eventType);
		event.putObject("event");
		return event;
	}

	/** The three ids events give a user: the emulator's user ids are open ids, the others derived from them. */
	static ObjectNode userIds(String userId) {
		String base = userId.startsWith("ou_") ? userId.substring(3) : userId;
		return NODES.objectNode().put("union_id", "on_" + base).put("user_id", base).put("open_id", userId);
	}

}
