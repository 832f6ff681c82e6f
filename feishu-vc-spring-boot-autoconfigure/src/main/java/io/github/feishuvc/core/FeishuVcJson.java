package io.github.feishuvc.core;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one {@link JsonMapper} that reads and writes Feishu JSON.
 *
 * <p>It is deliberately not the application's mapper: settings such as
 * {@code spring.jackson.deserialization.fail-on-unknown-properties=true} or a global naming strategy are right
 * for an application's own API but would break decoding of a third-party protocol that adds fields at will.
 * Feishu names are snake case, unknown fields are ignored, nulls are not written, instants are strings of Unix
 * seconds and durations strings of seconds.
 */
public final class FeishuVcJson {

	// Responses are decoded on the event loops: per-thread buffers spare every call a trip through a shared deque.
	private static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build())
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.addModule(new SimpleModule("feishu-seconds")
			.addDeserializer(Instant.class, new SecondsDeserializer<>(Instant.class, Instant::ofEpochSecond))
			.addSerializer(Instant.class, new SecondsSerializer<>(Instant.class, Instant::getEpochSecond))
			.addDeserializer(Duration.class, new SecondsDeserializer<>(Duration.class, Duration::ofSeconds))
			.addSerializer(Duration.class, new SecondsSerializer<>(Duration.class, Duration::getSeconds)))
		.addModule(new SpreadingCreators())
		.build();

	private FeishuVcJson() {
	}

	/**
	 * The shared Feishu mapper; thread safe.
	 * @return the mapper
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	/** Reads {@code "1608883322"} (or a bare number) of seconds. */
	private static final class SecondsDeserializer<T> extends ValueDeserializer<T> {

		private final Class<T> type;

		private final LongFunction<T> fromSeconds;

		SecondsDeserializer(Class<T> type, LongFunction<T> fromSeconds) {
			this.type = type;
			this.fromSeconds = fromSeconds;
		}

		@Override
		public T deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
				return this.fromSeconds.apply(parser.getLongValue());
			}
			String text = parser.getString().strip();
			try {
				return this.fromSeconds.apply(Long.parseLong(text));
			}
			catch (NumberFormatException ex) {
				return this.type.cast(context.handleWeirdStringValue(this.type, text, "not a number of seconds"));
			}
		}

	}

	/** Writes seconds the way Feishu sends them: as a string. */
	private static final class SecondsSerializer<T> extends ValueSerializer<T> {

		private final Class<T> type;

		private final ToLongFunction<T> toSeconds;

		SecondsSerializer(Class<T> type, ToLongFunction<T> toSeconds) {
			this.type = type;
			this.toSeconds = toSeconds;
		}

		@Override
		public Class<?> handledType() {
			return this.type;
		}

		@Override
		public void serialize(T value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(Long.toString(this.toSeconds.applyAsLong(value)));
		}

	}

}
