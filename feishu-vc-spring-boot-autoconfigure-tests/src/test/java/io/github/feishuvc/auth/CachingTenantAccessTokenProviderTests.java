package io.github.feishuvc.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.feishuvc.core.FeishuVcAuthenticationException;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcInvalidResponseException;
import io.github.feishuvc.support.MutableClock;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.Endpoint;
import io.github.feishuvc.test.FeishuVcEmulator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link CachingTenantAccessTokenProvider} over real loopback HTTP, with a hand-moved clock.
 */
class CachingTenantAccessTokenProviderTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));

	@Nested
	class SingleFlight {

		@Test
		void shouldFetchOnceForAThousandConcurrentColdCallers() {
			try (MockWebServer server = TestFeishu.startMockServer()) {
				server.enqueue(slowToken("t-first", 7200));
				CachingTenantAccessTokenProvider provider = provider(server);

				List<String> tokens = concurrentCalls(provider, 1000);

				assertThat(tokens).hasSize(1000).containsOnly("t-first");
				assertThat(server.getRequestCount()).isEqualTo(1);
			}
		}

		@Test
		void shouldFetchOnceForAThousandConcurrentCallersWithAStaleToken() {
			try (MockWebServer server = TestFeishu.startMockServer()) {
				server.enqueue(TestFeishu.tokenResponse("t-first", 7200));
				server.enqueue(slowToken("t-second", 7200));
				CachingTenantAccessTokenProvider provider = provider(server);
				assertThat(provider.getToken().block()).isEqualTo("t-first");
				CachingTenantAccessTokenProviderTests.this.clock.advance(Duration.ofHours(2));

				List<String> tokens = concurrentCalls(provider, 1000);

				assertThat(tokens).hasSize(1000).containsOnly("t-second");
				assertThat(server.getRequestCount()).isEqualTo(2);
			}
		}

		private List<String> concurrentCalls(CachingTenantAccessTokenProvider provider, int callers) {
			return Flux.range(0, callers)
				.flatMap((i) -> provider.getToken().subscribeOn(Schedulers.boundedElastic()), callers)
				.collectList()
				.block(Duration.ofSeconds(30));
		}

		private MockResponse slowToken(String token, long expire) {
			return new MockResponse.Builder(TestFeishu.tokenResponse(token, expire))
				.headersDelay(300, TimeUnit.MILLISECONDS)
				.build();
		}

	}

	@Nested
	class Expiry {

		@Test
		void shouldReuseTheTokenUntilShortlyBeforeItExpires() {
			try (FeishuVcEmulator emulator = emulator()) {
				CachingTenantAccessTokenProvider provider = provider(emulator, Duration.ofMinutes(5));
				String first = provider.getToken().block();

				advance(Duration.ofMinutes(114));
				assertThat(provider.getToken().block()).isEqualTo(first);
				assertThat(emulator.requestCount(Endpoint.TENANT_ACCESS_TOKEN)).isEqualTo(1);

				advance(Duration.ofMinutes(1));
				String second = provider.getToken().block();
				assertThat(second).isNotEqualTo(first).startsWith("t-");
				assertThat(emulator.requestCount(Endpoint.TENANT_ACCESS_TOKEN)).isEqualTo(2);

				assertThat(provider.getToken().block()).isEqualTo(second);
				assertThat(emulator.requestCount(Endpoint.TENANT_ACCESS_TOKEN)).isEqualTo(2);
			}
		}

		@Test
		void shouldRefreshAShortLivedTokenAtHalfItsLifeWhenTheMarginIsLonger() {
			try (MockWebServer server = TestFeishu.startMockServer()) {
				server.enqueue(TestFeishu.tokenResponse("t-short", 120));
				server.enqueue(TestFeishu.tokenResponse("t-next", 7200));
				CachingTenantAccessTokenProvider provider = provider(server);
				assertThat(provider.getToken().block()).isEqualTo("t-short");

				advance(Duration.ofSeconds(59));
				assertThat(provider.getToken().block()).isEqualTo("t-short");
				advance(Duration.ofSeconds(1));
				assertThat(provider.getToken().block()).isEqualTo("t-next");
				assertThat(server.getRequestCount()).isEqualTo(2);
			}
		}

		@Test
		void shouldSendTheAppCredentialsAsJson() throws Exception {
			try (MockWebServer server = TestFeishu.startMockServer()) {
				server.enqueue(TestFeishu.tokenResponse("t-first", 7200));

				provider(server).getToken().block();

				mockwebserver3.RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
				assertThat(request.getRequestLine())
					.isEqualTo("POST /open-apis/auth/v3/tenant_access_token/internal HTTP/1.1");
				assertThat(request.getHeaders().get("Authorization")).isNull();
				JsonNode body = tools.jackson.databind.json.JsonMapper.shared().readTree(request.getBody().utf8());
				assertThat(body.path("app_id").asString()).isEqualTo(TestFeishu.APP_ID);
				assertThat(body.path("app_secret").asString()).isEqualTo(TestFeishu.APP_SECRET);
			}
		}

	}

	@Nested
	class Failures {

		@Test
		void shouldNotCacheAFailedFetch() {
			try (MockWebServer server = TestFeishu.startMockServer()) {
				server.enqueue(new MockResponse.Builder().code(502).body("<html>bad gateway</html>").build());
				server.enqueue(TestFeishu.tokenResponse("t-after-failure", 7200));
				CachingTenantAccessTokenProvider provider = provider(server);

				StepVerifier.create(provider.getToken()).expectError(FeishuVcInvalidResponseException.class).verify();
				StepVerifier.create(provider.getToken()).expectNext("t-after-failure").verifyComplete();
				assertThat(server.getRequestCount()).isEqualTo(2);
			}
		}

		@Test
		void shouldReportRefusedCredentialsWithThePlatformsCodeAndRetryNextTime() {
			try (FeishuVcEmulator emulator = emulator()) {
				FeishuVcExecutor client = TestFeishu.executor(emulator.baseUrl());
				CachingTenantAccessTokenProvider provider = new CachingTenantAccessTokenProvider(client,
						emulator.appId(), "wrong-secret-value", Duration.ofMinutes(5), clock());

				for (int attempt = 1; attempt <= 2; attempt++) {
					StepVerifier.create(provider.getToken())
						.expectErrorSatisfies((ex) -> assertThat(ex)
							.isInstanceOfSatisfying(FeishuVcAuthenticationException.class, (auth) -> {
								assertThat(auth.code()).isEqualTo(10014);
								assertThat(auth.msg()).isEqualTo("app secret invalid");
								assertThat(auth.httpStatus()).isEqualTo(400);
								assertThat(auth.logId()).isNotBlank();
								assertThat(auth.operation()).isEqualTo("auth.tenant_access_token");
								assertThat(auth).hasMessageNotContaining("wrong-secret-value");
							}))
						.verify();
					assertThat(emulator.requestCount(Endpoint.TENANT_ACCESS_TOKEN)).isEqualTo(attempt);
				}
			}
		}

		@Test
		void shouldReportATokenResponseWithoutToken() {
			try (MockWebServer server = TestFeishu.startMockServer()) {
				server.enqueue(TestFeishu.json(200, "{\"code\":0,\"msg\":\"ok\",\"expire\":7200}"));
				server.enqueue(TestFeishu.json(200, "{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"t-x\",\"expire\":0}"));
				CachingTenantAccessTokenProvider provider = provider(server);

				StepVerifier.create(provider.getToken())
					.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FeishuVcInvalidResponseException.class)
						.hasMessageContaining("no tenant_access_token and expire"))
					.verify();
				StepVerifier.create(provider.getToken()).expectError(FeishuVcInvalidResponseException.class).verify();
			}
		}

		@Test
		void shouldRejectMissingCredentials() {
			FeishuVcExecutor client = TestFeishu.executor("http://127.0.0.1:1");
			assertThatIllegalArgumentException().isThrownBy(() -> new CachingTenantAccessTokenProvider(client, " ",
					"secret", Duration.ZERO, Clock.systemUTC()))
				.withMessageContaining("appId");
			assertThatIllegalArgumentException().isThrownBy(() -> new CachingTenantAccessTokenProvider(client, "cli_x",
					"", Duration.ZERO, Clock.systemUTC()))
				.withMessageContaining("appSecret");
		}

	}

	@Nested
	class Invalidation {

		@Test
		void shouldFetchANewTokenAfterTheCachedOneIsInvalidated() {
			try (MockWebServer server = TestFeishu.startMockServer()) {
				server.enqueue(TestFeishu.tokenResponse("t-rejected", 7200));
				server.enqueue(TestFeishu.tokenResponse("t-fresh", 7200));
				CachingTenantAccessTokenProvider provider = provider(server);
				assertThat(provider.getToken().block()).isEqualTo("t-rejected");

				provider.invalidate("t-rejected");

				assertThat(provider.getToken().block()).isEqualTo("t-fresh");
				assertThat(provider.getToken().block()).isEqualTo("t-fresh");
				assertThat(server.getRequestCount()).isEqualTo(2);
			}
		}

		@Test
		void shouldIgnoreTheInvalidationOfAnotherToken() {
			try (MockWebServer server = TestFeishu.startMockServer()) {
				server.enqueue(TestFeishu.tokenResponse("t-current", 7200));
				CachingTenantAccessTokenProvider provider = provider(server);
				provider.getToken().block();

				provider.invalidate("t-older");

				assertThat(provider.getToken().block()).isEqualTo("t-current");
				assertThat(server.getRequestCount()).isEqualTo(1);
			}
		}

		@Test
		void shouldNotRefetchForeverWhenThePlatformReturnsTheSameTokenAgain() {
			try (MockWebServer server = TestFeishu.startMockServer()) {
				server.enqueue(TestFeishu.tokenResponse("t-same", 7200));
				server.enqueue(TestFeishu.tokenResponse("t-same", 7100));
				CachingTenantAccessTokenProvider provider = provider(server);
				provider.getToken().block();

				provider.invalidate("t-same");

				assertThat(provider.getToken().block()).isEqualTo("t-same");
				assertThat(provider.getToken().block()).isEqualTo("t-same");
				assertThat(server.getRequestCount()).isEqualTo(2);
			}
		}

	}

	@Nested
	class NonsensicalAnswers {

		@ParameterizedTest
		@ValueSource(strings = { "{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"t-x\"}",
				"{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"t-x\",\"expire\":0}",
				"{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"t-x\",\"expire\":-5}",
				"{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"t-x\",\"expire\":\"\"}",
				"{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"t-x\",\"expire\":null}",
				"{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"\",\"expire\":7200}",
				"{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"  \",\"expire\":7200}",
				"{\"code\":0,\"msg\":\"ok\",\"expire\":7200}", "{\"code\":0,\"msg\":\"ok\"}" })
		void shouldRefuseAnAnswerWithoutAUsableTokenAndLifetime(String answer) {
			try (MockWebServer server = TestFeishu.startMockServer()) {
				server.enqueue(TestFeishu.json(200, answer));
				server.enqueue(TestFeishu.tokenResponse("t-good", 7200));
				CachingTenantAccessTokenProvider provider = provider(server);

				StepVerifier.create(provider.getToken())
					.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FeishuVcInvalidResponseException.class)
						.hasMessageContaining("no tenant_access_token and expire"))
					.verify();
				assertThat(provider.getToken().block()).as("the next call fetches again").isEqualTo("t-good");
			}
		}

		@Test
		void shouldBelieveNoLifetimeLongerThanTwoHours() {
			try (MockWebServer server = TestFeishu.startMockServer()) {
				server.enqueue(TestFeishu.tokenResponse("t-forever", 1_000_000_000_000L));
				server.enqueue(TestFeishu.tokenResponse("t-next", 7200));
				CachingTenantAccessTokenProvider provider = provider(server);
				assertThat(provider.getToken().block()).isEqualTo("t-forever");
				assertThat(provider.lastRefresh().expiresAt()).isEqualTo(clock().instant().plus(Duration.ofHours(2)));

				advance(Duration.ofMinutes(114));
				assertThat(provider.getToken().block()).isEqualTo("t-forever");
				advance(Duration.ofMinutes(2));
				assertThat(provider.getToken().block()).as("refreshed 5 minutes before two hours").isEqualTo("t-next");
			}
		}

		@Test
		void shouldNotRefetchAShortLivedTokenOnEveryCall() {
			try (MockWebServer server = TestFeishu.startMockServer()) {
				server.enqueue(TestFeishu.tokenResponse("t-brief", 2));
				server.enqueue(TestFeishu.tokenResponse("t-brief-2", 2));
				CachingTenantAccessTokenProvider provider = provider(server);

				for (int i = 0; i < 100; i++) {
					assertThat(provider.getToken().block()).isEqualTo("t-brief");
				}
				advance(Duration.ofMillis(999));
				assertThat(provider.getToken().block()).isEqualTo("t-brief");
				advance(Duration.ofMillis(1));
				assertThat(provider.getToken().block()).as("refreshed at half its life").isEqualTo("t-brief-2");
				assertThat(server.getRequestCount()).isEqualTo(2);
			}
		}

	}

	private void advance(Duration duration) {
		this.clock.advance(duration);
	}

	private Clock clock() {
		return this.clock;
	}

	private FeishuVcEmulator emulator() {
		return FeishuVcEmulator.builder().clock(this.clock).start();
	}

	private CachingTenantAccessTokenProvider provider(MockWebServer server) {
		return TestFeishu.tokenProvider(TestFeishu.executor(TestFeishu.baseUrl(server)), this.clock);
	}

	private CachingTenantAccessTokenProvider provider(FeishuVcEmulator emulator, Duration refreshBeforeExpiry) {
		return new CachingTenantAccessTokenProvider(TestFeishu.executor(emulator.baseUrl()), emulator.appId(),
				emulator.appSecret(), refreshBeforeExpiry, this.clock);
	}

}
