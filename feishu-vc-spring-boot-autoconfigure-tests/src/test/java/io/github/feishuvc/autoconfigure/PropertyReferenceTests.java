package io.github.feishuvc.autoconfigure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.feishuvc.support.CommittedFiles;
import io.github.feishuvc.support.TestFeishu;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property reference ({@code docs/properties.md}) and the annotated {@code docs/application.yml}, both made from
 * the configuration metadata the annotation processor writes (the properties' javadoc, their types and defaults, the
 * additional metadata merged in): each is made anew here and compared with the committed file, which
 * {@code -Dfeishuvc.api.update=true} rewrites. The {@code application.yml} is also bound with the starter's
 * auto-configurations, to prove that it binds and that the defaults it shows are the defaults.
 */
class PropertyReferenceTests {

	private static final Path PROPERTIES_PAGE = Path.of("..", "docs", "properties.md");

	private static final Path APPLICATION_YML = Path.of("..", "docs", "application.yml");

	private static final int WIDTH = 120;

	/**
	 * The properties every app must set, which have no default: placeholders of environment variables, as the README
	 * shows them. Every other property without a default is left commented out, so that the file binds to the
	 * defaults.
	 */
	private static final List<String> CREDENTIALS = List.of("feishu.vc.app-id", "feishu.vc.app-secret");

	private final List<JsonNode> properties = properties();

	@Test
	void shouldDescribeEveryPropertyInTheReferenceAsGenerated() {
		CommittedFiles.assertCommitted(PROPERTIES_PAGE, propertiesPage(), "the property reference");
	}

	@Test
	void shouldShowEveryPropertyInTheApplicationYmlAsGenerated() {
		CommittedFiles.assertCommitted(APPLICATION_YML, applicationYml(), "the annotated application.yml");
	}

