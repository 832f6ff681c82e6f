package io.github.feishuvc.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.github.feishuvc.auth.AppTicketStore;
import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.support.EventEndpointServer;
import io.github.feishuvc.support.LogCapture;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.Endpoint;
import io.github.feishuvc.test.FeishuVcEmulator;
import io.github.feishuvc.test.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.client.ClientRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures every log line the client side writes at TRACE while it fetches a token, reads a reservation, fails and
 * refreshes, with Boot's {@code spring.codec.log-request-details=true}, and checks that neither the app secret nor
 * any token appears; for a store app, nor its app ticket, app token, verification token or encrypt key.
 */
class NoSecretsInLogsTests {

	/** The emulator's own server side is not the starter's logging. */
	private static final String EMULATOR_SERVER_LOGGERS = "reactor.netty.http.server";

	private LogCapture logs;

	private FeishuVcEmulator emulator;

	@BeforeEach
	void captureEverything() {
		this.logs = LogCapture.everything();
		this.emulator = FeishuVcEmulator.builder().appSecret("s3cr3t-app-secret-value").start();
	}

	@AfterEach
	void restore() {
		this.logs.close();
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

		List<String> lines = lines();
		assertThat(lines).as("client-side DEBUG lines of the starter")
			.anySatisfy((line) -> assertThat(line).contains("reserve.get GET /open-apis/vc/v1/reserves/"))
			.anySatisfy((line) -> assertThat(line).contains("Fetched a tenant access token"))
			.anySatisfy((line) -> assertThat(line).contains("retrying with a new token"));
		assertThat(lines).as("WebClient's own request logging").anySatisfy((line) -> assertThat(line).contains("HTTP GET"));
		Stream.concat(Stream.of(this.emulator.appSecret()), tokens.stream())
			.forEach((secret) -> assertThat(lines).noneSatisfy((line) -> assertThat(line).contains(secret)));
	}

	@Test
	void shouldNeverLogTheTicketsTokensOrEventSecretsOfAStoreApp() {
		try (FeishuVcEmulator store = FeishuVcEmulator.builder()
			.appSecret("s3cr3t-store-secret")
			.verificationToken("v3rification-token-value")
			.encryptKey("3ncrypt-key-value")
			.storeApp("t1", "t2")
			.start()) {
			// No web server: the test's own endpoint feeds the tickets to the AppTicketStore.
			TestFeishu.contextRunner(store)
				.withPropertyValues("spring.codec.log-request-details=true", "logging.level.root=trace",
						"feishu.vc.events.enabled=false")
				.run((context) -> {
					try (EventEndpointServer endpoint = EventEndpointServer.start(store,
							context.getBean(AppTicketStore.class))) {
						ReserveOperations reserves = context.getBean(ReserveOperations.class);
						store.addTenantReserve("t2", "{\"id\": \"r-t2\"}");
						reserves.forTenant("t2").get("r-t2").block();
						store.expireTokens();
						reserves.forTenant("t1").get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block();
						StepVerifier.create(reserves.forTenant("t1").get("r-t2")).expectError().verify();
					}
				});
			List<String> secrets = new ArrayList<>(List.of(store.appSecret(), "v3rification-token-value",
					"3ncrypt-key-value"));
			for (RecordedRequest request : store.requests()) {
				if (request.authorization() != null) {
					secrets.add(request.authorization().substring("Bearer ".length()));
				}
				JsonNode body = request.body().isEmpty() ? null : JsonMapper.builder().build().readTree(request.body());
				for (String field : List.of("app_ticket", "app_access_token")) {
					if (body != null && body.hasNonNull(field)) {
						secrets.add(body.path(field).asString());
					}
				}
			}
			assertThat(secrets).hasSizeGreaterThan(8);
			assertThat(store.requestCount(Endpoint.APP_ACCESS_TOKEN)).isEqualTo(2);
			List<String> lines = lines();
			assertThat(lines).anySatisfy((line) -> assertThat(line).contains("Received the app_ticket"))
				.anySatisfy((line) -> assertThat(line).contains("Fetched a tenant access token"))
				.anySatisfy((line) -> assertThat(line).contains("Fetched an app access token"));
			secrets.forEach((secret) -> assertThat(lines).noneSatisfy((line) -> assertThat(line).contains(secret)));
		}
	}

	/**
	 * An application filter that logs every body it sees (as Logbook's would) sees the VC calls, but never the token
	 * endpoints' requests (the app secret) nor their answers (the tokens).
	 */
	@Test
	void shouldKeepTheTokenEndpointsOutOfTheApplicationsFilters() {
		List<String> seen = new CopyOnWriteArrayList<>();
		WebClientCustomizer bodyLogging = (builder) -> builder.filter((request, next) -> {
			seen.add(request.method() + " " + request.url().getPath());
			BodyInserter<?, ? super ClientHttpRequest> body = request.body();
			ClientRequest capturing = ClientRequest.from(request)
				.body((message, context) -> body.insert(new ClientHttpRequestDecorator(message) {

					@Override
					public Mono<Void> writeWith(Publisher<? extends DataBuffer> content) {
						return super.writeWith(Flux.from(content)
							.doOnNext((buffer) -> seen.add(buffer.toString(StandardCharsets.UTF_8))));
					}

				}, context))
				.build();
			return next.exchange(capturing)
				.map((response) -> response.mutate()
					.body((content) -> content.doOnNext((buffer) -> seen.add(buffer.toString(StandardCharsets.UTF_8))))
					.build());
		});
		TestFeishu.contextRunner(this.emulator)
			.withBean(WebClientCustomizer.class, () -> bodyLogging)
			.run((context) -> {
				ReserveOperations reserves = context.getBean(ReserveOperations.class);
				reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block();
				this.emulator.expireTokens();
				reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block();
			});

		assertThat(this.emulator.requestCount(Endpoint.TENANT_ACCESS_TOKEN)).isEqualTo(2);
		assertThat(seen).as("the VC calls pass the filter, bodies included")
			.contains("GET /open-apis/vc/v1/reserves/" + FeishuVcEmulator.REFERENCE_RESERVE_ID)
			.anySatisfy((line) -> assertThat(line).contains("\"meeting_no\""))
			.noneSatisfy((line) -> assertThat(line).contains("/open-apis/auth/"));
		List<String> secrets = new ArrayList<>(List.of(this.emulator.appSecret()));
		this.emulator.requests()
			.stream()
			.map(RecordedRequest::authorization)
			.filter((authorization) -> authorization != null)
			.forEach((authorization) -> secrets.add(authorization.substring("Bearer ".length())));
		assertThat(secrets).hasSizeGreaterThanOrEqualTo(3);
		secrets.forEach((secret) -> assertThat(seen).noneSatisfy((line) -> assertThat(line).contains(secret)));
	}

	private List<String> lines() {
		return this.logs.events()
			.stream()
			.filter((event) -> !event.getLoggerName().startsWith(EMULATOR_SERVER_LOGGERS))
			.map(LogCapture::fullText)
			.toList();
	}

}
