package io.github.feishuvc.test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What a control operation answers: a status, a content type and a body.
 *
 * @param status the HTTP status
 * @param contentType the content type, empty with no body
 * @param body the body
 * @param headers any other headers, such as a 405's {@code Allow}
 */
record ControlAnswer(int status, String contentType, byte[] body, Map<String, String> headers) {

	private static final String JSON = "application/json";

	/** Nothing to say: 204. */
	static ControlAnswer done() {
		return new ControlAnswer(204, "", new byte[0], Map.of());
	}

	static ControlAnswer json(JsonNode body) {
		return json(200, body);
	}

	static ControlAnswer json(int status, JsonNode body) {
		return new ControlAnswer(status, JSON, body.toString().getBytes(StandardCharsets.UTF_8), Map.of());
	}

	/** The same answer with one more header. */
	ControlAnswer withHeader(String name, String value) {
		Map<String, String> all = new LinkedHashMap<>(this.headers);
		all.put(name, value);
		return new ControlAnswer(this.status, this.contentType, this.body, Map.copyOf(all));
	}

	static ControlAnswer text(String contentType, String text) {
		return new ControlAnswer(200, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
	}

}
