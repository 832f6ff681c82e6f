package io.github.feishuvc.internal;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a user's id that the platform sends as a string (or a number) in one place and as an object of the three ids
 * ({@code {"union_id","user_id","open_id"}}) in another, such as the meeting agents' users: the object is read as its
 * {@code open_id}, else its {@code user_id}, else its {@code union_id}. Public because a model names it in
 * {@code @JsonDeserialize} and Jackson creates it by reflection (a native image's hints find it so).
 */
public final class EventUserIdDeserializer extends ValueDeserializer<String> {

	private static final String[] KINDS = { "open_id", "user_id", "union_id" };

	@Override
	public @Nullable String deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() != JsonToken.START_OBJECT) {
			return parser.getValueAsString();
		}
		JsonNode ids = context.readTree(parser);
		for (String kind : KINDS) {
			String id = ids.path(kind).asString("");
			if (!id.isEmpty()) {
				return id;
			}
		}
		return null;
	}

}
