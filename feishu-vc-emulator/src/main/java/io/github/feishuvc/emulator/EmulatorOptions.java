package io.github.feishuvc.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.feishuvc.test.FeishuVcEmulator;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;

/**
 * The command line read: every option the emulator takes (the table the help prints), each handed to
 * {@link FeishuVcEmulator.Builder} as it is read, so that a value the builder refuses is refused here, named, before
 * anything starts. Options are {@code --name=value} or {@code --name value}; each at most once.
 */
final class EmulatorOptions {

	/** How the help and every refusal start. */
	static final String USAGE = "Usage: java -jar feishu-vc-emulator.jar [options]";

	/**
	 * Why a public method of {@link FeishuVcEmulator.Builder} has no option: every other one has (a test holds the
	 * table to the builder, so that an option added there is not forgotten here).
	 */
	static final Map<String, String> BUILDER_METHODS_WITHOUT_OPTION = Map.of("clock",
			"a process runs on its own clock, which POST /_emulator/clock/advance moves on: no other can be handed in",
			"start", "the command starts the emulator itself once the options are read");

	/** The default of an option that is off unless given. */
	static final String NONE = "none";

	private static final Pattern RATE = Pattern.compile("(\\d{1,9})/(s|min)");

	/** Every option, in the order the help and docs/emulator.md list them. */
	static final List<Option> OPTIONS = List.of(
			new Option("port", "N", "0", "the loopback port to listen on, 0 for a free one", "port",
					(options, value) -> options.builder.port(wholeNumber(value))),
			new Option("app-id", "ID", FeishuVcEmulator.DEFAULT_APP_ID, "the app id the token endpoints accept",
					"appId", (options, value) -> options.builder.appId(value)),
			new Option("app-secret", "SECRET", FeishuVcEmulator.DEFAULT_APP_SECRET,
					"the app secret the token endpoints accept", "appSecret",
					(options, value) -> options.builder.appSecret(value)),
			new Option("store-app", "T1,T2", NONE,
					"a store app installed by these tenants (their keys); without it a self-built app of tenant "
							+ FeishuVcEmulator.DEFAULT_TENANT_KEY,
					"storeApp",
					(options, value) -> options.builder.storeApp(tenantKeys(value))),
			new Option("verification-token", "TOKEN", FeishuVcEmulator.DEFAULT_VERIFICATION_TOKEN,
					"the verification token the events carry", "verificationToken",
					(options, value) -> options.builder.verificationToken(value)),
			new Option("encrypt-key", "KEY", NONE, "encrypt and sign the events with this key; without it plain events",
					"encryptKey", (options, value) -> options.builder.encryptKey(value)),
			new Option("rate-limits", "N/s,N/min", NONE,
					"enforce rate limits on the VC endpoints, as the platform's 50/s,1000/min; without it none",
					"enforceRateLimits", (options, value) -> {
						int[] limits = rateLimits(value);
						options.builder.enforceRateLimits(limits[0], limits[1]);
					}),
			new Option("token-rate-limits", "N/s,N/min", NONE,
					"limit the token endpoints, per app, as --rate-limits the VC endpoints; without it no limit",
					"limitTokenEndpoints", (options, value) -> {
						int[] limits = rateLimits(value);
						options.builder.limitTokenEndpoints(limits[0], limits[1]);
					}),
			duration("token-lifetime", "2h", "lifetime of the tenant and app access tokens", "tokenLifetime",
					FeishuVcEmulator.Builder::tokenLifetime),
			duration("user-token-lifetime", "2h", "lifetime of the user access tokens", "userTokenLifetime",
					FeishuVcEmulator.Builder::userTokenLifetime),
			duration("recording-processing-time", "100ms", "how long after its meeting ended a recording is ready",
					"recordingProcessingTime", FeishuVcEmulator.Builder::recordingProcessingTime),
			duration("export-processing-time", "300ms", "how long an export task processes before it is done",
					"exportProcessingTime", FeishuVcEmulator.Builder::exportProcessingTime),
			duration("note-generation-time", "100ms", "how long after a meeting ended its AI note is generated",
					"noteGenerationTime", FeishuVcEmulator.Builder::noteGenerationTime),
			duration("note-detail-lag", "200ms", "how long after its generated event a note's detail can be read",
					"noteDetailLag", FeishuVcEmulator.Builder::noteDetailLag),
			duration("slow-response-delay", "30s", "how long the SLOW_RESPONSE fault holds a reply back",
					"slowResponseDelay", FeishuVcEmulator.Builder::slowResponseDelay),
			duration("rate-limit-reset", "1s", "the wait the RATE_LIMITED fault announces", "rateLimitReset",
					FeishuVcEmulator.Builder::rateLimitReset),
			duration("long-connection-ping-interval", "120s",
					"the ping interval asked of long connections (whole seconds, at least 1s)",
					"longConnectionPingInterval", FeishuVcEmulator.Builder::longConnectionPingInterval),
			duration("long-connection-reconnect-interval", "1s",
					"how long a dropped long connection is asked to wait before it connects again",
					"longConnectionReconnectInterval", FeishuVcEmulator.Builder::longConnectionReconnectInterval),
			new Option("long-connection-reconnect-count", "N", "-1",
					"how many attempts to connect again a dropped long connection is allowed, -1 for no end",
					"longConnectionReconnectCount",
					(options, value) -> options.builder.longConnectionReconnectCount(wholeNumber(value))),
			new Option("state", "FILE", NONE,
					"seed the tenant from a state document (as GET /_emulator/state answers); a reset goes back to it",
					"state", (options, value) -> {
						options.builder.state(read(value));
						options.stateFile = value;
					}),
			new Option("help", "", "", "print this help and exit", null, (options, value) -> options.help = true));

