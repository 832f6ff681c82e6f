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

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.feishuvc.support.TestFeishu;
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
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code docs/troubleshooting.md} quotes every start-up failure the starter can print: each
 * {@link FeishuVcConfigurationException} the code throws is made to happen here, as an application would meet it,
 * and the description its failure analyzer prints must match a message quoted in the page's start-up table
 * ({@code ...} standing for what varies). A new failure in the code fails this test until it has a case here and a
 * row on the page.
 */
class TroubleshootingPageTests {

	private static final Path PAGE = Path.of("..", "docs", "troubleshooting.md");

	private static final Path SOURCES = Path.of("..", "feishu-vc-spring-boot-autoconfigure", "src", "main", "java");

	private static final Pattern THROWN = Pattern
		.compile("new (FeishuVcConfigurationException|MissingFeishuVcCredentialsException)\\(");

	private static final Pattern QUOTED = Pattern.compile("^\\| (?:WARN |ERROR )?`([^`]+)`");

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
			.hasSize(thrownInTheCode());
		List<String> quotes = startUpQuotes();
		List<String> missing = new ArrayList<>();
		failures.forEach((name, description) -> {
			if (quotes.stream().noneMatch((quote) -> matches(quote, description))) {
				missing.add(name + ": " + description);
			}
		});
		assertThat(missing).as("start-up failures that %s does not quote", PAGE).isEmpty();
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
		return failures;
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

	/** How many start-up failures the code can throw, each a place that makes one. */
	private static int thrownInTheCode() throws IOException {
		int thrown = 0;
		try (Stream<Path> sources = Files.walk(SOURCES)) {
			for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Matcher found = THROWN.matcher(Files.readString(source));
				while (found.find()) {
					thrown++;
				}
			}
		}
		assertThat(thrown).isGreaterThan(10);
		return thrown;
	}

	/** The messages quoted in the first column of the page's start-up table. */
	private static List<String> startUpQuotes() throws IOException {
		String page = Files.readString(PAGE);
		int start = page.indexOf("\n## At start-up\n");
		assertThat(start).as("the start-up section of %s", PAGE).isPositive();
		int end = page.indexOf("\n## ", start + 1);
		List<String> quotes = new ArrayList<>();
		for (String line : page.substring(start, (end < 0) ? page.length() : end).split("\n")) {
			Matcher quoted = QUOTED.matcher(line);
			if (quoted.find()) {
				quotes.add(quoted.group(1));
			}
		}
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

}
