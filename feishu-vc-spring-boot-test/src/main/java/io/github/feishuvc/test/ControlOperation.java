package io.github.feishuvc.test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

/**
 * One operation of the control API, declared once: its method and path under {@code /_emulator}, what it takes, what
 * it answers, the Java hooks of the emulator it serves, and what it does. The router, the checks of each request and
 * the OpenAPI document are all made from these declarations.
 *
 * @param method the HTTP method
 * @param path the path under {@code /_emulator}, path parameters in braces ({@code /meetings/{meetingId}/end})
 * @param id the operation's id in the OpenAPI document
 * @param summary what it does, one line
 * @param query the query parameters it reads
 * @param body the fields of the JSON object it takes, empty when it takes no body
 * @param answer what a success answers: its status and fields
 * @param hooks the public Java methods it serves ({@code EmulatorMeetings.join}), for the check that every hook has
 * its operation
 * @param handler what it does
 */
record ControlOperation(String method, String path, String id, String summary, List<Field> query, List<Field> body,
		Answer answer, List<String> hooks, Handler handler) {

	/** Start a declaration: the method, path, id and summary. */
	static Builder of(String method, String path, String id, String summary) {
		return new Builder(method, path, id, summary);
	}

	/** The names of the path's parameters, in order. */
	List<String> pathParameters() {
		List<String> names = new ArrayList<>();
		for (String segment : this.path.split("/")) {
			if (segment.startsWith("{")) {
				names.add(segment.substring(1, segment.length() - 1));
			}
		}
		return names;
	}

	/** What an operation does with a request whose parameters and body were checked against its declaration. */
	@FunctionalInterface
	interface Handler {

		/** Act on the emulator and say what to answer. */
		ControlAnswer handle(ControlRequest request);

	}

	/** The kinds of value a field or parameter takes, as JSON and OpenAPI name them. */
	enum Type {

		STRING("string"), STRING_OR_NULL("string"), INTEGER("integer"), NUMBER("number"), BOOLEAN("boolean"), STRINGS("array"),
		OBJECT("object"), OBJECTS("array"), INSTANT("string"), DURATION("string");

		final String json;

		Type(String json) {
			this.json = json;
		}

		/** Whether a JSON value is of this kind. */
		boolean accepts(JsonNode value) {
			return switch (this) {
				case STRING, INSTANT, DURATION -> value.isString();
				case STRING_OR_NULL -> value.isString() || value.isNull();
				case INTEGER -> value.isIntegralNumber() && value.canConvertToInt();
				case NUMBER -> value.isNumber();
				case BOOLEAN -> value.isBoolean();
				case STRINGS -> value.isArray() && value.valueStream().allMatch(JsonNode::isString);
				case OBJECT -> value.isObject();
				case OBJECTS -> value.isArray() && value.valueStream().allMatch(JsonNode::isObject);
			};
		}

		/** What a value of this kind is, for a refusal's message. */
		String described() {
			return switch (this) {
				case STRING -> "a string";
				case STRING_OR_NULL -> "a string or null";
				case INTEGER -> "a whole number";
				case NUMBER -> "a number";
				case BOOLEAN -> "true or false";
				case STRINGS -> "an array of strings";
				case OBJECT -> "a JSON object";
				case OBJECTS -> "an array of JSON objects";
				case INSTANT -> "an ISO-8601 instant such as 2026-12-06T09:00:00Z";
				case DURATION -> "a duration such as 500ms, 2s, 5m or PT1H";
			};
		}

	}

	/**
	 * A field of a body or a query parameter.
	 *
	 * @param name its name
	 * @param type its kind
	 * @param required whether a request must have it
	 * @param description what it is
	 */
	record Field(String name, Type type, boolean required, String description) {
	}

	/**
	 * What a success answers.
	 *
	 * @param status the HTTP status: 200 with a JSON object, 204 with nothing
	 * @param description what the answer holds
	 * @param fields its fields, for a JSON object
	 * @param contentType its content type
	 */
	record Answer(int status, String description, List<Field> fields, String contentType) {
	}

	/** A declaration being made. */
	static final class Builder {

		private final String method;

		private final String path;

		private final String id;

		private final String summary;

		private final List<Field> query = new ArrayList<>();

		private final List<Field> body = new ArrayList<>();

		private final List<String> hooks = new ArrayList<>();

		private Answer answer = new Answer(204, "Done", List.of(), "");

		private Builder(String method, String path, String id, String summary) {
			this.method = method;
			this.path = path;
			this.id = id;
			this.summary = summary;
		}

		/** A required field of the body. */
		Builder field(String name, Type type, String description) {
			this.body.add(new Field(name, type, true, description));
			return this;
		}

		/** An optional field of the body. */
		Builder optional(String name, Type type, String description) {
			this.body.add(new Field(name, type, false, description));
			return this;
		}

		/** An optional query parameter. */
		Builder query(String name, Type type, String description) {
			this.query.add(new Field(name, type, false, description));
			return this;
		}

		/** A JSON object answered with 200, and its fields (name, kind, description, in threes). */
		Builder answers(String description, Object... fields) {
			List<Field> declared = new ArrayList<>();
			for (int i = 0; i < fields.length; i += 3) {
				declared.add(new Field((String) fields[i], (Type) fields[i + 1], true, (String) fields[i + 2]));
			}
			this.answer = new Answer(200, description, List.copyOf(declared), "application/json");
			return this;
		}

		/** Text answered with 200. */
		Builder answersText(String description, String contentType) {
			this.answer = new Answer(200, description, List.of(), contentType);
			return this;
		}

		/** The Java hooks it serves, such as {@code EmulatorMeetings.join}. */
		Builder serves(String... hooks) {
			this.hooks.addAll(List.of(hooks));
			return this;
		}

		/** An operation that acts and has nothing to say: 204. */
		ControlOperation runs(Consumer<ControlRequest> action) {
			return does((request) -> {
				action.accept(request);
				return ControlAnswer.done();
			});
		}

		ControlOperation does(Handler handler) {
			return new ControlOperation(this.method, this.path, this.id, this.summary, List.copyOf(this.query),
					List.copyOf(this.body), this.answer, List.copyOf(this.hooks), handler);
		}

	}

}
