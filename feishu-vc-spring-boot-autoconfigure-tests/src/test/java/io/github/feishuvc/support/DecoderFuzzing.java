package io.github.feishuvc.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.feishuvc.core.CallInfo;
import io.github.feishuvc.core.FeishuVcApiException;
import io.github.feishuvc.core.FeishuVcInvalidResponseException;
import io.github.feishuvc.core.ResponseReader;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/**
 * Property-based fuzzing of a response decoder with QuickTheories: each example is a documented response with one to
 * three mutations (a field dropped or duplicated, a value retyped, made huge or nested deeply, the text truncated or
 * broken with invalid UTF-8). The property: the decoder returns a value, or raises
 * {@link FeishuVcInvalidResponseException}, or (when a mutation made {@code code} another number) the platform's
 * {@link FeishuVcApiException}; nothing else, and each in bounded time. Bodies stay under the client's 1 MB limit,
 * which is what bounds memory.
 */
public final class DecoderFuzzing {

	/** Examples per decoder. */
	public static final int EXAMPLES = 10_000;

	private static final Duration MAX_DECODE_TIME = Duration.ofSeconds(1);

	private static final CallInfo INFO = new CallInfo("fuzz", 1, 200, "log-id", null);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_BODY = 1024 * 1024;

	/** Stands for JSON text that Jackson's own writer would refuse or take long to write. */
	private static final String MARKER = "fuzz-marker-";

	private static final Pattern MARKED = Pattern.compile("\"(" + MARKER + "\\d+[nao])\"");

	private DecoderFuzzing() {
	}

	/**
	 * Fuzz a decoder and report how the examples ended.
	 * @param name what is fuzzed, for the report
	 * @param documented the documented response the examples mutate
	 * @param reader the decoder
	 * @return outcome counts, by kind
	 */
	public static Map<String, Long> fuzz(String name, String documented, ResponseReader<?, ?> reader) {
		JsonNode base = JSON.readTree(documented);
		Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
		// QuickTheories skips an example it generated before: ask for more, count the distinct ones that ran.
		qt().withExamples(EXAMPLES + EXAMPLES / 10).withShrinkCycles(200).forAll(mutations()).checkAssert((mutations) -> {
			byte[] body = apply(base, mutations);
			long start = System.nanoTime();
			String outcome;
			try {
				assertThat((Object) reader.read(INFO, body)).isNotNull();
				outcome = "decoded";
			}
			catch (FeishuVcInvalidResponseException ex) {
				outcome = "FeishuVcInvalidResponseException";
			}
			catch (FeishuVcApiException ex) {
				outcome = "platform error (mutated code)";
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("decode time").isLessThan(MAX_DECODE_TIME);
			outcomes.computeIfAbsent(outcome, (key) -> new LongAdder()).increment();
		});
		Map<String, Long> counts = new java.util.TreeMap<>();
		outcomes.forEach((outcome, count) -> counts.put(outcome, count.sum()));
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		System.out.println("Fuzzed the " + name + " decoder with " + total + " distinct mutated responses: " + counts);
		assertThat(total).as("examples run").isGreaterThanOrEqualTo(EXAMPLES);
		return counts;
	}

	/** One to three mutations of a response. */
	static Gen<List<Mutation>> mutations() {
		Gen<Mutation> one = SourceDSL.integers()
			.between(0, Kind.values().length - 1)
			.zip(SourceDSL.integers().between(0, 100_000), SourceDSL.integers().between(0, 20),
					(kind, target, variant) -> new Mutation(Kind.values()[kind], target, variant));
		return SourceDSL.lists().of(one).ofSizeBetween(1, 3);
	}

	static byte[] apply(JsonNode base, List<Mutation> mutations) {
		JsonNode tree = base.deepCopy();
		Mutation duplicate = null;
		List<Mutation> textual = new ArrayList<>();
		for (Mutation mutation : mutations) {
			switch (mutation.kind()) {
				case DROP, RETYPE, HUGE, NEST -> tree = mutateTree(tree, mutation);
				case DUPLICATE -> duplicate = mutation;
				case TRUNCATE, INVALID_UTF8 -> textual.add(mutation);
			}
		}
		byte[] bytes = write(tree, duplicate);
		if (mutations.stream().anyMatch((mutation) -> mutation.kind() == Kind.NEST || mutation.kind() == Kind.HUGE)) {
			bytes = MARKED.matcher(utf8(bytes))
				.replaceAll((match) -> Matcher.quoteReplacement(expand(match.group(1))))
				.getBytes(StandardCharsets.UTF_8);
		}
		for (Mutation mutation : textual) {
			bytes = mutateBytes(bytes, mutation);
		}
		return (bytes.length <= MAX_BODY) ? bytes : Arrays.copyOf(bytes, MAX_BODY);
	}

	private static JsonNode mutateTree(JsonNode tree, Mutation mutation) {
		List<Slot> slots = new ArrayList<>();
		collect(tree, slots);
		if (slots.isEmpty()) {
			return tree;
		}
		Slot slot = slots.get(mutation.target() % slots.size());
		if (mutation.kind() == Kind.DROP) {
			slot.remove();
			return tree;
		}
		slot.set(replacement(mutation));
		return tree;
	}

	private static JsonNode replacement(Mutation mutation) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		int variant = mutation.variant();
		return switch (mutation.kind()) {
			case HUGE -> (variant % 2 == 0) ? nodes.stringNode("x".repeat(1024 * (1 + variant * 8)))
					: nodes.stringNode(MARKER + (100 * (1 + variant * 50)) + "n");
			// Written as text after the tree: Jackson's own writer refuses to nest this deep.
			case NEST -> nodes.stringNode(MARKER + (10 * (1 + variant * variant * 2)) + ((variant % 2 == 0) ? "a" : "o"));
			default -> switch (variant) {
				case 0 -> nodes.stringNode("");
				case 1 -> nodes.stringNode("   ");
				case 2 -> nodes.stringNode("not a number");
				case 3 -> nodes.numberNode(0);
				case 4 -> nodes.numberNode(-1);
				case 5 -> nodes.numberNode(1.5);
				case 6 -> nodes.numberNode(new java.math.BigDecimal("1e400"));
				case 7 -> nodes.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
				case 8 -> nodes.booleanNode(true);
				case 9 -> nodes.nullNode();
				case 10 -> nodes.objectNode();
				case 11 -> nodes.arrayNode();
				case 12 -> nodes.stringNode("\u0000\uFFFF\uD800");
				case 13 -> nodes.stringNode("-9223372036854775809");
				case 14 -> nodes.stringNode("1.000000001");
				case 15 -> nodes.arrayNode().add("a").add(1);
				case 16 -> nodes.objectNode().put("code", 1);
				case 17 -> nodes.stringNode("2020-12-25T08:02:02Z");
				case 18 -> nodes.numberNode(Long.MAX_VALUE);
				case 19 -> nodes.stringNode("1e999");
				default -> nodes.numberNode(121004);
			};
		};
	}

