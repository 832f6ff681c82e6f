package io.github.feishuvc.support;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.lark.oapi.core.utils.Jsons;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares our wire names with the official SDK's, one for one: a model of the SDK with every field set is written
 * by the SDK's own Gson, read by our mapper with unknown fields refused (a name the SDK has and we lack fails), and
 * written back by our mapper (a name we read under another name, or drop, fails); and our type with every component
 * set is written by our mapper (a name the SDK does not have fails). Field paths are compared, values are not:
 * {@code meeting.participants[].first_join_time}.
 */
public final class SdkWireNames {

	private SdkWireNames() {
	}

	/**
	 * Assert that our type reads and writes exactly the SDK model's fields.
	 * @param mapper our mapper for the type, with its mix-ins
	 * @param ours our record (or body)
	 * @param sdk the SDK's model
	 * @param onlyOurs the paths we know and the SDK's model does not (documented fields it lags behind on)
	 */
	public static void assertSameNames(JsonMapper mapper, Class<?> ours, Class<?> sdk, String... onlyOurs) {
		assertSameNames(mapper, ours, sdk, Set.of(onlyOurs), Set.of());
	}

	/**
	 * Assert that our type reads and writes the SDK model's fields, but for known differences.
	 * @param mapper our mapper for the type, with its mix-ins
	 * @param ours our record (or body)
	 * @param sdk the SDK's model
	 * @param onlyOurs the paths we know and the SDK's model does not
	 * @param onlySdk the paths of the SDK's model that we do not know (objects, given by their path)
	 */
	public static void assertSameNames(JsonMapper mapper, Class<?> ours, Class<?> sdk, Set<String> onlyOurs,
			Set<String> onlySdk) {
		Set<String> sdkPaths = assertReadsEvery(mapper, ours, sdk, onlySdk);
		Set<String> ourPaths = populatedPaths(mapper, ours);
		ourPaths.removeAll(onlyOurs);
		assertThat(ourPaths).as("the fields of %s with every component set, against %s", ours.getSimpleName(),
				sdk.getSimpleName())
			.containsExactlyInAnyOrderElementsOf(sdkPaths);
	}

	/**
	 * Assert that our type reads every field of the SDK's model under its name, and writes it back so.
	 * @param mapper our mapper for the type, with its mix-ins
	 * @param ours our record (or body)
	 * @param sdk the SDK's model
	 * @param onlySdk the paths of the SDK's model that we do not know
	 * @return the SDK's paths, but those
	 */
	public static Set<String> assertReadsEvery(JsonMapper mapper, Class<?> ours, Class<?> sdk, Set<String> onlySdk) {
		JsonNode tree = mapper.readTree(sdkJson(sdk));
		for (String path : onlySdk) {
			int dot = path.lastIndexOf('.');
			JsonNode parent = (dot < 0) ? tree : tree.at("/" + path.substring(0, dot).replace('.', '/'));
			assertThat(((ObjectNode) parent).remove(path.substring(dot + 1))).as("the SDK's " + path).isNotNull();
		}
		String json = mapper.writeValueAsString(tree);
		Set<String> sdkPaths = paths(tree);
		JsonMapper strict = mapper.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		assertThat(paths(mapper.valueToTree(strict.readValue(json, ours))))
			.as("the fields of %s read and written back, against %s", ours.getSimpleName(), sdk.getSimpleName())
			.containsExactlyInAnyOrderElementsOf(sdkPaths);
		return sdkPaths;
	}

	/**
	 * The paths our mapper writes for our type with every component set.
	 * @param mapper our mapper for the type
	 * @param ours our record
	 * @return the paths, sorted
	 */
	public static Set<String> populatedPaths(JsonMapper mapper, Class<?> ours) {
		return paths(mapper.valueToTree(ours(ours, 0)));
	}

