package io.github.feishuvc.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.feishuvc.meeting.event.MeetingStartedEvent;
import io.github.feishuvc.support.LogCapture;
import io.github.feishuvc.support.TestFeishu;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code docs/troubleshooting.md} quotes every message the starter can print at start-up: each
 * {@link FeishuVcConfigurationException} the code throws, each WARN the start-up code logs and each refusal of the
 * base URL is made to happen here, as an application would meet it, and what it prints (the failure analyzer's
 * description, the WARN line, the exception's message) must match a message quoted in the page's start-up table
 * ({@code ...} standing for what varies). A new message in the code fails this test until it has a case here and a
 * row on the page.
 */
class TroubleshootingPageTests {

	private static final Path PAGE = Path.of("..", "docs", "troubleshooting.md");

	private static final Path SOURCES = Path.of("..", "feishu-vc-spring-boot-autoconfigure", "src", "main", "java");

	/**
	 * The code that runs as the application starts: the auto-configuration and its checks, and the client, which
	 * checks the base URL when its bean is made.
	 */
	private static final List<Path> START_UP_CODE = List.of(SOURCES.resolve(Path.of("io", "github", "feishuvc",
			"autoconfigure")), SOURCES.resolve(Path.of("io", "github", "feishuvc", "core", "FeishuVcClient.java")));

	private static final Pattern THROWN = Pattern
		.compile("new (FeishuVcConfigurationException|MissingFeishuVcCredentialsException)\\(");

	private static final Pattern WARNED = Pattern.compile("logger\\.warn\\(");

	private static final Pattern BASE_URL_REFUSED = Pattern.compile(Pattern.quote("\"Feishu base URL '\""));

	/** A row of the page's table: its first cell, a WARN's marked as such. */
	private static final Pattern ROW = Pattern.compile("^\\| (WARN )?(.*?) \\|");

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	/** The least of a quote's fixed text: a quote of {@code ...} alone would match anything. */
	private static final int STABLE_PHRASE = 25;

	private static final AutoConfigurations STARTER = AutoConfigurations.of(FeishuVcAutoConfiguration.class,
			FeishuVcHealthContributorAutoConfiguration.class, FeishuVcEventsAutoConfiguration.class,
			FeishuVcLongConnectionAutoConfiguration.class, FeishuVcRedisAutoConfiguration.class,
			FeishuVcOAuth2ClientAutoConfiguration.class, FeishuVcUserTokensAutoConfiguration.class,
			FeishuVcEventSecurityAutoConfiguration.class, JacksonAutoConfiguration.class);

	private static final String[] CREDENTIALS = { "feishu.vc.app-id=cli_test", "feishu.vc.app-secret=test-secret",
			TestFeishu.FAST_SHUTDOWN };

	private final MissingFeishuVcCredentialsFailureAnalyzer analyzer = new MissingFeishuVcCredentialsFailureAnalyzer();

	@Test
	void shouldQuoteEveryStartUpFailureOfTheCode() throws IOException {
		Map<String, String> failures = failures();
		assertThat(failures.values()).as("each case a failure of its own").doesNotHaveDuplicates();
		assertThat(failures).as("a case here for each failure the code throws at start-up (%s)", SOURCES)
			.hasSize(occurrences(THROWN, List.of(SOURCES)));
		assertThat(unquoted(failures, startUpQuotes(false))).as("start-up failures that %s does not quote", PAGE)
			.isEmpty();
	}

	@Test
	void shouldQuoteEveryStartUpWarningOfTheCode() throws IOException {
		Map<String, String> warnings = warnings();
		assertThat(warnings.values()).as("each case a warning of its own").doesNotHaveDuplicates();
		assertThat(warnings).as("a case here for each WARN the start-up code logs (%s)", START_UP_CODE)
			.hasSize(occurrences(WARNED, START_UP_CODE));
		List<String> quotes = startUpQuotes(true);
		assertThat(unquoted(warnings, quotes)).as("start-up warnings that %s does not quote", PAGE).isEmpty();
		assertThat(quotes).as("WARN rows of %s that quote no warning of the code", PAGE)
			.allMatch((quote) -> warnings.values().stream().anyMatch((warning) -> matches(quote, warning)));
	}

	@Test
	void shouldQuoteEveryRefusalOfTheBaseUrl() throws IOException {
		Map<String, String> refusals = new LinkedHashMap<>();
		baseUrlRefused("ftp://open.feishu.cn", "not http", refusals);
		baseUrlRefused("https://open feishu.cn", "not a URL", refusals);
		baseUrlRefused("https://open.feishu.cn/?region=cn", "a query", refusals);
		assertThat(refusals.values()).as("each case a refusal of its own").doesNotHaveDuplicates();
		assertThat(refusals).as("a case here for each refusal of the base URL (%s)", SOURCES)
			.hasSize(occurrences(BASE_URL_REFUSED, List.of(SOURCES)));
		assertThat(unquoted(refusals, startUpQuotes(false))).as("base URL refusals that %s does not quote", PAGE)
			.isEmpty();
	}

	/** Each start-up failure, made to happen, by what causes it: the description its analyzer prints. */
	private Map<String, String> failures() {
		Map<String, String> failures = new LinkedHashMap<>();
		failures.put("Spring Boot 3", described(catchThrowable(() -> FeishuVcSpringBootCheck.check("3.5.7"))));
		failedToStart(app(), "no credentials", failures);
		failedToStart(app().withPropertyValues(CREDENTIALS)
			.withPropertyValues("feishu.vc.app-id=${FEISHU_VC_TROUBLESHOOTING_UNSET}"), "a placeholder unresolved",
				failures);
		failedToStart(app().withPropertyValues(CREDENTIALS)
			.withPropertyValues("feishu.vc.app-type=store", "feishu.vc.events.mode=long-connection",
					"feishu.vc.events.verification-token=t"),
				"a store app on the long connection", failures);
		failedToStart(app().withPropertyValues(CREDENTIALS)
			.withPropertyValues("feishu.vc.app-type=store", "feishu.vc.events.verification-token=t"),
				"a store app without a web server", failures);
		failedToStart(web().withPropertyValues(CREDENTIALS).withPropertyValues("feishu.vc.events.enabled=true"),
				"the event endpoint without its verification token", failures);
		failedToStart(web().withPropertyValues(CREDENTIALS)
			.withPropertyValues("feishu.vc.app-type=store", "feishu.vc.events.verification-token=t")
			.withClassLoader(new FilteredClassLoader(Caffeine.class)), "a store app without Caffeine", failures);
		failedToStart(app().withPropertyValues(CREDENTIALS)
			.withPropertyValues("feishu.vc.events.mode=long-connection")
			.withClassLoader(new FilteredClassLoader("com.google.protobuf")), "the long connection without protobuf",
				failures);
		failedToStart(app().withPropertyValues(CREDENTIALS)
			.withPropertyValues("feishu.vc.shared-state.type=redis")
			.withClassLoader(new FilteredClassLoader(ReactiveStringRedisTemplate.class)),
				"Redis without Spring Data Redis", failures);
		failedToStart(app().withPropertyValues(CREDENTIALS).withPropertyValues("feishu.vc.shared-state.type=redis"),
				"Redis without a reactive connection", failures);
		failures.put("Redis older than 5.0",
				described(catchThrowable(() -> FeishuVcRedisAutoConfiguration.checkVersion("4.0.14"))));
		failures.put("a key prefix with empty braces",
				described(catchThrowable(() -> FeishuVcRedisAutoConfiguration.checkKeyPrefix("app{}:"))));
		FeishuVcSharedStateProperties slowRedis = new Binder(new MapConfigurationPropertySource(
				Map.of("feishu.vc.shared-state.type", "redis", "feishu.vc.shared-state.timeout", "3s")))
			.bindOrCreate(FeishuVcSharedStateProperties.PREFIX, FeishuVcSharedStateProperties.class);
		failures.put("a Redis timeout longer than an event's answer", described(
				catchThrowable(() -> FeishuVcEventPublishingConfiguration.checkSharedStateTimeout(slowRedis))));
		FeishuVcSharedStateProperties memory = new Binder(new MapConfigurationPropertySource(Map.of()))
			.bindOrCreate(FeishuVcSharedStateProperties.PREFIX, FeishuVcSharedStateProperties.class);
		FeishuVcEventsProperties inbox = new Binder(
				new MapConfigurationPropertySource(Map.of("feishu.vc.events.inbox.enabled", "true")))
			.bindOrCreate(FeishuVcEventsProperties.PREFIX, FeishuVcEventsProperties.class);
		failures.put("the inbox without Redis", described(
				catchThrowable(() -> FeishuVcEventPublishingConfiguration.checkInbox(memory, inbox))));
		return failures;
	}

	/** Each WARN of the start-up code, made to happen, by what causes it: the line logged. */
	private static Map<String, String> warnings() {
		Map<String, String> warnings = new LinkedHashMap<>();
		warned(app().withPropertyValues(CREDENTIALS).withPropertyValues("feishu.vc.events.enabled=true",
				"feishu.vc.events.verification-token=t"), "events on without a web server", warnings);
		warned(app().withPropertyValues(CREDENTIALS).withPropertyValues("feishu.vc.base-url=http://feishu.example.com"),
				"a plain http base URL to another machine", warnings);
		warned(app().withPropertyValues(CREDENTIALS).withUserConfiguration(MeetingListener.class),
				"a listener of meeting events while events are off", warnings);
		try (LogCapture logs = LogCapture.of("io.github.feishuvc", Level.WARN)) {
			FeishuVcRedisAutoConfiguration.warnOfAClusterLayoutNeverReadAgain(clusterWithoutTopologyRefresh());
			assertThat(logs.events()).singleElement()
				.satisfies((event) -> warnings.put("a Redis Cluster whose client never reads its layout again",
						event.getFormattedMessage()));
		}
		return warnings;
	}

	/**
	 * A connection to a Redis Cluster (not connected: the warning reads its configuration only) whose Lettuce never
	 * refreshes the cluster's layout: Lettuce 6's default (Spring Boot 4.0), or Lettuce 7's adaptive triggers, on by
	 * default, turned off (a method Lettuce 6 lacks, hence reflection: the suite also compiles on Spring Boot 4.0).
	 */
	private static LettuceConnectionFactory clusterWithoutTopologyRefresh() {
		ClusterTopologyRefreshOptions.Builder refresh = ClusterTopologyRefreshOptions.builder();
		try {
			refresh.getClass().getMethod("disableAllAdaptiveRefreshTriggers").invoke(refresh);
		}
		catch (NoSuchMethodException ex) {
			// Lettuce 6: no trigger by default.
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
		return new LettuceConnectionFactory(new RedisClusterConfiguration(List.of("127.0.0.1:7000")),
				LettuceClientConfiguration.builder()
					.clientOptions(ClusterClientOptions.builder().topologyRefreshOptions(refresh.build()).build())
					.build());
	}

	private static void warned(ApplicationContextRunner runner, String name, Map<String, String> warnings) {
		try (LogCapture logs = LogCapture.of("io.github.feishuvc", Level.WARN)) {
			runner.run((context) -> {
				assertThat(context).as(name).hasNotFailed();
				assertThat(logs.events()).as(name).singleElement().satisfies((event) -> {
					assertThat(event.getLevel()).isEqualTo(Level.WARN);
					warnings.put(name, event.getFormattedMessage());
				});
			});
		}
	}

	/** The message of the exception that refuses the base URL as the application starts, as its log shows it. */
	private static void baseUrlRefused(String baseUrl, String name, Map<String, String> refusals) {
		app().withPropertyValues(CREDENTIALS).withPropertyValues("feishu.vc.base-url=" + baseUrl).run((context) -> {
			assertThat(context).as(name).hasFailed();
			Throwable cause = context.getStartupFailure();
			while (cause != null && !(cause instanceof IllegalArgumentException)) {
				cause = cause.getCause();
			}
			assertThat(cause).as("%s: %s", name, context.getStartupFailure()).isNotNull();
			refusals.put(name, cause.getMessage());
		});
	}

	private static ApplicationContextRunner app() {
		return new ApplicationContextRunner().withConfiguration(STARTER).withConfiguration(TestFeishu.BOOT_WEB_CLIENT);
	}

	private static ReactiveWebApplicationContextRunner web() {
		return new ReactiveWebApplicationContextRunner().withConfiguration(STARTER)
			.withConfiguration(TestFeishu.BOOT_WEB_CLIENT);
	}

	private void failedToStart(AbstractApplicationContextRunner<?, ?, ?> runner, String name,
			Map<String, String> failures) {
		runner.run((context) -> {
			assertThat(context).as(name).hasFailed();
			failures.put(name, described(context.getStartupFailure()));
		});
	}

	private String described(Throwable failure) {
		FailureAnalysis analysis = this.analyzer.analyze(failure);
		assertThat(analysis).as("the analysis of %s", failure).isNotNull();
		return analysis.getDescription();
	}

	/** How many places of the code (files, or the files below folders) make a message: each match of the pattern. */
	private static int occurrences(Pattern made, List<Path> code) throws IOException {
		int places = 0;
		for (Path root : code) {
			try (Stream<Path> sources = Files.walk(root)) {
				for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
					Matcher found = made.matcher(Files.readString(source));
					while (found.find()) {
						places++;
					}
				}
			}
		}
		assertThat(places).as("places that match %s in %s", made, code).isPositive();
		return places;
	}

	/** The cases whose message no quote matches, by name. */
	private static List<String> unquoted(Map<String, String> messages, List<String> quotes) {
		List<String> unquoted = new ArrayList<>();
		messages.forEach((name, message) -> {
			if (quotes.stream().noneMatch((quote) -> matches(quote, message))) {
				unquoted.add(name + ": " + message);
			}
		});
		return unquoted;
	}

	/** The messages quoted in the first column of the page's start-up table: the WARN rows', or the others'. */
	private static List<String> startUpQuotes(boolean warnings) throws IOException {
		String page = Files.readString(PAGE);
		int start = page.indexOf("\n## At start-up\n");
		assertThat(start).as("the start-up section of %s", PAGE).isPositive();
		int end = page.indexOf("\n## ", start + 1);
		List<String> quotes = new ArrayList<>();
		for (String line : page.substring(start, (end < 0) ? page.length() : end).split("\n")) {
			Matcher row = ROW.matcher(line);
			if (row.find() && (row.group(1) != null) == warnings) {
				Matcher quoted = CODE.matcher(row.group(2));
				while (quoted.find()) {
					quotes.add(quoted.group(1));
				}
			}
		}
		assertThat(quotes).as("quotes of %s", PAGE).isNotEmpty();
		return quotes;
	}

	/** Whether a quote, {@code ...} standing for any text (and the spaces beside it), is found in a message. */
	private static boolean matches(String quote, String message) {
		String[] fixed = quote.split("\\s*\\.\\.\\.\\s*", -1);
		if (String.join("", fixed).strip().length() < STABLE_PHRASE) {
			return false;
		}
		StringBuilder pattern = new StringBuilder();
		for (String part : fixed) {
			pattern.append((pattern.isEmpty()) ? "" : ".*?").append(Pattern.quote(part));
		}
		return Pattern.compile(pattern.toString(), Pattern.DOTALL).matcher(message).find();
	}

	@Configuration(proxyBeanMethods = false)
	static class MeetingListener {

		@Bean
		MeetingLog meetingLog() {
			return new MeetingLog();
		}

	}

	static class MeetingLog {

		@EventListener
		void onStarted(MeetingStartedEvent event) {
		}

	}

}
