package io.github.feishuvc.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.convert.DurationStyle;

/**
 * The control API: the emulator's test hooks over HTTP under {@code /_emulator}, for tests in another process or
 * language. Routes each request to its {@link ControlOperation}, refuses with 400 and a message naming the field what
 * does not match the declaration (a body that is not a JSON object, a field missing, unknown or of another kind),
 * runs the operation off the event loop (the hooks wait for the application's answers to the events they push), and
 * serves the OpenAPI document made from the same declarations at {@code /_emulator/openapi.json}.
 * <p>
 * An operation's failure is answered by its kind: an {@link IllegalArgumentException} (an unknown meeting, a value out
 * of range) 400, a {@link NoSuchElementException} 404, an {@link IllegalStateException} (no event URL yet) 409, any
 * other 500; each with {@code {"error": message}}.
 */
final class ControlApi {

	/** Where the control API answers, on the emulator's own port. */
	static final String PATH = "/_emulator";

	private static final String OPENAPI_PATH = PATH + "/openapi.json";

	/**
	 * The public Java hooks no operation serves, and why: the test that holds the control API to the Java hooks reads
	 * this, and the OpenAPI document lists it ({@code x-java-hooks-not-served}).
	 */
	static final Map<String, String> NOT_SERVED = Map.of("FeishuVcEmulator.start",
			"A process starts the emulator: java -jar feishu-vc-emulator.jar", "FeishuVcEmulator.builder",
			"The command line's options set what the Builder does, one option per setting", "FeishuVcEmulator.close",
			"SIGTERM stops the process, closing the emulator");

	private final JsonMapper mapper;

	private final List<ControlOperation> operations;

	/** Each operation with its path's segments, split once rather than at every request. */
	private final List<Route> routes;

	private final String serverUrl;

	/**
	 * The OpenAPI document, made on its first request: every emulator has the control API, few are asked for its
	 * document, and making it is most of the API's start-up.
	 */
	private volatile byte @Nullable [] openApi;

	ControlApi(JsonMapper mapper, List<ControlOperation> operations, String serverUrl) {
		this.mapper = mapper;
		this.operations = List.copyOf(operations);
		checkDeclarations(this.operations);
		this.routes = this.operations.stream()
			.map((operation) -> new Route(operation, operation.path().split("/", -1)))
			.toList();
		this.serverUrl = serverUrl;
	}

	/** An operation and its declared path's segments. */
	private record Route(ControlOperation operation, String[] segments) {
	}

	/** Whether a request's path is the control API's. */
	static boolean handles(String uri) {
		return uri.equals(PATH) || uri.startsWith(PATH + "/") || uri.startsWith(PATH + "?");
	}

	List<ControlOperation> operations() {
		return this.operations;
	}

	/** Answer a control request: checked at once on the caller's thread, run on a thread that may wait. */
	Mono<ControlAnswer> handle(String method, String uri, byte[] body) {
		QueryStringDecoder decoder = new QueryStringDecoder(uri);
		// Raw: each path parameter is decoded once it is cut out, so that an encoded slash stays in its segment.
		String path = decoder.rawPath();
		if (method.equals("GET") && path.equals(OPENAPI_PATH)) {
			return Mono.just(new ControlAnswer(200, "application/json", openApi(), Map.of()));
		}
		// The API's own root answers with or without its slash, as /_emulator is what the emulator prints.
		String relative = (path.length() > PATH.length()) ? path.substring(PATH.length()) : "/";
		String[] segments = relative.split("/", -1);
		List<ControlOperation> onPath = new ArrayList<>();
		for (Route route : this.routes) {
			ControlOperation operation = route.operation();
			Map<String, String> parameters;
			try {
				parameters = match(route.segments(), segments);
			}
			catch (IllegalArgumentException ex) {
				return Mono.just(error(400, "The path is not URL-encoded as it should be: " + path));
			}
			if (parameters == null) {
				continue;
			}
			if (!operation.method().equals(method)) {
				onPath.add(operation);
				continue;
			}
			ControlRequest request;
			try {
				request = check(operation, parameters, decoder.parameters(), body);
			}
			catch (IllegalArgumentException ex) {
				return Mono.just(error(400, ex.getMessage()));
			}
			return Mono.fromCallable(() -> run(operation, request)).subscribeOn(Schedulers.boundedElastic());
		}
		if (!onPath.isEmpty()) {
			String allowed = onPath.stream().map(ControlOperation::method).collect(Collectors.joining(", "));
			return Mono.just(error(405, method + " " + path + " is not an operation; the path takes " + allowed)
				.withHeader("Allow", allowed));
		}
		return Mono.just(error(404,
				"No control operation at " + method + " " + path + "; every operation is in " + OPENAPI_PATH));
	}

	private byte[] openApi() {
		byte[] document = this.openApi;
		if (document == null) {
			// Made twice at worst, by two first requests at once: the same bytes either way.
			document = ControlOpenApi.document(this.mapper, this.operations, NOT_SERVED, this.serverUrl)
				.toString()
				.getBytes(StandardCharsets.UTF_8);
			this.openApi = document;
		}
		return document;
	}

	private ControlAnswer run(ControlOperation operation, ControlRequest request) {
		try {
			return operation.handler().handle(request);
		}
		catch (IllegalArgumentException ex) {
			return error(400, ex.getMessage());
		}
		catch (NoSuchElementException ex) {
			return error(404, ex.getMessage());
		}
		catch (IllegalStateException ex) {
			return error(409, ex.getMessage());
		}
		catch (RuntimeException ex) {
			// A defect of the emulator's: still an answer the test can read, never a connection closed on it.
			return error(500, ex.toString());
		}
	}

