package io.github.feishuvc.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.feishuvc.test.FeishuVcEmulator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The command line as {@link EmulatorOptions} reads it: every option, in both spellings, reaches the field of
 * {@link FeishuVcEmulator.Builder} it is meant to set (read here by reflection, the builder keeping its settings to
 * its package); every value the emulator cannot take is refused with the option's name; the help's defaults are the
 * builder's; and every public method of the builder has an option or a written reason.
 */
class EmulatorOptionsTests {

	private static final Pattern DOCUMENTED_OPTION = Pattern.compile("\\| `(--[^`]+)` \\|([^|]*)\\|.*");

	private static final String STATE_JSON = "{\"rooms\": []}";

	/** A state document, read by --state when the options are (its content is checked when the emulator starts). */
	private static final Path STATE = stateFile();

	/** Every option but --help, with a value other than its default, and the builder field it sets to what. */
	private static final List<Given> EVERY_OPTION = List.of(new Given("port", "8123", "port", 8123),
			new Given("app-id", "cli_a1b2c3d4e5f60718", "appId", "cli_a1b2c3d4e5f60718"),
			new Given("app-secret", "s3cret", "appSecret", "s3cret"),
			new Given("store-app", "t1, t2", "tenants", List.of("t1", "t2")),
			new Given("verification-token", "v-token", "verificationToken", "v-token"),
			new Given("encrypt-key", "e-key", "encryptKey", "e-key"),
			new Given("rate-limits", "1000/min,50/s", "enforcedRateLimits", "Limits[perSecond=50, perMinute=1000]"),
			new Given("token-rate-limits", "5/s,60/min", "tokenEndpointLimits", "Limits[perSecond=5, perMinute=60]"),
			new Given("token-lifetime", "5m", "tokenLifetime", Duration.ofMinutes(5)),
			new Given("user-token-lifetime", "PT1H", "userTokenLifetime", Duration.ofHours(1)),
			new Given("recording-processing-time", "2s", "recordingProcessingTime", Duration.ofSeconds(2)),
			new Given("export-processing-time", "1500ms", "exportProcessingTime", Duration.ofMillis(1500)),
			new Given("note-generation-time", "3s", "noteGenerationTime", Duration.ofSeconds(3)),
			new Given("note-detail-lag", "0s", "noteDetailLag", Duration.ZERO),
			new Given("slow-response-delay", "250ms", "slowResponseDelay", Duration.ofMillis(250)),
			new Given("rate-limit-reset", "2s", "rateLimitReset", Duration.ofSeconds(2)),
			new Given("long-connection-ping-interval", "10s", "longConnectionPingInterval", Duration.ofSeconds(10)),
			new Given("long-connection-reconnect-interval", "3s", "longConnectionReconnectInterval",
					Duration.ofSeconds(3)),
			new Given("long-connection-reconnect-count", "4", "longConnectionReconnectCount", 4),
			new Given("state", STATE.toString(), "initialState", STATE_JSON));

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void shouldSetEveryOptionOnTheBuilderWhetherItsValueFollowsAnEqualsSignOrASpace(boolean equalsSign) {
		List<String> args = new ArrayList<>();
		for (Given given : EVERY_OPTION) {
			if (equalsSign) {
				args.add("--" + given.option() + "=" + given.value());
			}
			else {
				args.add("--" + given.option());
				args.add(given.value());
			}
		}

		EmulatorOptions options = EmulatorOptions.parse(args.toArray(String[]::new));

		assertThat(options.help).isFalse();
		for (Given given : EVERY_OPTION) {
			Object actual = field(options.builder, given.field());
			assertThat((given.expected() instanceof String && !(actual instanceof String)) ? String.valueOf(actual)
					: actual)
				.as("--%s", given.option())
				.isEqualTo(given.expected());
		}
	}

	@Test
	void shouldListEveryOptionButTheHelpInThisTest() {
		assertThat(EVERY_OPTION.stream().map(Given::option))
			.containsExactlyInAnyOrderElementsOf(EmulatorOptions.OPTIONS.stream()
				.filter((option) -> !option.isFlag())
				.map(Option::name)
				.toList());
	}

	@Test
	void shouldLeaveTheBuilderAsItIsWhenNoOptionIsGiven() {
		EmulatorOptions options = EmulatorOptions.parse();

		assertThat(options.help).isFalse();
		for (Given given : EVERY_OPTION) {
			assertThat(field(options.builder, given.field())).as(given.field())
				.isEqualTo(field(FeishuVcEmulator.builder(), given.field()));
		}
	}

