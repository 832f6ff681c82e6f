package io.github.feishuvc.core;

import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * How to read one kind of response: the body type (read by a reader built once, not per call) and the payload
 * a successful body must carry.
 *
 * @param <B> the body type
 * @param <T> the payload type
 * @param reader reads the body
 * @param payload extracts the payload from a successful body, {@code null} when it is missing
 * @param payloadName where the payload lives, for error messages, such as {@code data.reserve}
 * @param errors the exception of each error code ({@link FeishuVcApiException#of} unless an endpoint's codes mean
 * something else)
 */
public record ResponseReader<B extends FeishuVcResponseBody, T>(ObjectReader reader,
		Function<B, @Nullable T> payload, String payloadName, Errors errors) {

	/**
	 * Read with the platform's general table of error codes.
	 * @param reader reads the body
	 * @param payload extracts the payload from a successful body, {@code null} when it is missing
	 * @param payloadName where the payload lives, for error messages
	 */
	public ResponseReader(ObjectReader reader, Function<B, @Nullable T> payload, String payloadName) {
		this(reader, payload, payloadName, FeishuVcApiException::of);
	}

	/**
	 * The same reader, its payload taken from what this one reads.
	 * @param <R> the new payload type
	 * @param extract takes the payload; {@code null} is a missing payload
	 * @param payloadName where the new payload lives, for error messages
	 * @return the reader
	 */
	public <R> ResponseReader<B, R> map(Function<T, @Nullable R> extract, String payloadName) {
		Function<B, @Nullable T> read = this.payload;
		return new ResponseReader<>(this.reader, (body) -> {
			T value = read.apply(body);
			return (value != null) ? extract.apply(value) : null;
		}, payloadName, this.errors);
	}

	/**
	 * The same reader, with an endpoint's own meanings of error codes.
	 * @param errors the exception of each error code
	 * @return the reader
	 */
	public ResponseReader<B, T> withErrors(Errors errors) {
		return new ResponseReader<>(this.reader, this.payload, this.payloadName, errors);
	}

	private static final ResponseReader<FeishuVcEnvelope<?>, Boolean> ACKNOWLEDGEMENT = new ResponseReader<>(
			FeishuVcJson.mapper().readerFor(FeishuVcEnvelope.class), (body) -> Boolean.TRUE, "code");

	/**
	 * Read a response body: the payload of a successful one, else the failure it describes.
	 * @param info the attempt the body answers (its HTTP status and log id)
	 * @param bytes the body
	 * @return the payload
	 * @throws FeishuVcApiException (or a subclass) for a non-zero {@code code}
	 * @throws FeishuVcInvalidResponseException for a body that is not the platform's JSON, has no {@code code}, or
	 * lacks the payload; it names the field Jackson could not read, if any
	 */
	public T read(CallInfo info, byte[] bytes) {
		return read(info, bytes.length, (reader) -> reader.readValue(bytes), () -> bytes);
	}

	/**
	 * Read a response body straight from its buffer, copying its bytes only for an exception that shows them.
	 * @param info the attempt the body answers
	 * @param body the body; left for the caller to release
	 * @return the payload
	 * @see #read(CallInfo, byte[])
	 */
	T read(CallInfo info, DataBuffer body) {
		int start = body.readPosition();
		int length = body.readableByteCount();
		return read(info, length, (reader) -> reader.readValue(body.asInputStream()), () -> {
			byte[] bytes = new byte[length];
			body.readPosition(start);
			body.read(bytes);
			return bytes;
		});
	}

	/** The checks of a body, whichever way it is parsed; {@code bytes} are copied for an exception only. */
	@SuppressWarnings("unchecked")
	private T read(CallInfo info, int length, Function<ObjectReader, @Nullable Object> parse, Supplier<byte[]> bytes) {
		if (length == 0) {
			throw unreadable(info, "empty body", new byte[0]);
		}
		B body;
		try {
			body = (B) parse.apply(this.reader);
		}
		catch (JacksonException ex) {
			throw unreadable(info, "not the platform's JSON" + field(ex), bytes.get());
		}
		if (body == null) {
			throw unreadable(info, "JSON null", bytes.get());
		}
		FeishuVcResponseBody.ErrorDetail error = body.error();
		if (info.logId() == null && error != null && error.logId() != null) {
			info = new CallInfo(info.operation(), info.attempt(), info.httpStatus(), error.logId(),
					info.rateLimitReset());
		}
		Integer code = body.code();
		if (code == null) {
			throw unreadable(info, "no code field", bytes.get());
		}
		if (code != 0) {
			String msg = body.msg();
			throw this.errors.exception(info, code, (msg != null) ? msg : "");
		}
		if (info.httpStatus() >= 300) {
			throw unreadable(info, "code 0 with an HTTP error status", bytes.get());
		}
		T payload = this.payload.apply(body);
		if (payload == null) {
			throw new FeishuVcInvalidResponseException(info, "no " + this.payloadName, bytes.get());
		}
		return payload;
	}

	/**
	 * A body that does not read as expected, for what it still says: an error whose code is readable though the rest
	 * of the body is not (a {@code data} of the wrong shape) is that error; an HTTP 429 is a rate limit whatever its
	 * body; anything else is an invalid response.
	 */
	private FeishuVcException unreadable(CallInfo info, String reason, byte[] bytes) {
		FeishuVcApiException error = errorCode(info, bytes);
		if (error != null) {
			return error;
		}
		if (info.httpStatus() == 429) {
			return new FeishuVcRateLimitException(info, FeishuVcErrorCodes.RATE_LIMITED,
					"HTTP 429 with an unreadable body (" + reason + ")");
		}
		return new FeishuVcInvalidResponseException(info, reason, bytes);
	}

	private @Nullable FeishuVcApiException errorCode(CallInfo info, byte[] bytes) {
		try {
			if (bytes.length > 0 && FeishuVcJson.mapper().readTree(bytes) instanceof ObjectNode body) {
				JsonNode code = body.path("code");
				if (code.isInt() && code.intValue() != 0) {
					return this.errors.exception(info, code.intValue(), body.path("msg").asString(""));
				}
			}
		}
		catch (JacksonException ex) {
			// not JSON at all
		}
		return null;
	}

	/** Where in the body reading failed, as {@code (field data.meeting.participant_count)}, if Jackson says. */
	private static String field(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return (path.length() > 0) ? " (field " + path + ")" : "";
	}

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

	/** The exception of an error code the platform answered. */
	@FunctionalInterface
	public interface Errors {

		/**
		 * The exception of an error code.
		 * @param info the failed attempt
		 * @param code the platform's error code (non-zero)
		 * @param msg the platform's error message
		 * @return the exception
		 */
		FeishuVcApiException exception(CallInfo info, int code, String msg);

	}

}
