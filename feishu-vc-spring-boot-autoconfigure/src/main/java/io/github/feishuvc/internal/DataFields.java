package io.github.feishuvc.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.feishuvc.core.FeishuVcEnvelope;
import io.github.feishuvc.core.ResponseReader;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Readers of the platform's answers that take their payload from one field of {@code data} (and, for a page, its
 * {@code page_token} and {@code has_more}), skipping the rest as they stream past: an endpoint needs no record of its
 * own for the shape of its {@code data}. The field and its type travel as attributes of a reader built once per
 * endpoint.
 */
final class DataFields {

	private static final String FIELD = DataFields.class.getName() + ".field";

	private static final String TYPE = DataFields.class.getName() + ".type";

	/** Each mapper once, with the deserializer of {@link Data}. */
	private static final Map<JsonMapper, JsonMapper> MAPPERS = new ConcurrentHashMap<>();

	private DataFields() {
	}

	static <T> ResponseReader<?, T> field(JsonMapper mapper, String field, JavaType type,
			ErrorMeanings errors) {
		return reader(mapper, field, type, "data." + field, errors, (data) -> cast(data.value));
	}

	static <E> ResponseReader<?, Page<E>> page(JsonMapper mapper, String field, Class<E> element,
			ErrorMeanings errors) {
		JavaType list = mapper.getTypeFactory().constructCollectionType(List.class, element);
		return reader(mapper, field, list, "data." + field, errors, (data) -> {
			List<E> items = cast(data.value);
			return new Page<>((items != null) ? items : List.of(), data.pageToken, Boolean.TRUE.equals(data.hasMore));
		});
	}

	static <T> ResponseReader<?, T> whole(JsonMapper mapper, Class<T> type, ErrorMeanings errors) {
		ResponseReader<FeishuVcEnvelope<T>, T> reader = ResponseReader.envelope(mapper, type, (data) -> data, "data");
		return reader.withErrors(errors::exception);
	}

	static ResponseReader<?, Boolean> acknowledgement(JsonMapper mapper, ErrorMeanings errors) {
		ResponseReader<FeishuVcEnvelope<?>, Boolean> reader = ResponseReader.acknowledgement();
		return reader.withErrors(errors::exception);
	}

	private static <T> ResponseReader<?, T> reader(JsonMapper mapper, String field, JavaType type, String payloadName,
			ErrorMeanings errors, java.util.function.Function<Data, @Nullable T> payload) {
		JsonMapper withData = MAPPERS.computeIfAbsent(mapper,
				(given) -> given.rebuild().addModule(new SimpleModule("feishu-data-fields")
					.addDeserializer(Data.class, new DataDeserializer())).build());
		// The payload's deserializer made now, with the declaration, rather than by the first call to read one: Jackson
		// makes it under a lock, which would park an event loop that two first calls reach at once, and a call should
		// not pay for what can be done once.
		withData.readerFor(type);
		JavaType envelope = withData.getTypeFactory().constructParametricType(FeishuVcEnvelope.class, Data.class);
		ResponseReader<FeishuVcEnvelope<Data>, T> reader = new ResponseReader<>(
				withData.readerFor(envelope).withAttribute(FIELD, field).withAttribute(TYPE, type), (body) -> {
					Data data = body.data();
					return (data != null) ? payload.apply(data) : null;
				}, payloadName);
		return reader.withErrors(errors::exception);
	}

	@SuppressWarnings("unchecked")
	private static <T> @Nullable T cast(@Nullable Object value) {
		return (T) value;
	}

	/** What was read of {@code data}: the one field wanted, and the paging fields if any. */
	static final class Data {

		final @Nullable Object value;

		final @Nullable String pageToken;

		final @Nullable Boolean hasMore;

		Data(@Nullable Object value, @Nullable String pageToken, @Nullable Boolean hasMore) {
			this.value = value;
			this.pageToken = pageToken;
			this.hasMore = hasMore;
		}

	}

	/**
	 * Reads the field the reader's attributes name, with its type; keeps the paging fields; skips the rest. One per
	 * mapper.
	 */
	private static final class DataDeserializer extends ValueDeserializer<Data> {

		/**
		 * The deserializer of each payload type, found once: asked of the context for every call, Jackson contextualizes
		 * a record's deserializer anew each time (its annotations resolved and its property matcher built again).
		 */
		private final Map<JavaType, ValueDeserializer<Object>> deserializers = new ConcurrentHashMap<>();

		/** The field's value; a failure inside it names the field in its path, as a bean's would. */
		private @Nullable Object field(JsonParser parser, DeserializationContext context, JavaType type, String name) {
			try {
				ValueDeserializer<Object> deserializer = this.deserializers.get(type);
				if (deserializer == null) {
					deserializer = context.findRootValueDeserializer(type);
					this.deserializers.put(type, deserializer);
				}
				return deserializer.deserialize(parser, context);
			}
			catch (JacksonException ex) {
				ex.prependPath(Data.class, name);
				throw ex;
			}
		}

		@Override
		public Data deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.START_OBJECT)) {
				return (Data) context.handleUnexpectedToken(Data.class, parser);
			}
			String wanted = (String) context.getAttribute(FIELD);
			JavaType type = (JavaType) context.getAttribute(TYPE);
			Object value = null;
			String pageToken = null;
			Boolean hasMore = null;
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken token = parser.nextToken();
				if (name.equals(wanted)) {
					value = (token == JsonToken.VALUE_NULL) ? null : field(parser, context, type, wanted);
				}
				else if (name.equals("page_token")) {
					pageToken = (token == JsonToken.VALUE_NULL) ? null : parser.getValueAsString();
				}
				else if (name.equals("has_more")) {
					hasMore = (token == JsonToken.VALUE_TRUE) ? Boolean.TRUE
							: (token == JsonToken.VALUE_FALSE) ? Boolean.FALSE : null;
				}
				else {
					parser.skipChildren();
				}
			}
			return new Data(value, pageToken, hasMore);
		}

	}

}
