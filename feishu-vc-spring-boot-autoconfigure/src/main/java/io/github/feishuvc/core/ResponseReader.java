package io.github.feishuvc.core;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * How to read one kind of response: the body type (read by a reader built once, not per call) and the payload
 * a successful body must carry.
 *
 * @param <B> the body type
 * @param <T> the payload type
 * @param reader reads the body
 * @param payload extracts the payload from a successful body, {@code null} when it is missing
 * @param payloadName where the payload lives, for error messages, such as {@code data.reserve}
 */
public record ResponseReader<B extends FeishuVcResponseBody, T>(ObjectReader reader,
		Function<B, @Nullable T> payload, String payloadName) {

	private static final ResponseReader<FeishuVcEnvelope<?>, Boolean> ACKNOWLEDGEMENT = new ResponseReader<>(
			FeishuVcJson.mapper().readerFor(FeishuVcEnvelope.class), (body) -> Boolean.TRUE, "code");

	/**
	 * Read a body of the given type.
	 * @param <B> the body type
	 * @param <T> the payload type
	 * @param bodyType the body type
	 * @param payload extracts the payload
	 * @param payloadName where the payload lives
	 * @return the response reader
	 */
	public static <B extends FeishuVcResponseBody, T> ResponseReader<B, T> of(Class<B> bodyType,
			Function<B, @Nullable T> payload, String payloadName) {
		return new ResponseReader<>(FeishuVcJson.mapper().readerFor(bodyType), payload, payloadName);
	}

	/**
	 * Read a response whose success carries nothing of interest (a {@code code} of {@code 0} is the whole answer).
	 * @return the response reader; its payload is {@code true}
	 */
	public static ResponseReader<FeishuVcEnvelope<?>, Boolean> acknowledgement() {
		return ACKNOWLEDGEMENT;
	}

	/**
	 * Read a {@link FeishuVcEnvelope} whose {@code data} has the given type, with {@link FeishuVcJson#mapper()}.
	 * @param <D> the type of {@code data}
	 * @param <T> the payload type
	 * @param dataType the type of {@code data}
	 * @param payload extracts the payload from {@code data}
	 * @param payloadName where the payload lives, such as {@code data.reserve}
	 * @return the response reader
	 */
	public static <D, T> ResponseReader<FeishuVcEnvelope<D>, T> envelope(Class<D> dataType,
			Function<D, @Nullable T> payload, String payloadName) {
		return envelope(FeishuVcJson.mapper(), dataType, payload, payloadName);
	}

	/**
	 * Read a {@link FeishuVcEnvelope} whose {@code data} has the given type, with a mapper derived from
	 * {@link FeishuVcJson#mapper()} (for example one with mix-ins of an API's models).
	 * @param <D> the type of {@code data}
	 * @param <T> the payload type
	 * @param mapper the mapper
	 * @param dataType the type of {@code data}
	 * @param payload extracts the payload from {@code data}
	 * @param payloadName where the payload lives, such as {@code data.reserve}
	 * @return the response reader
	 */
	public static <D, T> ResponseReader<FeishuVcEnvelope<D>, T> envelope(JsonMapper mapper, Class<D> dataType,
			Function<D, @Nullable T> payload, String payloadName) {
		JavaType type = mapper.getTypeFactory().constructParametricType(FeishuVcEnvelope.class, dataType);
		return new ResponseReader<>(mapper.readerFor(type), (body) -> {
			D data = body.data();
			return (data != null) ? payload.apply(data) : null;
		}, payloadName);
	}

}
