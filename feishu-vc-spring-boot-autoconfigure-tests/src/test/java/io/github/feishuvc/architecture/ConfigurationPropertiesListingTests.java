package io.github.feishuvc.architecture;

import java.nio.file.Path;
import java.util.TreeMap;

import io.github.feishuvc.support.CommittedFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every configuration property of the starter as the configuration processor describes it to IDEs (its name, type,
 * default and description; not the class that binds it), written down in {@code api/configuration-properties.txt}:
 * moving a property from one properties class to another must change none of them, and any deliberate change shows
 * in review as a diff of that file. Run with {@code -Dfeishuvc.api.update=true} to write it anew.
 */
class ConfigurationPropertiesListingTests {

	@Test
	void shouldDescribeThePropertiesAsCommitted() {
		CommittedFiles.assertCommitted(Path.of("..", "api", "configuration-properties.txt"), listing(),
				"a property's name, type, default or description");
	}

	private static String listing() {
		JsonNode metadata = CommittedFiles.starterMetadata();
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