	private ControlAnswer error(int status, @Nullable String message) {
		return ControlAnswer.json(status, this.mapper.createObjectNode()
			.put("error", (message != null) ? message : "The request could not be handled"));
	}

	/**
	 * The path's parameters when a declared path matches, else {@code null}.
	 * @throws IllegalArgumentException if a parameter's percent-encoding is broken
	 */
	private static @Nullable Map<String, String> match(String[] expected, String[] actual) {
		if (expected.length != actual.length) {
			return null;
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		for (int i = 0; i < expected.length; i++) {
			if (expected[i].startsWith("{")) {
				if (actual[i].isEmpty()) {
					return null;
				}
				// A plus is a plus in a path, not the space it is in a form.
				parameters.put(expected[i].substring(1, expected[i].length() - 1),
						URLDecoder.decode(actual[i].replace("+", "%2B"), StandardCharsets.UTF_8));
			}
			else if (!expected[i].equals(actual[i])) {
				return null;
			}
		}
		return parameters;
	}

	private ControlRequest check(ControlOperation operation, Map<String, String> path,
			Map<String, List<String>> query, byte[] body) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (ControlOperation.Field field : operation.query()) {
			List<String> values = query.get(field.name());
			if (values != null && !values.isEmpty()) {
				parameters.put(field.name(), checkQuery(field, values.get(0)));
			}
		}
		for (String name : query.keySet()) {
			if (operation.query().stream().noneMatch((field) -> field.name().equals(name))) {
				throw new IllegalArgumentException("Unknown query parameter '" + name + "'" + known(operation.query()));
			}
		}
		return new ControlRequest(path, parameters, checkBody(operation, body));
	}

	private static String checkQuery(ControlOperation.Field field, String value) {
		boolean valid = switch (field.type()) {
			case BOOLEAN -> value.equals("true") || value.equals("false");
			case INTEGER -> value.matches("-?\\d{1,9}");
			default -> true;
		};
		if (!valid) {
			throw new IllegalArgumentException(
					"Query parameter '" + field.name() + "' must be " + field.type().described() + ", not " + value);
		}
		return value;
	}

	private ObjectNode checkBody(ControlOperation operation, byte[] body) {
		if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
			ControlOperation.Field missing = operation.body().stream()
				.filter(ControlOperation.Field::required)
				.findFirst()
				.orElse(null);
			if (missing != null) {
				throw new IllegalArgumentException("The body must be a JSON object with '" + missing.name() + "' ("
						+ missing.type().described() + ")");
			}
			return this.mapper.createObjectNode();
		}
		if (operation.body().isEmpty()) {
			throw new IllegalArgumentException(operation.method() + " " + PATH + operation.path() + " takes no body");
		}
		JsonNode parsed;
		try {
			parsed = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The body is not JSON: " + ex.getOriginalMessage());
		}
		if (!(parsed instanceof ObjectNode object)) {
			throw new IllegalArgumentException("The body must be a JSON object");
		}
		for (Iterator<String> names = object.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			if (operation.body().stream().noneMatch((field) -> field.name().equals(name))) {
				throw new IllegalArgumentException("Unknown field '" + name + "'" + known(operation.body()));
			}
		}
		for (ControlOperation.Field field : operation.body()) {
			JsonNode value = object.get(field.name());
			if (value == null || value.isNull()) {
				if (field.required()) {
					throw new IllegalArgumentException(
							"Field '" + field.name() + "' is required: " + field.type().described());
				}
				continue;
			}
			if (!field.type().accepts(value) || !parses(field.type(), value)) {
				throw new IllegalArgumentException(
						"Field '" + field.name() + "' must be " + field.type().described() + ", not " + value);
			}
		}
		return object;
	}

	private static boolean parses(ControlOperation.Type type, JsonNode value) {
		try {
			if (type == ControlOperation.Type.INSTANT) {
				Instant.parse(value.asString());
			}
			else if (type == ControlOperation.Type.DURATION) {
				DurationStyle.detectAndParse(value.asString());
			}
			return true;
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			return false;
		}
	}

	private static String known(List<ControlOperation.Field> fields) {
		return fields.isEmpty() ? "; it takes none"
				: "; it takes " + fields.stream().map(ControlOperation.Field::name).collect(Collectors.joining(", "));
	}

	/** One operation per id and per method and path: two would make the router's choice, and the document, a guess. */
	private static void checkDeclarations(List<ControlOperation> operations) {
		Map<String, ControlOperation> ids = new LinkedHashMap<>();
		Map<String, ControlOperation> routes = new LinkedHashMap<>();
		for (ControlOperation operation : operations) {
			if (ids.put(operation.id(), operation) != null) {
				throw new IllegalStateException("Two control operations are called " + operation.id());
			}
			String route = operation.method() + " " + operation.path().replaceAll("\\{[^}]+}", "{}");
			if (routes.put(route, operation) != null) {
				throw new IllegalStateException("Two control operations answer " + route);
			}
		}
	}

	/** The JSON array of strings, for answers. */
	static ArrayNode strings(JsonMapper mapper, List<String> values) {
		ArrayNode array = mapper.createArrayNode();
		values.forEach(array::add);
		return array;
	}

}
