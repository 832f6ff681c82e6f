package io.github.feishuvc.architecture;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.feishuvc.support.CommittedFiles;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of the control API's operations in {@code docs/emulator.md}: between its markers, exactly what the
 * emulator's OpenAPI document declares, so the page cannot drift from the server. Run with
 * {@code -Dfeishuvc.api.update=true} to write it anew.
 */
class EmulatorControlPageTests {

	private static final Path PAGE = Path.of("..", "docs", "emulator.md");

	private static final String START = "<!-- generated from the control API's declarations, checked by "
			+ "EmulatorControlPageTests -->";

	private static final String END = "<!-- end of generated -->";

	@Test
	void shouldListEveryOperationOfTheControlApi() throws Exception {
		String page = Files.readString(PAGE);
		int start = page.indexOf(START);
		int end = page.indexOf(END, Math.max(start, 0));
		assertThat(start).as("the page's markers").isNotNegative().isLessThan(end);

		String expected = tables(openApi());
		if (Boolean.getBoolean(CommittedFiles.UPDATE)) {
			Files.writeString(PAGE,
					page.substring(0, start + START.length()) + "\n\n" + expected + "\n\n" + page.substring(end));
		}

		String written = Files.readString(PAGE);
		int writtenStart = written.indexOf(START) + START.length();
		assertThat(written.substring(writtenStart, written.indexOf(END, writtenStart)).strip())
			.as("docs/emulator.md is out of date with the control API (run ./mvnw -B verify -D%s=true to write it); "
					+ "its table must read:%n%s%n", CommittedFiles.UPDATE, expected)
			.isEqualTo(expected);
	}

	private static JsonNode openApi() throws IOException, InterruptedException {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			HttpResponse<String> document = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(emulator.controlUrl() + "/openapi.json")).build(),
						HttpResponse.BodyHandlers.ofString());
			return JsonMapper.builder().build().readTree(document.body());
		}
	}

	/** One table per tag, its operations in their declarations' order. */
	private static String tables(JsonNode document) {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			JsonNode operation = method.getValue();
			String tag = operation.path("tags").get(0).asString();
			rows.computeIfAbsent(tag, (key) -> new ArrayList<>())
				.add("| `" + method.getKey().toUpperCase(java.util.Locale.ROOT) + " /_emulator" + path.getKey() + "` | "
						+ operation.path("summary").asString() + " | " + body(operation) + " |");
		}));
		StringBuilder tables = new StringBuilder();
		rows.forEach((tag, operations) -> {
			if (!tables.isEmpty()) {
				tables.append("\n\n");
			}
			tables.append("**").append(tag).append("**\n\n| Operation | What it does | Body |\n| --- | --- | --- |");
			operations.forEach((row) -> tables.append('\n').append(row));
		});
		return tables.toString();
	}

	/** The body's fields, the optional ones marked. */
	private static String body(JsonNode operation) {
		JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
		List<String> required = new ArrayList<>();
		schema.path("required").forEach((name) -> required.add(name.asString()));
		List<String> fields = new ArrayList<>();
		schema.path("properties").propertyNames()
			.forEach((name) -> fields.add("`" + name + "`" + (required.contains(name) ? "" : " (optional)")));
		return String.join(", ", fields);
	}

}
