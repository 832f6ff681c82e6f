package io.github.feishuvc.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every configuration property of the starter as the configuration processor describes it to IDEs (its name, type,
 * default and description; not the class that binds it), written down in {@code api/configuration-properties.txt}:
 * moving a property from one properties class to another must change none of them, and any deliberate change shows
 * in review as a diff of that file. Run with {@code -Dfeishuvc.api.update=true} to write it anew.
 */
class ConfigurationPropertiesListingTests {

	@Test
	void shouldDescribeThePropertiesAsCommitted() throws IOException {
		String listing = listing();
		Path committed = Path.of("..", "api", "configuration-properties.txt");
		if (Boolean.getBoolean("feishuvc.api.update")) {
			Files.createDirectories(committed.getParent());
			Files.writeString(committed, listing, StandardCharsets.UTF_8);
		}
		assertThat(committed).exists();
		assertThat(Files.readString(committed, StandardCharsets.UTF_8))
			.as("a property's name, type, default or description changed: if deliberate, run ./mvnw -B verify "
					+ "-Dfeishuvc.api.update=true and commit %s", committed)
			.isEqualTo(listing);
	}

	private static String listing() throws IOException {
		JsonNode metadata = null;
		Enumeration<URL> found = ConfigurationPropertiesListingTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		while (found.hasMoreElements()) {
			URL url = found.nextElement();
			// The autoconfigure module's own, as a directory of the build or its jar; not Spring Boot's.
			if (url.toString().matches(".*/feishu-vc-spring-boot-autoconfigure(/|-[0-9]).*")) {
				try (InputStream in = url.openStream()) {
					metadata = JsonMapper.builder().build().readTree(in);
				}
			}
		}
		assertThat(metadata).as("the autoconfigure module's generated metadata").isNotNull();
		TreeMap<String, String> properties = new TreeMap<>();
		for (JsonNode property : metadata.path("properties")) {
			String name = property.path("name").asString();
			StringBuilder line = new StringBuilder(name).append('\n')
				.append("  type: ").append(property.path("type").asString("")).append('\n');
			if (property.has("defaultValue")) {
				line.append("  default: ").append(property.path("defaultValue").toString()).append('\n');
			}
			if (property.has("deprecation")) {
				line.append("  deprecation: ").append(property.path("deprecation").toString()).append('\n');
			}
			line.append("  description: ").append(property.path("description").asString("")).append('\n');
			properties.put(name, line.toString());
		}
		return String.join("\n", properties.values());
	}

}