	@Test
	void shouldBindTheApplicationYmlToTheDefaults() throws Exception {
		List<PropertySource<?>> yml = new YamlPropertySourceLoader().load("application.yml",
				new FileSystemResource(APPLICATION_YML));
		ConfigurationPropertySource source = ConfigurationPropertySources.from(yml.get(0)).iterator().next();
		assertThat(this.properties).filteredOn((property) -> property.has("defaultValue"))
			.allSatisfy((property) -> assertThat(
					source.getConfigurationProperty(ConfigurationPropertyName.of(property.path("name").asString())))
				.as(property.path("name").asString())
				.isNotNull());
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FeishuVcAutoConfiguration.class,
					FeishuVcHealthContributorAutoConfiguration.class, FeishuVcEventsAutoConfiguration.class,
					FeishuVcLongConnectionAutoConfiguration.class, FeishuVcRedisAutoConfiguration.class,
					FeishuVcOAuth2ClientAutoConfiguration.class, FeishuVcUserTokensAutoConfiguration.class,
					FeishuVcEventSecurityAutoConfiguration.class, JacksonAutoConfiguration.class))
			.withConfiguration(TestFeishu.BOOT_WEB_CLIENT)
			.withPropertyValues(TestFeishu.FAST_SHUTDOWN);
		Map<String, Object> defaults = new TreeMap<>();
		runner.withPropertyValues("feishu.vc.app-id=cli_test", "feishu.vc.app-secret=test-secret").run((context) -> {
			assertThat(context).hasNotFailed();
			defaults.putAll(boundProperties(context));
		});
		runner.withPropertyValues("FEISHU_VC_APP_ID=cli_test", "FEISHU_VC_APP_SECRET=test-secret")
			.withInitializer((context) -> context.getEnvironment().getPropertySources().addLast(yml.get(0)))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getEnvironment().getProperty("feishu.vc.rate-limit.per-second")).isNotNull();
				assertThat(boundProperties(context)).isEqualTo(defaults).hasSizeGreaterThan(40);
			});
	}

	@Test
	void shouldNameTheEnvironmentVariablesThatSpringBootBinds() {
		for (JsonNode property : this.properties) {
			String name = property.path("name").asString();
			String type = property.path("type").asString();
			String variable = environmentVariable(name, type);
			// The form the page shows, and the one with each dash as an underscore that its introduction mentions.
			for (String form : List.of(variable, environmentVariable(name.replace('-', '_'), type))) {
				SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource("systemEnvironment",
						Map.of(form, "x"));
				ConfigurationPropertyName bound = ConfigurationPropertyName.of(isList(type) ? name + "[0]" : name);
				ConfigurationPropertySource source = ConfigurationPropertySources.from(environment).iterator().next();
				assertThat(source.getConfigurationProperty(bound)).as("%s from %s", name, form).isNotNull();
			}
		}
	}

	private String propertiesPage() {
		StringBuilder page = new StringBuilder("""
				# Property reference

				Every property of the starter: its type, its default, the environment variable that sets it, and what
				it does. Generated from the configuration metadata (the same descriptions your IDE shows): do not edit
				it by hand. [Configuration](configuration.md) explains the properties by theme, and
				[`application.yml`](application.yml) lists them all with their defaults, ready to copy. Spring Boot
				also binds the environment variable with each dash written as an underscore (`FEISHU_VC_APP_ID` for
				`feishu.vc.app-id`).

				""");
		Map<String, List<JsonNode>> sections = new TreeMap<>();
		List<String> groups = new ArrayList<>();
		CommittedFiles.starterMetadata().path("groups").forEach((group) -> groups.add(group.path("name").asString()));
		for (JsonNode property : this.properties) {
			String name = property.path("name").asString();
			String section = groups.stream()
				.filter((group) -> name.startsWith(group + "."))
				.max(Comparator.comparingInt(String::length))
				.orElse(name.substring(0, name.lastIndexOf('.')));
			sections.computeIfAbsent(section, (key) -> new ArrayList<>()).add(property);
		}
		sections.forEach((section, rows) -> {
			page.append("## `").append(section).append("`\n\n");
			page.append("| Property | Type | Default | Environment variable | Description |\n");
			page.append("| --- | --- | --- | --- | --- |\n");
			for (JsonNode property : rows) {
				String name = property.path("name").asString();
				String type = property.path("type").asString();
				page.append("| `").append(name).append("` | ").append(typeOf(name, type)).append(" | ");
				if (property.has("defaultValue")) {
					page.append('`').append(scalar(property.path("defaultValue"))).append('`');
				}
				page.append(" | `").append(environmentVariable(name, type)).append("` | ")
					.append(markdown(property.path("description").asString())).append(" |\n");
			}
			page.append('\n');
		});
		return page.toString().stripTrailing() + "\n";
	}

	private String applicationYml() {
		StringBuilder yml = new StringBuilder();
		comment(yml, "", "Every property of feishu-vc-spring-boot with its default, generated from the configuration "
				+ "metadata (docs/properties.md has their types and environment variables). Copy what you change; "
				+ "a property commented out has no default.");
		List<String> open = List.of();
		for (JsonNode property : this.properties) {
			String name = property.path("name").asString();
			List<String> path = Arrays.asList(name.split("\\."));
			List<String> parents = path.subList(0, path.size() - 1);
			int common = 0;
			while (common < Math.min(open.size(), parents.size()) && open.get(common).equals(parents.get(common))) {
				common++;
			}
			yml.append('\n');
			for (int depth = common; depth < parents.size(); depth++) {
				yml.append("  ".repeat(depth)).append(parents.get(depth)).append(":\n");
			}
			String indent = "  ".repeat(parents.size());
			String key = path.get(path.size() - 1) + ":";
			comment(yml, indent, property.path("description").asString());
			if (property.has("defaultValue")) {
				yml.append(indent).append(key).append(' ').append(yamlValue(property.path("defaultValue")));
			}
			else if (CREDENTIALS.contains(name)) {
				yml.append(indent).append(key).append(" ${").append(name.replace('.', '_').replace('-', '_')
					.toUpperCase(Locale.ROOT)).append('}');
			}
			else {
				yml.append(indent).append("# ").append(key);
			}
			yml.append('\n');
			open = parents;
		}
		return yml.toString();
	}

	/** The starter's properties, as nested keys sort: each prefix's keys together. */
	private static List<JsonNode> properties() {
		List<JsonNode> properties = new ArrayList<>();
		CommittedFiles.starterMetadata().path("properties").forEach(properties::add);
		properties.sort(Comparator.comparing((property) -> property.path("name").asString().replace('.', '\0')));
		assertThat(properties).hasSizeGreaterThan(40);
		return properties;
	}

	/** A simple name, or for an enum the values it takes, as Spring Boot's relaxed binding spells them. */
	private static String typeOf(String name, String type) {
		List<String> values = new ArrayList<>();
		CommittedFiles.starterMetadata().path("hints").forEach((hint) -> {
			if (hint.path("name").asString().equals(name) && !enumType(type).isEmpty()) {
				hint.path("values").forEach((value) -> values.add(value.path("value").asString()));
			}
		});
		if (values.isEmpty()) {
			values.addAll(enumType(type));
		}
		if (!values.isEmpty()) {
			return values.stream().map((value) -> "`" + value + "`").collect(Collectors.joining(", "));
		}
		return type.replaceAll("\\b[a-z][a-z0-9]*\\.", "").replace('$', '.').replace("<", "&lt;");
	}

	private static List<String> enumType(String type) {
		try {
			Class<?> found = Class.forName(type, false, PropertyReferenceTests.class.getClassLoader());
			if (!found.isEnum()) {
				return List.of();
			}
			return Arrays.stream(found.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
				.toList();
		}
		catch (ClassNotFoundException ex) {
			return List.of();
		}
	}

	/**
	 * The environment variable of a property by Spring Boot's relaxed binding: dots as underscores, dashes dropped,
	 * upper case, and a list's first index as {@code _0}.
	 */
	private static String environmentVariable(String name, String type) {
		return name.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT) + (isList(type) ? "_0" : "");
	}

	private static boolean isList(String type) {
		return type.startsWith("java.util.List<") || type.startsWith("java.util.Set<") || type.endsWith("[]");
	}

	private static String scalar(JsonNode value) {
		return value.isString() ? value.asString() : value.toString();
	}

	private static String yamlValue(JsonNode value) {
		String text = scalar(value);
		boolean plain = !value.isString() || (text.matches("[A-Za-z0-9_/][A-Za-z0-9._/-]*")
				&& !text.matches("(?i)true|false|yes|no|on|off|null|~|[0-9.]+"));
		return plain ? text : '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

	private static String markdown(String text) {
		return text.replace("|", "\\|").replace("*", "\\*").replace("<", "&lt;");
	}

	/** A description as YAML comments, wrapped. */
	private static void comment(StringBuilder yml, String indent, String text) {
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			if (!line.isEmpty() && indent.length() + 2 + line.length() + 1 + word.length() > WIDTH) {
				yml.append(indent).append("# ").append(line).append('\n');
				line.setLength(0);
			}
			line.append(line.isEmpty() ? "" : " ").append(word);
		}
		yml.append(indent).append("# ").append(line).append('\n');
	}

	/** Every value the starter's properties classes hold, by the getter's path. */
	private static Map<String, Object> boundProperties(ApplicationContext context) {
		Map<String, Object> values = new TreeMap<>();
		context.getBeansWithAnnotation(ConfigurationProperties.class).forEach((name, bean) -> {
			if (bean.getClass().getPackageName().startsWith("io.github.feishuvc")) {
				collect(bean.getClass().getSimpleName(), bean, values);
			}
		});
		return values;
	}

	private static void collect(String path, Object bean, Map<String, Object> values) {
		for (Method getter : bean.getClass().getMethods()) {
			if (getter.getParameterCount() > 0 || Modifier.isStatic(getter.getModifiers())
					|| getter.getDeclaringClass() == Object.class
					|| !getter.getName().matches("(get|is)[A-Z].*")) {
				continue;
			}
			try {
				Object value = getter.invoke(bean);
				if (value != null && value.getClass().getPackageName().startsWith("io.github.feishuvc")
						&& !value.getClass().isEnum()) {
					collect(path + "." + getter.getName(), value, values);
				}
				else {
					values.put(path + "." + getter.getName(), String.valueOf(value));
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

}
