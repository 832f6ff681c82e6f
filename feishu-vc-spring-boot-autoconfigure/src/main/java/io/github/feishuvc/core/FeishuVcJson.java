package io.github.feishuvc.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToLongFunction;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.AnnotatedField;
import tools.jackson.databind.introspect.AnnotatedMethod;
import tools.jackson.databind.introspect.AnnotatedParameter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one {@link JsonMapper} that reads and writes Feishu JSON.
 *
 * <p>It is deliberately not the application's mapper: settings such as
 * {@code spring.jackson.deserialization.fail-on-unknown-properties=true} or a global naming strategy are right
 * for an application's own API but would break decoding of a third-party protocol that adds fields at will.
 * Feishu names are snake case, unknown fields are ignored, nulls are not written, instants are strings of Unix
 * seconds and durations strings of seconds, and an empty string reads as an absent value, whatever the field's type.
 * A record keeps the raw code of an enum the platform may extend in a component {@code fooCode} beside an accessor
 * {@code foo()} that returns the {@link CodedEnum}: on the wire the component is {@code foo} (one rule, rather than a
 * mix-in per model).
 */
public final class FeishuVcJson {

	// Responses are decoded on the event loops: per-thread buffers spare every call a trip through a shared deque.
	// Interned property names match a record's properties by identity; Jackson 3 no longer interns by default, and
	// then compares every name in full (the decoding's largest own cost in the profile).
	private static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.recyclerPool(JsonRecyclerPools.threadLocalPool())
			.enable(TokenStreamFactory.Feature.INTERN_PROPERTY_NAMES)
			.build())
		.propertyNamingStrategy(new FeishuNaming())
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		// The platform may send "" (or blanks) where a value is absent: null for every type alike.
		.withCoercionConfigDefaults((coercion) -> coercion.setAcceptBlankAsEmpty(true)
			.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull))
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

	/**
	 * Reads {@code "1608883322"} (or a bare number, fractions kept to the nanosecond) of seconds; an empty or blank
	 * string is absent. Anything else, or seconds out of range, fails with Jackson's own exception, which names the
	 * field.
	 */
	private static final class SecondsDeserializer<T> extends ValueDeserializer<T> {

		/** Far beyond any date or duration the platform sends, and within what {@code Instant} can hold. */
		private static final long MAX_SECONDS = Instant.MAX.getEpochSecond();

		private static final BigDecimal MAX_DECIMAL_SECONDS = BigDecimal.valueOf(MAX_SECONDS);

		private static final int MAX_SECONDS_LENGTH = 64;

		private final Class<T> type;

		private final Seconds<T> fromSeconds;

		SecondsDeserializer(Class<T> type, Seconds<T> fromSeconds) {
			this.type = type;
			this.fromSeconds = fromSeconds;
		}

		@Override
		public @Nullable T deserialize(JsonParser parser, DeserializationContext context) {
			JsonToken token = parser.currentToken();
			String text;
			if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
				text = parser.getText();
			}
			else if (token == JsonToken.VALUE_STRING) {
				text = parser.getString().strip();
				if (text.isEmpty()) {
					return null;
				}
			}
			else {
				return this.type.cast(context.handleUnexpectedToken(this.type, parser));
			}
			long whole;
			try {
				whole = Long.parseLong(text);
			}
			catch (NumberFormatException ex) {
				return fractional(text, context);
			}
			return (whole >= -MAX_SECONDS && whole <= MAX_SECONDS) ? this.fromSeconds.of(whole, 0)
					: this.type.cast(context.handleWeirdStringValue(this.type, text, "seconds out of range"));
		}

		private T fractional(String text, DeserializationContext context) {
			if (text.length() > MAX_SECONDS_LENGTH) {
				// Parsing a huge number costs time for nothing: no date or duration is written that long.
				return this.type.cast(context.handleWeirdStringValue(this.type, text, "seconds out of range"));
			}
			BigDecimal seconds;
			try {
				seconds = new BigDecimal(text);
			}
			catch (NumberFormatException ex) {
				return this.type.cast(context.handleWeirdStringValue(this.type, text, "not a number of seconds"));
			}
			if (seconds.abs().compareTo(MAX_DECIMAL_SECONDS) > 0) {
				return this.type.cast(context.handleWeirdStringValue(this.type, text, "seconds out of range"));
			}
			BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
			return this.fromSeconds.of(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).intValue());
		}

	}

	/**
	 * Snake case, and the one rule of raw codes: a record's component {@code fooCode} is {@code foo} on the wire when
	 * the record has an accessor {@code foo()} returning a {@link CodedEnum} (the typed view of the same code).
	 */
	static final class FeishuNaming extends PropertyNamingStrategies.SnakeCaseStrategy {

		private static final String CODE = "Code";

		@Override
		public String nameForField(MapperConfig<?> config, AnnotatedField field, String defaultName) {
			return translate(wireName(field.getDeclaringClass(), defaultName));
		}

		@Override
		public String nameForGetterMethod(MapperConfig<?> config, AnnotatedMethod method, String defaultName) {
			return translate(wireName(method.getDeclaringClass(), defaultName));
		}

		@Override
		public String nameForSetterMethod(MapperConfig<?> config, AnnotatedMethod method, String defaultName) {
			return translate(wireName(method.getDeclaringClass(), defaultName));
		}

		@Override
		public String nameForConstructorParameter(MapperConfig<?> config, AnnotatedParameter parameter,
				String defaultName) {
			return translate(wireName(parameter.getDeclaringClass(), defaultName));
		}

		/** {@code fooCode} as {@code foo} when the record has {@code foo()} returning a coded enum; else the name. */
		static String wireName(Class<?> owner, String name) {
			if (owner.isRecord() && name.length() > CODE.length() && name.endsWith(CODE)) {
				String typed = name.substring(0, name.length() - CODE.length());
				try {
					if (CodedEnum.class.isAssignableFrom(owner.getMethod(typed).getReturnType())) {
						return typed;
					}
				}
				catch (NoSuchMethodException ex) {
					// a component that merely ends with Code
				}
			}
			return name;
		}

	}

	/** Makes a value of seconds and nanoseconds, such as {@code Instant::ofEpochSecond}. */
	@FunctionalInterface
	private interface Seconds<T> {

		T of(long seconds, long nanos);

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

	/**
	 * Reads a duration the platform sends in milliseconds rather than seconds (a recording's length, as
	 * {@code "30000"}); name it with {@code @JsonDeserialize(using = ...)} on a mix-in.
	 */
	public static final class MillisecondsDeserializer extends ValueDeserializer<Duration> {

		private final SecondsDeserializer<Duration> milliseconds = new SecondsDeserializer<>(Duration.class,
				(whole, fraction) -> Duration.ofMillis(whole).plusNanos(fraction / 1000));

		@Override
		public @Nullable Duration deserialize(JsonParser parser, DeserializationContext context) {
			return this.milliseconds.deserialize(parser, context);
		}

	}

	/** Writes a duration as the platform sends one in milliseconds: a string. */
	public static final class MillisecondsSerializer extends ValueSerializer<Duration> {

		private final SecondsSerializer<Duration> milliseconds = new SecondsSerializer<>(Duration.class, Duration::toMillis);

		@Override
		public void serialize(Duration value, JsonGenerator generator, SerializationContext context) {
			this.milliseconds.serialize(value, generator, context);
		}

	}

}
