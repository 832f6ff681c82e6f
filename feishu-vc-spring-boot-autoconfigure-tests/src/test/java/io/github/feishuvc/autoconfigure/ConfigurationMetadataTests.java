package io.github.feishuvc.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IDE metadata the configuration processor generates: every {@code feishu.vc.*} property described, the hints
 * present, and the configuration page's hand-written table in step with it, every property with its default (the
 * generated reference is {@link PropertyReferenceTests}'s).
 */
class ConfigurationMetadataTests {

	private final JsonNode metadata = read("META-INF/spring-configuration-metadata.json");

	@Test
	void shouldDescribeEveryProperty() {
		List<String> undescribed = new ArrayList<>();
		for (JsonNode property : this.metadata.path("properties")) {
			String name = property.path("name").asString();
			if (name.startsWith("feishu.vc.") && property.path("description").asString("").isBlank()) {
				undescribed.add(name);
			}
		}
		assertThat(feishuProperties()).hasSizeGreaterThan(20);
		assertThat(undescribed).as("properties without a description").isEmpty();
	}

	@Test
	void shouldHintTheUserIdTypesAndBaseUrls() {
		assertThat(hintValues("feishu.vc.user-id-type")).containsExactly("open_id", "union_id", "user_id");
		assertThat(hintValues("feishu.vc.base-url")).containsExactly("https://open.feishu.cn",
				"https://open.larksuite.com");
		assertThat(propertyNames()).contains("management.health.feishu-vc.enabled");
	}

	@Test
	void shouldListEveryPropertyWithItsDefaultInTheConfigurationPage() throws IOException {
		String page = Files.readString(Path.of("..", "docs", "configuration.md"));
		Map<String, String> documented = new TreeMap<>();
		Matcher row = Pattern.compile("(?m)^\\| `([a-z][a-z.-]+)` \\|(.*)\\|$").matcher(page);
		while (row.find()) {
			String rest = row.group(2);
			documented.put(row.group(1), rest.substring(rest.lastIndexOf('|') + 1).strip().replace("`", ""));
		}
		Map<String, String> defaults = new TreeMap<>();
		for (JsonNode property : this.metadata.path("properties")) {
			JsonNode value = property.path("defaultValue");
			defaults.put(property.path("name").asString(),
					value.isMissingNode() ? "" : value.isString() ? value.asString() : value.toString());
		}
		assertThat(documented).isEqualTo(defaults);
	}

	private Set<String> feishuProperties() {
		Set<String> names = new TreeSet<>(propertyNames());
		names.removeIf((name) -> !name.startsWith("feishu.vc."));
		return names;
	}

	private List<String> propertyNames() {
		List<String> names = new ArrayList<>();
		this.metadata.path("properties").forEach((property) -> names.add(property.path("name").asString()));
		return names;
	}

	private List<String> hintValues(String name) {
		List<String> values = new ArrayList<>();
		for (JsonNode hint : this.metadata.path("hints")) {
			if (hint.path("name").asString().equals(name)) {
				hint.path("values").forEach((value) -> values.add(value.path("value").asString()));
			}
		}
		return values;
	}

	private static JsonNode read(String resource) {
		try (InputStream in = ConfigurationMetadataTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return JsonMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