	/** The builder, set up with the options given. */
	final FeishuVcEmulator.Builder builder = FeishuVcEmulator.builder();

	/** Whether the help was asked for: then nothing starts. */
	boolean help;

	/**
	 * The state document given, whose content the emulator checks only when it starts: a refusal then is this
	 * option's.
	 */
	@Nullable String stateFile;

	private EmulatorOptions() {
	}

	/**
	 * Read a command line.
	 * @param args the arguments
	 * @return the options read
	 * @throws BadOptionException naming the option that is unknown, repeated, without its value, or with a value
	 * it cannot take
	 */
	static EmulatorOptions parse(String... args) {
		EmulatorOptions options = new EmulatorOptions();
		Set<Option> given = new HashSet<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new BadOptionException("unexpected argument '" + arg + "': options start with --");
			}
			int equals = arg.indexOf('=');
			Option option = option((equals < 0) ? arg : arg.substring(0, equals));
			if (!given.add(option)) {
				throw new BadOptionException(option.flag() + " is given twice");
			}
			String value;
			if (option.isFlag()) {
				if (equals >= 0) {
					throw new BadOptionException(option.flag() + " takes no value");
				}
				value = "";
			}
			else if (equals >= 0) {
				value = arg.substring(equals + 1);
			}
			else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
				value = args[++i];
			}
			else {
				throw new BadOptionException(option.flag() + " needs a value (" + option.flag() + "=" + option.value()
						+ " or " + option.flag() + " " + option.value() + ")");
			}
			if (!option.isFlag() && value.isBlank()) {
				throw new BadOptionException(option.flag() + " needs a value, not an empty one");
			}
			try {
				option.setter().accept(options, value);
			}
			catch (IllegalArgumentException ex) {
				throw new BadOptionException(option.flag() + ": " + ex.getMessage());
			}
		}
		return options;
	}

	/**
	 * The help: how to start the emulator and every option with its default.
	 * @return the help's lines
	 */
	static String usage() {
		StringBuilder usage = new StringBuilder(USAGE).append('\n')
			.append("Starts the emulator of the Feishu open platform on a loopback port; once it listens it prints\n")
			.append("base-url, app-id, app-secret and control-url, then 'ready'. SIGTERM stops it.\n")
			.append("Options (--name=value or --name value; durations such as 100ms, 2s, 5m, PT1H):\n");
		int width = OPTIONS.stream().mapToInt((option) -> synopsis(option).length()).max().orElse(0) + 2;
		for (Option option : OPTIONS) {
			usage.append("  ").append(String.format("%-" + width + "s", synopsis(option))).append(option.description());
			if (!option.defaultValue().isEmpty()) {
				usage.append(" (default: ").append(option.defaultValue()).append(')');
			}
			usage.append('\n');
		}
		return usage.toString();
	}

	/** The option as the help and docs/emulator.md write it: {@code --port=N}, {@code --help}. */
	static String synopsis(Option option) {
		return option.isFlag() ? option.flag() : option.flag() + "=" + option.value();
	}

	private static Option option(String flag) {
		for (Option option : OPTIONS) {
			if (option.flag().equals(flag)) {
				return option;
			}
		}
		throw new BadOptionException("unknown option " + flag);
	}

	private static Option duration(String name, String defaultValue, String description, String builderMethod,
			BiConsumer<FeishuVcEmulator.Builder, Duration> setter) {
		return new Option(name, "DURATION", defaultValue, description, builderMethod,
				(options, value) -> setter.accept(options.builder, duration(value)));
	}

	private static Duration duration(String value) {
		// Spring Boot's message names the value: "'2x' is not a valid duration".
		Duration duration = DurationStyle.detectAndParse(value);
		if (duration.isNegative()) {
			throw new IllegalArgumentException("'" + value + "' is negative");
		}
		return duration;
	}

	private static String read(String file) {
		try {
			return Files.readString(Path.of(file));
		}
		catch (NoSuchFileException ex) {
			throw new IllegalArgumentException("no such file '" + file + "'");
		}
		catch (IOException | InvalidPathException ex) {
			throw new IllegalArgumentException("cannot read '" + file + "': " + ex.getMessage());
		}
	}

	private static int wholeNumber(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + value + "' is not a whole number");
		}
	}

	private static String[] tenantKeys(String value) {
		String[] keys = Arrays.stream(value.split(",", -1)).map(String::trim).toArray(String[]::new);
		if (Arrays.stream(keys).anyMatch(String::isEmpty)) {
			throw new IllegalArgumentException("'" + value + "' has an empty tenant key");
		}
		if (Arrays.stream(keys).distinct().count() < keys.length) {
			throw new IllegalArgumentException("'" + value + "' names a tenant twice");
		}
		return keys;
	}

	/** Per second, then per minute, from {@code 50/s,1000/min} (either first). */
	private static int[] rateLimits(String value) {
		Map<String, Integer> limits = new LinkedHashMap<>();
		for (String part : value.split(",", -1)) {
			Matcher rate = RATE.matcher(part.trim());
			if (!rate.matches() || limits.put(rate.group(2), Integer.parseInt(rate.group(1))) != null) {
				throw new IllegalArgumentException(
						"'" + value + "' is not a limit a second and one a minute, such as 50/s,1000/min");
			}
		}
		@Nullable Integer perSecond = limits.get("s");
		@Nullable Integer perMinute = limits.get("min");
		if (perSecond == null || perMinute == null || perSecond < 1 || perMinute < perSecond) {
			throw new IllegalArgumentException("'" + value
					+ "' is not a limit a second and one a minute, at least 1 and the minute's at least the second's,"
					+ " such as 50/s,1000/min");
		}
		return new int[] { perSecond, perMinute };
	}

}