	/**
	 * The paths our mapper writes for a value of a type with every component set.
	 * @param mapper our mapper for the type
	 * @param type the type, such as a record or a list of records
	 * @return the paths, sorted
	 */
	public static Set<String> populatedPaths(JsonMapper mapper, JavaType type) {
		return paths(mapper.valueToTree(ours(type)));
	}

	/**
	 * One of our values of a type with every component set, lists with one element.
	 * @param type the type
	 * @return the value
	 */
	public static Object ours(JavaType type) {
		if (type.isCollectionLikeType()) {
			return List.of(ours(type.getContentType()));
		}
		return ours(type.getRawClass(), 0);
	}

	/**
	 * A model of the SDK with every field set, arrays with one element.
	 * @param <T> the model's type
	 * @param sdk the model's type
	 * @return the model
	 */
	public static <T> T sdkModel(Class<T> sdk) {
		return sdk.cast(populated(sdk, 0));
	}

	/**
	 * The JSON the SDK writes for its model with every field set.
	 * @param sdk the SDK's model
	 * @return the JSON
	 */
	public static String sdkJson(Class<?> sdk) {
		return Jsons.DEFAULT.toJson(populated(sdk, 0));
	}

	/**
	 * Every field path of a JSON tree; an empty array is no field (our models read an absent list as empty).
	 * @param node the tree
	 * @return the paths, sorted
	 */
	public static Set<String> paths(JsonNode node) {
		Set<String> paths = new TreeSet<>();
		collect(node, "", paths);
		return paths;
	}

	private static void collect(JsonNode node, String prefix, Set<String> paths) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				if (field.getValue().isArray() && field.getValue().isEmpty()) {
					continue;
				}
				String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
				paths.add(path);
				collect(field.getValue(), path, paths);
			}
		}
		else if (node.isArray()) {
			for (JsonNode element : node) {
				collect(element, prefix + "[]", paths);
			}
		}
	}

	/** One of our records with every component set, lists with one element. */
	private static Object ours(Type type, int depth) {
		Class<?> raw = (type instanceof ParameterizedType parameterized) ? (Class<?>) parameterized.getRawType()
				: (Class<?>) type;
		if (raw == Instant.class) {
			return Instant.ofEpochSecond(1);
		}
		if (raw == OffsetDateTime.class) {
			return OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));
		}
		if (raw == Duration.class) {
			return Duration.ofSeconds(1);
		}
		if (raw == List.class) {
			return List.of(ours(((ParameterizedType) type).getActualTypeArguments()[0], depth + 1));
		}
		if (!raw.isRecord()) {
			return populated(raw, depth);
		}
		assertThat(depth).as("nesting of our models").isLessThan(10);
		RecordComponent[] components = raw.getRecordComponents();
		Object[] values = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			values[i] = ours(components[i].getGenericType(), depth + 1);
			types[i] = components[i].getType();
		}
		try {
			Constructor<?> canonical = raw.getDeclaredConstructor(types);
			canonical.setAccessible(true);
			return canonical.newInstance(values);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot populate " + raw.getName(), ex);
		}
	}

	private static Object populated(Class<?> type, int depth) {
		if (type == String.class) {
			return "1";
		}
		if (type == Integer.class || type == int.class) {
			return 1;
		}
		if (type == Long.class || type == long.class) {
			return 1L;
		}
		if (type == Double.class || type == double.class) {
			return 1.0;
		}
		if (type == Boolean.class || type == boolean.class) {
			return true;
		}
		if (type.isArray()) {
			Object array = Array.newInstance(type.getComponentType(), 1);
			Array.set(array, 0, populated(type.getComponentType(), depth + 1));
			return array;
		}
		assertThat(depth).as("nesting of the SDK's models").isLessThan(10);
		try {
			Object model = type.getDeclaredConstructor().newInstance();
			for (Field field : type.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers())) {
					field.setAccessible(true);
					field.set(model, populated(field.getType(), depth + 1));
				}
			}
			return model;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot populate " + type.getName(), ex);
		}
	}

}
