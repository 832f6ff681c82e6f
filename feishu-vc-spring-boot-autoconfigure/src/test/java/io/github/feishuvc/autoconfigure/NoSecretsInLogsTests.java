package io.github.feishuvc.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.Endpoint;
import io.github.feishuvc.test.FeishuVcEmulator;
import io.github.feishuvc.test.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.test.StepVerifier;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures every log line the client side writes at TRACE while it fetches a token, reads a reservation, fails and
 * refreshes, with Boot's {@code spring.codec.log-request-details=true}, and checks that neither the app secret nor
 * any token appears.
 */
class NoSecretsInLogsTests {

	/** The emulator's own server side is not the starter's logging. */
	private static final String EMULATOR_SERVER_LOGGERS = "reactor.netty.http.server";

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();

	private Level rootLevel;

	private FeishuVcEmulator emulator;

	@BeforeEach
	void captureEverything() {
		Logger root = this.loggers.getLogger(Logger.ROOT_LOGGER_NAME);
		this.rootLevel = root.getLevel();
		root.setLevel(Level.TRACE);
		this.appender.setContext(this.loggers);
		this.appender.start();
		root.addAppender(this.appender);
		this.emulator = FeishuVcEmulator.builder().appSecret("s3cr3t-app-secret-value").start();
	}

	@AfterEach
	void restore() {
		Logger root = this.loggers.getLogger(Logger.ROOT_LOGGER_NAME);
		root.detachAppender(this.appender);
		root.setLevel(this.rootLevel);
		this.emulator.close();
	}

	@Test
	void shouldNeverLogTheAppSecretOrATokenEvenAtTrace() {
		TestFeishu.contextRunner(this.emulator)
			.withPropertyValues("spring.codec.log-request-details=true", "logging.level.root=trace")
			.run((context) -> {
				ReserveOperations reserves = context.getBean(ReserveOperations.class);
				TenantAccessTokenProvider tokens = context.getBean(TenantAccessTokenProvider.class);
				reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block();
				StepVerifier.create(reserves.get("missing")).expectError().verify();
				tokens.invalidate(tokens.getToken().block());
				this.emulator.expireTokens();
				reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block();
				StepVerifier.create(reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID)
					.doOnSubscribe((s) -> this.emulator.expireTokens()))
					.as("a rejected token is replaced and the call retried")
					.expectNextCount(1)
					.verifyComplete();
			});

		List<String> tokens = this.emulator.requests()
			.stream()
			.map(RecordedRequest::authorization)
			.filter((authorization) -> authorization != null)
			.map((authorization) -> authorization.substring("Bearer ".length()))
			.distinct()
			.toList();
		assertThat(tokens).hasSizeGreaterThanOrEqualTo(3);
		assertThat(this.emulator.requestCount(Endpoint.TENANT_ACCESS_TOKEN)).isGreaterThanOrEqualTo(3);

		List<String> lines = captured().stream()
			.filter((event) -> !event.getLoggerName().startsWith(EMULATOR_SERVER_LOGGERS))
			.map(NoSecretsInLogsTests::fullText)
			.toList();
		assertThat(lines).as("client-side DEBUG lines of the starter")
			.anySatisfy((line) -> assertThat(line).contains("reserve.get GET /open-apis/vc/v1/reserves/"))
			.anySatisfy((line) -> assertThat(line).contains("Fetched a tenant access token"))
			.anySatisfy((line) -> assertThat(line).contains("retrying with a new token"));
		assertThat(lines).as("WebClient's own request logging").anySatisfy((line) -> assertThat(line).contains("HTTP GET"));
		Stream.concat(Stream.of(this.emulator.appSecret()), tokens.stream())
			.forEach((secret) -> assertThat(lines).noneSatisfy((line) -> assertThat(line).contains(secret)));
	}

	/**
	 * Netty threads may still log (a connection closing) while the test reads; {@code AppenderBase.doAppend}
	 * synchronizes on the appender, so a copy taken under that lock is consistent.
	 */
	private List<ILoggingEvent> captured() {
		synchronized (this.appender) {
			return new ArrayList<>(this.appender.list);
		}
	}

	private static String fullText(ILoggingEvent event) {
		String text = event.getLoggerName() + " " + event.getFormattedMessage();
		return (event.getThrowableProxy() != null) ? text + " " + ThrowableProxyUtil.asString(event.getThrowableProxy())
				: text;
	}

}
