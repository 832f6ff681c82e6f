package io.github.feishuvc.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.convert.DurationStyle;

/**
 * A control request whose path, query and body were checked against its operation's declaration: the accessors read
 * fields the declaration has, of the kind it says, so a handler never parses.
 *
 * @param path the path's parameters, decoded
 * @param query the query's parameters, first value of each
 * @param body the body's JSON object, empty when none was sent
 */
record ControlRequest(Map<String, String> path, Map<String, String> query, ObjectNode body) {

	/** A path parameter. */
	String pathParameter(String name) {
		return this.path.get(name);
	}

	/** A query parameter, or {@code null}. */
	@Nullable String queryParameter(String name) {
		return this.query.get(name);
	}

	/** Whether the body has a field. */
	boolean has(String name) {
		JsonNode value = this.body.get(name);
		return value != null && !value.isNull();
	}

	/** A string field of the body (required ones are there once the request was checked). */
	String string(String name) {
		return this.body.path(name).asString();
	}

	int integer(String name) {
		return this.body.path(name).asInt();
	}

	double number(String name) {
		return this.body.path(name).asDouble();
	}

	boolean bool(String name) {
		return this.body.path(name).asBoolean();
	}

	/** An array of strings of the body, empty when it is not there. */
	List<String> strings(String name) {
		List<String> values = new ArrayList<>();
		this.body.path(name).forEach((value) -> values.add(value.asString()));
		return values;
	}

	/** A JSON object of the body, as text. */
	String json(String name) {
		return this.body.path(name).toString();
	}

	/** An instant of the body (its form was checked). */
	Instant instant(String name) {
		return Instant.parse(string(name));
	}

	/** A duration of the body (its form was checked). */
	Duration duration(String name) {
		return DurationStyle.detectAndParse(string(name));
	}

}
