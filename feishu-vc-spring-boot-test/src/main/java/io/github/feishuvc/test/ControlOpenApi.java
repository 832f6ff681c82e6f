package io.github.feishuvc.test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The control API's OpenAPI 3.1 document, made from the operations' declarations (so it cannot tell another story
 * than the router): each operation's path and query parameters, its body's schema (required fields, no others), its
 * answer, the refusals it may give, and in {@code x-java-hooks} the Java methods it serves.
 */
final class ControlOpenApi {

	private ControlOpenApi() {
	}

	static ObjectNode document(JsonMapper mapper, List<ControlOperation> operations, Map<String, String> notServed,
			String serverUrl) {
		ObjectNode document = mapper.createObjectNode().put("openapi", "3.1.0");
		document.putObject("info")
			.put("title", "Feishu VC emulator: control API")
			.put("version", "1")
			.put("description", "The emulator's test hooks over HTTP: drive meetings, push events, inject faults, "
					+ "read what the application sent. The emulated platform itself answers the Feishu open "
					+ "platform's own paths (/open-apis/...) on the same port.");
		document.putArray("servers").addObject().put("url", serverUrl);
		ObjectNode reasons = document.putObject("x-java-hooks-not-served");
		notServed.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((entry) -> reasons.put(entry.getKey(), entry.getValue()));
		ObjectNode paths = document.putObject("paths");
		for (ControlOperation operation : operations) {
			ObjectNode path = paths.has(operation.path()) ? (ObjectNode) paths.get(operation.path())
					: paths.putObject(operation.path());
			path.set(operation.method().toLowerCase(Locale.ROOT), operation(mapper, operation));
		}
		ObjectNode error = document.putObject("components").putObject("schemas").putObject("Error");
		error.put("type", "object").putArray("required").add("error");
		error.putObject("properties").putObject("error").put("type", "string").put("description",
				"What is wrong, naming the field or the id");
		return document;
	}

	private static ObjectNode operation(JsonMapper mapper, ControlOperation operation) {
		ObjectNode node = mapper.createObjectNode()
			.put("operationId", operation.id())
			.put("summary", operation.summary());
		node.putArray("tags").add(tag(operation.path()));
		ArrayNode parameters = mapper.createArrayNode();
		for (String name : operation.pathParameters()) {
			ObjectNode parameter = parameters.addObject().put("name", name).put("in", "path").put("required", true);
			parameter.putObject("schema").put("type", "string");
		}
		for (ControlOperation.Field field : operation.query()) {
			ObjectNode parameter = parameters.addObject()
				.put("name", field.name())
				.put("in", "query")
				.put("required", false)
				.put("description", field.description());
			parameter.set("schema", schema(mapper, field.type()));
		}
		if (!parameters.isEmpty()) {
			node.set("parameters", parameters);
		}
		if (!operation.body().isEmpty()) {
			ObjectNode body = node.putObject("requestBody")
				.put("required", operation.body().stream().anyMatch(ControlOperation.Field::required));
			body.putObject("content").putObject("application/json").set("schema", object(mapper, operation.body()));
		}
		ObjectNode responses = node.putObject("responses");
		ControlOperation.Answer answer = operation.answer();
		ObjectNode success = responses.putObject(Integer.toString(answer.status()))
			.put("description", answer.description());
		if (answer.status() == 200) {
			ObjectNode content = success.putObject("content").putObject(answer.contentType());
			content.set("schema", answer.contentType().equals("application/json") ? object(mapper, answer.fields())
					: mapper.createObjectNode().put("type", "string"));
		}
		refusal(responses, "400", "The request does not match this operation (the message names the field), or the "
				+ "emulator refused its values");
		refusal(responses, "404", "No such reservation, meeting, minute or other id");
		refusal(responses, "409", "The emulator cannot do it now, such as pushing an event with nowhere to go");
		ArrayNode hooks = node.putArray("x-java-hooks");
		operation.hooks().forEach(hooks::add);
		return node;
	}

	/** The group an operation is listed in: its path's first segment, the few that share a concern together. */
	private static String tag(String path) {
		String[] segments = path.split("/");
		String first = (segments.length > 1) ? segments[1] : "";
		return switch (first) {
			case "", "reset", "state", "clock" -> "emulator";
			case "users", "sign-in", "tokens", "user-tokens", "refresh-tokens" -> "users and tokens";
			case "rate-limits", "requests", "faults" -> "requests, limits and faults";
			case "audio-recordings" -> "audio recordings";
			case "long-connections" -> "long connections";
			default -> first;
		};
	}

	private static void refusal(ObjectNode responses, String status, String description) {
		responses.putObject(status)
			.put("description", description)
			.putObject("content")
			.putObject("application/json")
			.putObject("schema")
			.put("$ref", "#/components/schemas/Error");
	}

	private static ObjectNode object(JsonMapper mapper, List<ControlOperation.Field> fields) {
		ObjectNode schema = mapper.createObjectNode().put("type", "object").put("additionalProperties", false);
		ArrayNode required = mapper.createArrayNode();
		ObjectNode properties = schema.putObject("properties");
		for (ControlOperation.Field field : fields) {
			ObjectNode property = schema(mapper, field.type()).put("description", field.description());
			properties.set(field.name(), property);
			if (field.required()) {
				required.add(field.name());
			}
		}
		if (!required.isEmpty()) {
			schema.set("required", required);
		}
		return schema;
	}

	private static ObjectNode schema(JsonMapper mapper, ControlOperation.Type type) {
		ObjectNode schema = mapper.createObjectNode();
		if (type == ControlOperation.Type.STRING_OR_NULL) {
			schema.putArray("type").add("string").add("null");
		}
		else {
			schema.put("type", type.json);
		}
		switch (type) {
			case STRINGS -> schema.putObject("items").put("type", "string");
			case OBJECTS -> schema.putObject("items").put("type", "object");
			case INSTANT -> schema.put("format", "date-time");
			case DURATION -> schema.putArray("examples").add("500ms").add("PT1H");
			default -> {
			}
		}
		return schema;
	}

}