	@Test
	void shouldShowTheBuilderDefaultsAsTheDefaultsOfTheHelp() {
		for (Option option : EmulatorOptions.OPTIONS) {
			if (option.isFlag()) {
				continue;
			}
			String field = EVERY_OPTION.stream()
				.filter((given) -> given.option().equals(option.name()))
				.findFirst()
				.orElseThrow()
				.field();
			Object fresh = field(FeishuVcEmulator.builder(), field);
			if (option.defaultValue().equals(EmulatorOptions.NONE)) {
				assertThat(fresh).as("the default of %s", option.flag()).isNull();
			}
			else {
				EmulatorOptions options = EmulatorOptions.parse(option.flag() + "=" + option.defaultValue());
				assertThat(field(options.builder, field)).as("the default of %s", option.flag()).isEqualTo(fresh);
			}
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			--port=abc | --port: 'abc' is not a whole number
			--port=70000 | --port: A port is from 0 to 65535, not 70000
			--port=-1 | --port: A port is from 0 to 65535, not -1
			--app-id= | --app-id needs a value, not an empty one
			'--app-secret=  ' | --app-secret needs a value, not an empty one
			--store-app=t1,,t2 | --store-app: 't1,,t2' has an empty tenant key
			--store-app=t1,t1 | --store-app: 't1,t1' names a tenant twice
			--rate-limits=50 | --rate-limits: '50' is not a limit a second and one a minute
			--rate-limits=50/s | --rate-limits: '50/s' is not a limit a second and one a minute
			--rate-limits=50/s,10/s | --rate-limits: '50/s,10/s' is not a limit a second and one a minute
			--rate-limits=50/s,10/min | --rate-limits: '50/s,10/min' is not a limit a second and one a minute, at least 1 and the minute's
			--rate-limits=0/s,10/min | --rate-limits: '0/s,10/min' is not a limit a second and one a minute, at least 1
			--rate-limits=50/h,100/min | --rate-limits: '50/h,100/min' is not a limit a second and one a minute
			--token-rate-limits=many | --token-rate-limits: 'many' is not a limit a second and one a minute
			--token-lifetime=-5m | --token-lifetime: '-5m' is negative
			--long-connection-ping-interval=500ms | --long-connection-ping-interval: The ping interval is whole seconds, at least one
			--long-connection-reconnect-count=-2 | --long-connection-reconnect-count: The reconnect count is -1 (no end) or at least 0
			--long-connection-reconnect-count=x | --long-connection-reconnect-count: 'x' is not a whole number
			--verification-token | --verification-token needs a value (--verification-token=TOKEN or
			--nope=1 | unknown option --nope
			--help=yes | --help takes no value
			port=1 | unexpected argument 'port=1': options start with --
			""")
	void shouldRefuseAValueItCannotTakeNamingTheOption(String arg, String message) {
		assertThatExceptionOfType(BadOptionException.class).isThrownBy(() -> EmulatorOptions.parse(arg))
			.withMessageStartingWith(message);
	}

	@ParameterizedTest
	@MethodSource("durationOptions")
	void shouldRefuseADurationSpringBootCannotReadNamingTheOption(String option) {
		assertThatExceptionOfType(BadOptionException.class)
			.isThrownBy(() -> EmulatorOptions.parse("--" + option + "=2 hours"))
			.withMessage("--" + option + ": '2 hours' is not a valid duration");
	}

	static Stream<String> durationOptions() {
		return EmulatorOptions.OPTIONS.stream().filter((option) -> option.value().equals("DURATION")).map(Option::name);
	}

	@Test
	void shouldRefuseAStateFileItCannotReadNamingTheOption() {
		Path missing = STATE.resolveSibling("missing.json");
		assertThatExceptionOfType(BadOptionException.class)
			.isThrownBy(() -> EmulatorOptions.parse("--state", missing.toString()))
			.withMessage("--state: no such file '" + missing + "'");
		assertThatExceptionOfType(BadOptionException.class)
			.isThrownBy(() -> EmulatorOptions.parse("--state=" + STATE.getParent()))
			.withMessageStartingWith("--state: cannot read '" + STATE.getParent() + "'");
	}

	@Test
	void shouldKeepTheStateFileGivenForTheRefusalsOfItsContent() {
		assertThat(EmulatorOptions.parse().stateFile).isNull();
		assertThat(EmulatorOptions.parse("--state", STATE.toString()).stateFile).isEqualTo(STATE.toString());
	}

	@Test
	void shouldRefuseAnOptionFollowedByAnotherInsteadOfItsValue() {
		assertThatExceptionOfType(BadOptionException.class)
			.isThrownBy(() -> EmulatorOptions.parse("--encrypt-key", "--port=0"))
			.withMessageStartingWith("--encrypt-key needs a value");
	}

	@Test
	void shouldRefuseAnOptionGivenTwice() {
		assertThatExceptionOfType(BadOptionException.class)
			.isThrownBy(() -> EmulatorOptions.parse("--port=1", "--port", "2"))
			.withMessage("--port is given twice");
	}

	@Test
	void shouldAskForTheHelpWhereverItIsGiven() {
		assertThat(EmulatorOptions.parse("--help").help).isTrue();
		assertThat(EmulatorOptions.parse("--port=8123", "--help").help).isTrue();
	}

	@Test
	void shouldListEveryOptionWithItsDescriptionAndDefaultInTheHelp() {
		String usage = EmulatorOptions.usage();

		assertThat(usage).startsWith(EmulatorOptions.USAGE + "\n");
		for (Option option : EmulatorOptions.OPTIONS) {
			String line = usage.lines()
				.filter((candidate) -> candidate.startsWith("  " + option.flag() + (option.isFlag() ? " " : "=")))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no line for " + option.flag() + " in\n" + usage));
			assertThat(line).contains(option.description());
			if (!option.isFlag()) {
				assertThat(line).endsWith("(default: " + option.defaultValue() + ")");
			}
		}
	}

	@Test
	void shouldDocumentEveryOptionWithItsDefaultOnTheEmulatorPage() throws IOException {
		// The table of docs/emulator.md, "Options": | `--name=VALUE` | `default` or none | meaning |
		Map<String, String> documented = new LinkedHashMap<>();
		for (String row : Files.readAllLines(Path.of("..", "docs", "emulator.md"))) {
			Matcher option = DOCUMENTED_OPTION.matcher(row);
			if (option.matches()) {
				documented.put(option.group(1), option.group(2).replace("`", "").strip());
			}
		}

		Map<String, String> options = new LinkedHashMap<>();
		EmulatorOptions.OPTIONS.forEach((option) -> options.put(EmulatorOptions.synopsis(option), option.defaultValue()));
		assertThat(documented).containsExactlyEntriesOf(options);
	}

	@Test
	void shouldHaveAnOptionOrAWrittenReasonForEveryPublicMethodOfTheBuilder() {
		Set<String> methods = Arrays.stream(FeishuVcEmulator.Builder.class.getDeclaredMethods())
			.filter((method) -> Modifier.isPublic(method.getModifiers()) && !method.isSynthetic())
			.map(Method::getName)
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> withOption = EmulatorOptions.OPTIONS.stream()
			.map(Option::builderMethod)
			.filter(Objects::nonNull)
			.collect(Collectors.toCollection(TreeSet::new));
		Map<String, String> reasons = EmulatorOptions.BUILDER_METHODS_WITHOUT_OPTION;

		assertThat(methods).as("the builder's public methods without an option or a reason")
			.isSubsetOf(union(withOption, reasons.keySet()));
		assertThat(union(withOption, reasons.keySet())).as("options and reasons for methods the builder lacks")
			.isSubsetOf(methods);
		assertThat(withOption).as("methods with an option and a reason not to have one")
			.doesNotContainAnyElementsOf(reasons.keySet());
		assertThat(reasons).allSatisfy((method, reason) -> assertThat(reason).as(method).isNotBlank());
		assertThat(reasons).containsOnlyKeys("clock", "start");
	}

	private static Set<String> union(Set<String> first, Set<String> second) {
		Set<String> union = new TreeSet<>(first);
		union.addAll(second);
		return union;
	}

	private static Path stateFile() {
		try {
			Path file = Files.createTempFile("emulator-state", ".json");
			file.toFile().deleteOnExit();
			return Files.writeString(file, STATE_JSON);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A setting the builder keeps to its package: read so that a test sees what an option really set. */
	private static @Nullable Object field(FeishuVcEmulator.Builder builder, String name) {
		try {
			Field field = FeishuVcEmulator.Builder.class.getDeclaredField(name);
			field.setAccessible(true);
			return field.get(builder);
		}
		catch (ReflectiveOperationException ex) {
			throw new AssertionError("FeishuVcEmulator.Builder has no field " + name, ex);
		}
	}

	private record Given(String option, String value, String field, Object expected) {
	}

	@ParameterizedTest
	@ValueSource(strings = { "1500ms", "2500ms", "PT1.5S" })
	void shouldRefuseAPingIntervalOfNoWholeSecondsAsTheHelpAndDocsSay(String interval) {
		assertThatExceptionOfType(BadOptionException.class)
			.isThrownBy(() -> EmulatorOptions.parse("--long-connection-ping-interval=" + interval))
			.withMessageContaining("--long-connection-ping-interval");
	}

}
