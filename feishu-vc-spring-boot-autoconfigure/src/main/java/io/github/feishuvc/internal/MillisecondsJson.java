package io.github.feishuvc.internal;

import java.time.Duration;
import java.time.Instant;

import io.github.feishuvc.core.FeishuVcJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The Feishu mapper for an API whose every time and length is in milliseconds (the minutes: {@code "1669098360477"},
 * {@code "314000"}) where the VC API's are seconds. The rule lives in the mapper the declarations name, not on the
 * models, so an application that returns a minute from its own controllers serializes it with its own conventions.
 */
public final class MillisecondsJson {

	private static final JsonMapper MAPPER = FeishuVcJson.mapper()
		.rebuild()
		.addModule(new SimpleModule("feishu-milliseconds")
			.addDeserializer(Instant.class, new InstantDeserializer())
			.addSerializer(Instant.class, new InstantSerializer())
			.addDeserializer(Duration.class, new FeishuVcJson.MillisecondsDeserializer())
			.addSerializer(Duration.class, new FeishuVcJson.MillisecondsSerializer()))
		.build();

	private MillisecondsJson() {
	}

	/**
	 * The mapper; thread safe.
	 * @return the mapper
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	/** Reads an instant of milliseconds since the epoch, as leniently as the seconds of the other APIs. */
	private static final class InstantDeserializer extends ValueDeserializer<Instant> {

		private final FeishuVcJson.MillisecondsDeserializer milliseconds = new FeishuVcJson.MillisecondsDeserializer();

		@Override
		public @Nullable Instant deserialize(JsonParser parser, DeserializationContext context) {
			Duration sinceEpoch = this.milliseconds.deserialize(parser, context);
			return (sinceEpoch != null) ? Instant.EPOCH.plus(sinceEpoch) : null;
		}

	}

	/** Writes an instant as the platform sends one: a string of milliseconds since the epoch. */
	private static final class InstantSerializer extends ValueSerializer<Instant> {

		@Override
		public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(Long.toString(value.toEpochMilli()));
		}

	}

}
