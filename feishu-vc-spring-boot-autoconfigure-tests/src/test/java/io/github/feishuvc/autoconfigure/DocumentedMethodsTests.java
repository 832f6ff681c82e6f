package io.github.feishuvc.autoconfigure;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.feishuvc.support.DocumentationPages;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inline code of the README and of the pages of {@code docs/} names only methods that exist: each
 * {@code Type.method(...)}, {@code Type#method} or {@code Type.method} whose type is one of the starter's (a class of
 * {@code io.github.feishuvc}, from the autoconfigure and test modules) must name a method of that type, and
 * {@code Type.method(...)}, a call on the type as Java would read it, a static one (an instance method is written
 * {@code Type#method}, or called on a bean). The operations beans under the names the pages give them
 * ({@code reserves.forTenant(...)}) are held to their types too.
 * The code blocks are compiled by {@link SnippetsCompileTests}; types of others (Spring's, the JDK's) are left alone.
 */
class DocumentedMethodsTests {

	private static final Path ROOT = DocumentationPages.ROOT;

	private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*```.*?^\\s*```");

	private static final Pattern INLINE_CODE = Pattern.compile("`([^`\\n]+)`");

	/** {@code Type.method(}, {@code Outer.Inner.method(} or {@code Type#method}, not preceded by a name. */
	private static final Pattern TYPE_METHOD = Pattern
		.compile("(?<![\\w.])((?:[A-Z]\\w*\\.)*[A-Z]\\w*)(?:#([a-z]\\w*)|\\.([a-z]\\w*)\\()");

	/** A span that is only {@code Type.member}: a method, or a field. */
	private static final Pattern TYPE_MEMBER = Pattern.compile("^((?:[A-Z]\\w*\\.)*[A-Z]\\w*)\\.([a-z]\\w*)$");

	private static final Pattern BEAN_METHOD = Pattern.compile("(?<![\\w.])([a-z]\\w*)\\.([a-z]\\w*)\\(");

	/** The names the pages give the starter's beans, and their types. */
	private static final Map<String, String> BEANS = Map.ofEntries(Map.entry("reserves", "ReserveOperations"),
			Map.entry("meetings", "MeetingOperations"), Map.entry("recordings", "RecordingOperations"),
			Map.entry("rooms", "RoomOperations"), Map.entry("levels", "RoomLevelOperations"),
			Map.entry("notes", "NoteOperations"), Map.entry("minutes", "MinuteOperations"),
			Map.entry("meetingData", "MeetingDataOperations"),
			Map.entry("reports", "ReportOperations"), Map.entry("alerts", "AlertOperations"),
			Map.entry("exports", "ExportOperations"), Map.entry("userTokens", "FeishuUserTokens"),
			Map.entry("agents", "MeetingAgentOperations"), Map.entry("emulator", "FeishuVcEmulator"));

	private static final List<String> MODULES = List.of("feishu-vc-spring-boot-autoconfigure",
			"feishu-vc-spring-boot-test");

	@Test
	void shouldNameOnlyMethodsThatExist() throws IOException, ClassNotFoundException {
		Map<String, List<Class<?>>> types = ourTypes();
		assertThat(types).containsKeys(BEANS.values().toArray(String[]::new));
		List<String> wrong = new ArrayList<>();
		int checked = 0;
		for (Path page : DocumentationPages.all()) {
			Matcher code = INLINE_CODE.matcher(FENCE.matcher(Files.readString(page)).replaceAll(""));
			while (code.find()) {
				List<String> references = new ArrayList<>();
				checked += check(code.group(1), types, references);
				references.forEach((reference) -> wrong.add(ROOT.relativize(page) + ": `" + code.group(1) + "`: "
						+ reference));
			}
		}
		assertThat(checked).as("references checked").isGreaterThan(50);
		assertThat(wrong).isEmpty();
	}

	/**
	 * Checks the references of one span of inline code to the starter's types.
	 * @return how many it checked, the wrong ones added to {@code wrong}
	 */
	private static int check(String span, Map<String, List<Class<?>>> types, List<String> wrong) {
		int checked = 0;
		Matcher reference = TYPE_METHOD.matcher(span);
		while (reference.find()) {
			List<Class<?>> candidates = resolve(reference.group(1), types);
			if (!candidates.isEmpty()) {
				checked++;
				String method = (reference.group(2) != null) ? reference.group(2) : reference.group(3);
				// Type.method(...) calls the method on the type, as Java reads it: a static one. An instance method is
				// named Type#method, or called on a bean (reserves.get(...)).
				boolean call = reference.group(3) != null;
				if (candidates.stream().noneMatch((type) -> hasMethod(type, method, call))) {
					wrong.add(reference.group(1) + " has no " + (call ? "static " : "") + "method " + method);
				}
			}
		}
		Matcher member = TYPE_MEMBER.matcher(span);
		if (member.matches() && !resolve(member.group(1), types).isEmpty()) {
			checked++;
			String name = member.group(2);
			if (resolve(member.group(1), types).stream()
				.noneMatch((type) -> hasMethod(type, name, false) || hasField(type, name))) {
				wrong.add(member.group(1) + " has no method " + name);
			}
		}
		Matcher bean = BEAN_METHOD.matcher(span);
		while (bean.find()) {
			String type = BEANS.get(bean.group(1));
			if (type != null) {
				checked++;
				if (types.get(type).stream().noneMatch((candidate) -> hasMethod(candidate, bean.group(2), false))) {
					wrong.add(type + " has no method " + bean.group(2));
				}
			}
		}
		return checked;
	}

	/** The classes a dotted name may be: a simple name, then the names of classes nested in it. */
	private static List<Class<?>> resolve(String name, Map<String, List<Class<?>>> types) {
		String[] parts = name.split("\\.");
		List<Class<?>> found = types.getOrDefault(parts[0], List.of());
		for (int i = 1; i < parts.length; i++) {
			String nested = parts[i];
			found = found.stream()
				.flatMap((type) -> Arrays.stream(type.getDeclaredClasses()))
				.filter((type) -> type.getSimpleName().equals(nested))
				.toList();
		}
		return found;
	}

	/** Whether the type or one it extends has the method, static if it must be. */
	private static boolean hasMethod(Class<?> type, String name, boolean mustBeStatic) {
		List<Method> methods = new ArrayList<>(Arrays.asList(type.getMethods()));
		for (Class<?> current = type; current != null; current = current.getSuperclass()) {
			methods.addAll(Arrays.asList(current.getDeclaredMethods()));
		}
		return methods.stream()
			.anyMatch((method) -> method.getName().equals(name)
					&& (!mustBeStatic || Modifier.isStatic(method.getModifiers())));
	}

	private static boolean hasField(Class<?> type, String name) {
		return Arrays.stream(type.getFields()).anyMatch((field) -> field.getName().equals(name));
	}

	/** The starter's classes by simple name, nested ones included. */
	private static Map<String, List<Class<?>>> ourTypes() throws IOException, ClassNotFoundException {
		Map<String, List<Class<?>>> types = new HashMap<>();
		ClassLoader loader = DocumentedMethodsTests.class.getClassLoader();
		for (Resource resource : new PathMatchingResourcePatternResolver(loader)
			.getResources("classpath*:io/github/feishuvc/**/*.class")) {
			String location = resource.getURL().toString();
			if (MODULES.stream().noneMatch((module) -> location.contains("/" + module + "/target/classes/")
					|| location.matches(".*/" + module + "-[0-9][^/]*\\.jar!/.*"))) {
				continue;
			}
			String path = location.substring(location.lastIndexOf("io/github/feishuvc/"));
			String name = path.substring(0, path.length() - ".class".length()).replace('/', '.');
			if (name.endsWith("package-info")) {
				continue;
			}
			Class<?> type = Class.forName(name, false, loader);
			if (!type.isAnonymousClass() && !type.isLocalClass() && !type.isSynthetic()) {
				types.computeIfAbsent(type.getSimpleName(), (key) -> new ArrayList<>()).add(type);
			}
		}
		return types;
	}

}
