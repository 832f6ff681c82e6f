package io.github.feishuvc.architecture;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.feishuvc.support.CommittedFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API of each published module, written down in {@code api/<module>.txt} (every public type with what it
 * permits, and its public and protected constructors, methods and fields, constants with their values, enums with their
 * constants in order, deprecations marked), as Kotlin's binary-compatibility validator does: any change to the
 * public surface shows in review as a diff of that file. The listing is made from the compiled classes; run with
 * {@code -Dfeishuvc.api.update=true} to write it anew after a deliberate change. {@code io.github.feishuvc.internal}
 * is left out: it is public for the other modules only, and the architecture rules keep it out of every public
 * signature.
 */
class PublicApiListingTests {

	@ParameterizedTest
	@ValueSource(strings = { "feishu-vc-spring-boot-autoconfigure", "feishu-vc-spring-boot-test" })
	void shouldListThePublicApiAsCommitted(String module) throws Exception {
		CommittedFiles.assertCommitted(Path.of("..", "api", module + ".txt"), listing(module),
				"the public API of " + module);
	}

	/** Every public type of the module, each with its members, in a stable order. */
	static String listing(String module) throws IOException, ClassNotFoundException {
		TreeMap<String, List<String>> types = new TreeMap<>();
		for (Class<?> type : publicTypes(module)) {
			types.put(type.getName(), members(type));
		}
		StringBuilder listing = new StringBuilder();
		types.forEach((name, members) -> {
			members.forEach((member) -> listing.append(member).append('\n'));
			listing.append('\n');
		});
		return listing.toString();
	}

	private static List<Class<?>> publicTypes(String module) throws IOException, ClassNotFoundException {
		List<Class<?>> types = new ArrayList<>();
		ClassLoader loader = PublicApiListingTests.class.getClassLoader();
		for (Resource resource : new PathMatchingResourcePatternResolver(loader)
			.getResources("classpath*:io/github/feishuvc/**/*.class")) {
			String location = resource.getURL().toString();
			if (!ofModule(location, module)) {
				continue;
			}
			String path = location.substring(location.lastIndexOf("io/github/feishuvc/"));
			String name = path.substring(0, path.length() - ".class".length()).replace('/', '.');
			if (name.startsWith("io.github.feishuvc.internal.") || name.endsWith("package-info")) {
				continue;
			}
			Class<?> type = Class.forName(name, false, loader);
			if (isVisible(type)) {
				types.add(type);
			}
		}
		assertThat(types).as("public types of %s", module).isNotEmpty();
		return types;
	}

	/** Whether a class file comes from the module's own classes (a directory in the build, or its jar). */
	private static boolean ofModule(String location, String module) {
		return location.contains("/" + module + "/target/classes/")
				|| location.matches(".*/" + module + "-[0-9][^/]*\\.jar!/.*");
	}

	/** Public, and so is every class it is nested in; a protected nested class of a class users may extend too. */
	private static boolean isVisible(Class<?> type) {
		if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
			return false;
		}
		for (Class<?> current = type; current != null; current = current.getDeclaringClass()) {
			int modifiers = current.getModifiers();
			boolean extendable = current.getDeclaringClass() != null
					&& !Modifier.isFinal(current.getDeclaringClass().getModifiers());
			if (!Modifier.isPublic(modifiers) && !(Modifier.isProtected(modifiers) && extendable)) {
				return false;
			}
		}
		return true;
	}

	private static List<String> members(Class<?> type) {
		List<String> lines = new ArrayList<>();
		lines.add(header(type));
		boolean extendable = !Modifier.isFinal(type.getModifiers()) && !type.isEnum() && !type.isRecord();
		TreeSet<String> members = new TreeSet<>();
		for (Constructor<?> constructor : type.getDeclaredConstructors()) {
			if (isApi(constructor, extendable)) {
				members.add("  " + deprecation(constructor) + constructor.toGenericString());
			}
		}
		// A member's own name, not repeated after its type's: "public java.lang.String value()".
		String declaredIn = " " + type.getTypeName() + ".";
		for (Method method : type.getDeclaredMethods()) {
			if (isApi(method, extendable) && !method.isBridge()) {
				members.add("  " + deprecation(method) + method.toGenericString().replace(declaredIn, " "));
			}
		}
		for (Field field : type.getDeclaredFields()) {
			if (isApi(field, extendable)) {
				members.add("  " + deprecation(field) + field.toGenericString().replace(declaredIn, " ")
						+ constantValue(field));
			}
		}
		lines.addAll(members);
		if (type.isEnum()) {
			// In declaration order, which ordinal() and compareTo() expose.
			lines.add("  constants " + Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name())
				.collect(Collectors.joining(", ")));
		}
		return lines;
	}

	/**
	 * A constant's value, which a compiler copies into its users' classes: changing it breaks them as surely as
	 * renaming it, so the listing shows it.
	 */
	private static String constantValue(Field field) {
		int modifiers = field.getModifiers();
		boolean constant = Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
				&& (field.getType().isPrimitive() || field.getType() == String.class);
		if (!constant) {
			return "";
		}
		try {
			field.trySetAccessible();
			Object value = field.get(null);
			return " = " + ((value instanceof String text)
					? '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"'
					: (value instanceof Character character) ? "'" + character + "'" : String.valueOf(value));
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isApi(Member member, boolean extendable) {
		int modifiers = member.getModifiers();
		return !member.isSynthetic()
				&& (Modifier.isPublic(modifiers) || (Modifier.isProtected(modifiers) && extendable));
	}

	private static String header(Class<?> type) {
		// Sealing as "permits" below, the same on every JDK: JDK 21 and later also print "sealed" in the modifiers,
		// for an enum whose constants have bodies too.
		StringBuilder header = new StringBuilder(deprecation(type))
			.append(type.toGenericString().replaceAll("\\b(non-sealed|sealed) ", ""));
		Type superclass = type.getGenericSuperclass();
		if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
			header.append(" extends ").append(superclass.getTypeName());
		}
		Type[] interfaces = type.getGenericInterfaces();
		if (interfaces.length > 0) {
			header.append(type.isInterface() ? " extends " : " implements ")
				.append(Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
		}
		Class<?>[] permitted = type.getPermittedSubclasses();
		if (permitted != null && !type.isEnum()) {
			header.append(" permits ").append(Arrays.stream(permitted).map(Class::getTypeName).sorted()
				.collect(Collectors.joining(", ")));
		}
		return header.toString();
	}

	/** Deprecation is a promise too: that the member goes. */
	private static String deprecation(AnnotatedElement element) {
		return element.isAnnotationPresent(Deprecated.class) ? "@Deprecated " : "";
	}

}
