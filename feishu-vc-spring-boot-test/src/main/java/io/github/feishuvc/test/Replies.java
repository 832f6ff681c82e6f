package io.github.feishuvc.test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.ContentDisposition;

/**
 * How the emulated platform answers: JSON envelopes, error bodies with {@code error.log_id}, and a fresh log id for
 * every reply.
 */
final class Replies {

	private static final String JSON = "application/json; charset=utf-8";

	private static final DateTimeFormatter LOG_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
		.withZone(ZoneOffset.UTC);

	private final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * Ids and tokens as unguessable as the platform's, drawn on the server's event loops: a DRBG seeded once, here,
	 * then generating in memory, where the default generator (NativePRNG) reads {@code /dev/urandom} as it goes, a
	 * blocking read on an event loop.
	 */
	private final SecureRandom random = seeded();

	private final Clock clock;

	Replies(Clock clock) {
		this.clock = clock;
	}

	private static SecureRandom seeded() {
		try {
			SecureRandom random = SecureRandom.getInstance("DRBG");
			// DRBG seeds itself on first use: now, on the thread that builds the emulator.
			random.nextBytes(new byte[1]);
			return random;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java 9+ runtime has DRBG", ex);
		}
	}

	JsonMapper mapper() {
		return this.mapper;
	}

	ObjectNode object() {
		return this.mapper.createObjectNode();
	}

	/** A request body as a JSON object, or {@code null} when it is empty, not JSON, or not an object. */
	@Nullable ObjectNode parseObject(byte[] body) {
		try {
			return (body.length > 0 && this.mapper.readTree(body) instanceof ObjectNode object) ? object : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** {@code {"code":0,"msg":"success","data":data}}. */
	Reply success(ObjectNode data) {
		ObjectNode body = object().put("code", 0).put("msg", "success");
		body.set("data", data);
		return json(200, body);
	}

	Reply json(int status, ObjectNode body) {
		return new Reply(status, JSON, this.mapper.writeValueAsBytes(body), null, newLogId(), Map.of());
	}

	Reply error(int status, int code, String msg) {
		return error(status, code, msg, (error) -> {
		});
	}

	/** An error with more details in its {@code error} object than the log id. */
	Reply error(int status, int code, String msg, Consumer<ObjectNode> details) {
		String logId = newLogId();
		ObjectNode body = object().put("code", code).put("msg", msg);
		details.accept(body.putObject("error").put("log_id", logId));
		return new Reply(status, JSON, this.mapper.writeValueAsBytes(body), null, logId, Map.of());
	}

	Reply text(int status, String contentType, String text) {
		return new Reply(status, contentType, text.getBytes(StandardCharsets.UTF_8), null, newLogId(), Map.of());
	}

	/** A file on disk, sent from there as it is read, never held in memory. */
	Reply file(Path file, String contentType, String fileName) {
		return new Reply(200, contentType, new byte[0], file, newLogId(),
				Map.of("Content-Disposition", ContentDisposition.attachment().filename(fileName).build().toString()));
	}

	/** The meeting data's refusal of a window longer than a day ({@code 126006}). */
	static final String LONGER_THAN_A_DAY = "end time cannot exceed start time for one day or smaller than start time";

	/**
	 * The meeting data's refusal of a window, if it has one: starting after now or before the epoch ({@code 126005}),
	 * or ending before its start or later than it may ({@code code} with {@code msg}).
	 */
	@Nullable Reply windowRefusal(Instant start, Instant end, Duration longest, int code, String msg) {
		if (start.isAfter(this.clock.instant()) || start.getEpochSecond() < 0) {
			return error(400, 126005, "start time error (cannot larger than now or smaller than 0)");
		}
		return (end.isBefore(start) || end.isAfter(start.plus(longest))) ? error(400, code, msg) : null;
	}

	/** {@code 121003 param error}, the VC API's answer to a parameter out of its range. */
	Reply paramError() {
		return error(400, 121003, "param error");
	}

	/**
	 * One page of a list paged by offsets, as the platform's tokens look ({@code "20"}); an empty token is the first
	 * page, as the SDK sends it.
	 */
	Reply paged(List<ObjectNode> all, String field, @Nullable String size, @Nullable String token, int defaultSize,
			int smallest, int largest) {
		ObjectNode data = page(all, field, size, token, defaultSize, smallest, largest);
		return (data != null) ? success(data) : paramError();
	}

	/** The {@code data} of one page, as {@link #paged} answers it, or {@code null} for a size or token out of range. */
	@Nullable ObjectNode page(List<ObjectNode> all, String field, @Nullable String size, @Nullable String token,
			int defaultSize, int smallest, int largest) {
		int pageSize;
		int offset;
		try {
			pageSize = (size != null) ? Integer.parseInt(size) : defaultSize;
			offset = (token != null && !token.isEmpty()) ? Integer.parseInt(token) : 0;
		}
		catch (NumberFormatException ex) {
			return null;
		}
		if (pageSize < smallest || pageSize > largest || offset < 0) {
			return null;
		}
		ObjectNode data = object();
		ArrayNode items = data.putArray(field);
		all.subList(Math.min(offset, all.size()), Math.min(offset + pageSize, all.size())).forEach(items::add);
		boolean more = offset + pageSize < all.size();
		data.put("has_more", more);
		if (more) {
			data.put("page_token", Integer.toString(offset + pageSize));
		}
		return data;
	}

	String randomHex(int bytes) {
		byte[] value = new byte[bytes];
		this.random.nextBytes(value);
		return HexFormat.of().formatHex(value);
	}

	String randomDigits(int count) {
		StringBuilder digits = new StringBuilder(count);
		digits.append(1 + this.random.nextInt(9));
		while (digits.length() < count) {
			digits.append(this.random.nextInt(10));
		}
		return digits.toString();
	}

	private String newLogId() {
		return LOG_ID_TIME.format(this.clock.instant()) + randomHex(6).toUpperCase();
	}

	/**
	 * An HTTP reply: status, content type, body (or the file to send instead), the log id for {@code X-Tt-Logid}, and
	 * any other headers.
	 */
	record Reply(int status, String contentType, byte[] body, @Nullable Path file, String logId,
			Map<String, String> headers) {

		Reply withHeader(String name, String value) {
			Map<String, String> all = new LinkedHashMap<>(this.headers);
			all.put(name, value);
			return new Reply(this.status, this.contentType, this.body, this.file, this.logId, all);
		}

	}

}
