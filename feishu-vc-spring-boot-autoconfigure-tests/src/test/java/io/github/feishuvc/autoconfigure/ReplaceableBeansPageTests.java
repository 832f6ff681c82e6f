package io.github.feishuvc.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration page's "Your own beans" names every bean the starter's auto-configurations make only when the
 * application has none ({@code @ConditionalOnMissingBean}): by the type or the bean name the condition looks for, or
 * the bean's own type or name. Read from the compiled auto-configurations (those the imports file lists, their
 * nested and imported configurations), so that a new bean that backs off fails this test until the page says so.
 */
class ReplaceableBeansPageTests {

	private static final Path PAGE = Path.of("..", "docs", "configuration.md");

	private static final String SECTION = "## Your own beans";

	@Test
	void shouldNameEveryBeanThatBacksOff() throws IOException {
		String page = Files.readString(PAGE);
		int start = page.indexOf("\n" + SECTION + "\n");
		assertThat(start).as("%s in %s", SECTION, PAGE).isPositive();
		int end = page.indexOf("\n## ", start + 1);
		String section = page.substring(start, (end < 0) ? page.length() : end);
		List<String> unnamed = new ArrayList<>();
		int beans = 0;
		for (Set<String> names : beansThatBackOff()) {
			beans++;
			if (names.stream().noneMatch((name) -> section.contains("`" + name + "`"))) {
				unnamed.add(String.join(" or ", names));
			}
		}
		assertThat(beans).isGreaterThan(30);
		assertThat(unnamed).as("beans that back off and that %s does not name", PAGE).isEmpty();
	}

	/** For each such bean, the names the page may give it: what its condition looks for, its type, its name. */
	private static List<Set<String>> beansThatBackOff() throws IOException {
		MetadataReaderFactory readers = new SimpleMetadataReaderFactory();
		Deque<String> configurations = new ArrayDeque<>();
		String imports = new ClassPathResource(
				"META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")
			.getContentAsString(StandardCharsets.UTF_8);
		imports.lines().map(String::strip).filter((line) -> line.startsWith("io.github.feishuvc.")).forEach(
				configurations::add);
		assertThat(configurations).hasSizeGreaterThan(5);
		Set<String> seen = new HashSet<>();
		List<Set<String>> beans = new ArrayList<>();
		while (!configurations.isEmpty()) {
			String name = configurations.pop();
			if (!seen.add(name)) {
				continue;
			}
			AnnotationMetadata configuration = readers.getMetadataReader(name).getAnnotationMetadata();
			configurations.addAll(List.of(configuration.getMemberClassNames()));
			Map<String, Object> imported = configuration.getAnnotationAttributes(Import.class.getName(), true);
			if (imported != null) {
				configurations.addAll(List.of((String[]) imported.get("value")));
			}
			for (MethodMetadata method : configuration.getAnnotatedMethods(Bean.class.getName())) {
				Map<String, Object> condition = method
					.getAnnotationAttributes(ConditionalOnMissingBean.class.getName(), true);
				if (condition == null) {
					continue;
				}
				Set<String> names = new LinkedHashSet<>();
				for (String attribute : List.of("value", "type", "name")) {
					for (String value : (String[]) condition.get(attribute)) {
						names.add(simpleName(value));
					}
				}
				names.add(simpleName(method.getReturnTypeName()));
				names.add(method.getMethodName());
				beans.add(names);
			}
		}
		return beans;
	}

	private static String simpleName(String name) {
		return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
	}

}