	/**
	 * The JSON text a marker stands for: a number of that many digits (n), or a value nested that many arrays (a)
	 * or objects (o) deep.
	 */
	private static String expand(String marker) {
		int size = Integer.parseInt(marker.substring(MARKER.length(), marker.length() - 1));
		return switch (marker.charAt(marker.length() - 1)) {
			case 'n' -> "9".repeat(size);
			case 'a' -> "[".repeat(size) + "\"deep\"" + "]".repeat(size);
			default -> "{\"a\":".repeat(size) + "\"deep\"" + "}".repeat(size);
		};
	}

	private static byte[] mutateBytes(byte[] bytes, Mutation mutation) {
		if (bytes.length == 0) {
			return bytes;
		}
		int at = mutation.target() % bytes.length;
		if (mutation.kind() == Kind.TRUNCATE) {
			return Arrays.copyOf(bytes, at);
		}
		byte[][] invalid = { { (byte) 0xC3, 0x28 }, { (byte) 0xFF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
				{ (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, { (byte) 0xE2, (byte) 0x82 } };
		byte[] insert = invalid[mutation.variant() % invalid.length];
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + insert.length);
		out.write(bytes, 0, at);
		out.write(insert, 0, insert.length);
		out.write(bytes, at, bytes.length - at);
		return out.toByteArray();
	}

	/** The tree as JSON text, with the chosen field written twice (Jackson trees cannot hold a duplicate). */
	private static byte[] write(JsonNode tree, Mutation duplicate) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (JsonGenerator generator = JSON.createGenerator(out)) {
			int[] fields = { 0 };
			int target = (duplicate != null) ? duplicate.target() % Math.max(1, countFields(tree)) : -1;
			writeNode(generator, tree, fields, target);
		}
		return out.toByteArray();
	}

	private static void writeNode(JsonGenerator generator, JsonNode node, int[] fields, int duplicate) {
		if (node instanceof ObjectNode object) {
			generator.writeStartObject();
			for (Map.Entry<String, JsonNode> field : object.properties()) {
				int index = fields[0]++;
				int copies = (index == duplicate) ? 2 : 1;
				for (int i = 0; i < copies; i++) {
					generator.writeName(field.getKey());
					writeNode(generator, field.getValue(), (i == 0) ? fields : new int[] { Integer.MIN_VALUE }, duplicate);
				}
			}
			generator.writeEndObject();
		}
		else if (node instanceof ArrayNode array) {
			generator.writeStartArray();
			for (JsonNode element : array) {
				writeNode(generator, element, fields, duplicate);
			}
			generator.writeEndArray();
		}
		else {
			generator.writeTree(node);
		}
	}

	private static int countFields(JsonNode node) {
		int count = (node instanceof ObjectNode object) ? object.size() : 0;
		for (JsonNode child : node) {
			count += countFields(child);
		}
		return count;
	}

	/** Every value of the tree (but the root), with how to replace or remove it. */
	private static void collect(JsonNode node, List<Slot> slots) {
		if (node instanceof ObjectNode object) {
			for (String name : new ArrayList<>(object.propertyNames())) {
				slots.add(new Slot(object, name, -1));
				collect(object.get(name), slots);
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				slots.add(new Slot(array, null, i));
				collect(array.get(i), slots);
			}
		}
	}

	private record Slot(JsonNode parent, String name, int index) {

		void set(JsonNode value) {
			if (this.parent instanceof ObjectNode object) {
				object.set(this.name, value);
			}
			else {
				((ArrayNode) this.parent).set(this.index, value);
			}
		}

		void remove() {
			if (this.parent instanceof ObjectNode object) {
				object.remove(this.name);
			}
			else {
				((ArrayNode) this.parent).remove(this.index);
			}
		}

	}

	/** Ways a response is mutated. */
	enum Kind {

		DROP, DUPLICATE, RETYPE, TRUNCATE, NEST, HUGE, INVALID_UTF8

	}

	/**
	 * One mutation: its kind, which field, value or byte it hits (modulo their number), and a variant of it.
	 */
	record Mutation(Kind kind, int target, int variant) {
	}

	/** Text of a resource as UTF-8. */
	static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
