package io.github.feishuvc.core;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveApplyRequest;
import io.github.feishuvc.reserve.ReserveMeetingSettingRequest;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.reserve.ReserveResult;
import io.github.feishuvc.support.FixedTenantToken;
import io.github.feishuvc.support.RecordingScheduler;
import io.github.feishuvc.support.TestFeishu;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries, token renewal, rate-limit waits and limits of {@link FeishuVcExecutor}, over real loopback HTTP against a
 * mock server that fails on cue, with a {@link RecordingScheduler} standing in for the clock of waits.
 */
class FeishuVcExecutorTests {

	private static final String TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token/internal";

	private final RecordingScheduler scheduler = new RecordingScheduler();

	private MockWebServer server;

	@BeforeEach
	void startServer() {
		this.server = TestFeishu.startMockServer();
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Nested
	class RejectedTokens {

		@Test
		void shouldReplaceARejectedTenantTokenAndRetryOnce() throws Exception {
			token("t-stale");
			enqueue(400, "{\"code\":99991663,\"msg\":\"Invalid access token for authorization.\"}");
			token("t-fresh");
			enqueue(200, TestFeishu.referenceResponse());

			Reserve reserve = reserves(FeishuVcRetryPolicy.none()).get("1").block();

			assertThat(reserve.meetingNo()).isEqualTo("112000358");
			assertThat(authorizations()).containsExactly(null, "Bearer t-stale", null, "Bearer t-fresh");
			assertThat(scheduler.delays()).isEmpty();
		}

		@Test
		void shouldReportASecondRejectionInsteadOfLooping() throws Exception {
			token("t-one");
			enqueue(400, "{\"code\":99991663,\"msg\":\"Invalid access token for authorization.\"}");
			token("t-two");
			enqueue(400, "{\"code\":99991677,\"msg\":\"token expire\"}");

			StepVerifier.create(reserves(FeishuVcRetryPolicy.defaults()).get("1"))
				.expectErrorSatisfies((ex) -> assertThat(ex)
					.isInstanceOfSatisfying(FeishuVcAuthenticationException.class, (auth) -> {
						assertThat(auth.code()).isEqualTo(99991677);
						assertThat(auth.attempts()).isEqualTo(2);
						assertThat(auth).hasMessageContaining("attempts=2");
					}))
				.verify();
			assertThat(server.getRequestCount()).isEqualTo(4);
		}

		@Test
		void shouldNeverReplaceOrRetryAUserToken() {
			enqueue(400, "{\"code\":99991668,\"msg\":\"Invalid access token for authorization.\"}");

			StepVerifier.create(reserves(FeishuVcRetryPolicy.defaults()).withUserAccessToken("u-user").get("1"))
				.expectError(FeishuVcAuthenticationException.class)
				.verify();
			assertThat(server.getRequestCount()).isEqualTo(1);
		}

	}

	@Nested
	class RateLimits {

		@Test
		void shouldWaitAsTheGatewaySaysAndRetryEvenAWrite() {
			token("t-token");
			server.enqueue(rateLimited("3"));
			enqueue(200, TestFeishu.documentedResponse("reserve-apply-response.json"));

			StepVerifier.create(reserves(FeishuVcRetryPolicy.defaults()).apply(apply())).expectNextCount(1)
				.verifyComplete();

			assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(3));
			assertThat(server.getRequestCount()).isEqualTo(3);
		}

		@Test
		void shouldReadAFractionalReset() {
			token("t-token");
			server.enqueue(rateLimited("0.25"));
			enqueue(200, TestFeishu.referenceResponse());

			reserves(FeishuVcRetryPolicy.defaults()).get("1").block();

			assertThat(scheduler.delays()).containsExactly(Duration.ofMillis(250));
		}

		@Test
		void shouldGiveUpWhenTheGatewayAsksForTooLongAWait() {
			token("t-token");
			server.enqueue(rateLimited("30"));

			StepVerifier.create(reserves(FeishuVcRetryPolicy.defaults()).get("1"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(FeishuVcRateLimitException.class,
						(limited) -> {
							assertThat(limited.code()).isEqualTo(99991400);
							assertThat(limited.httpStatus()).isEqualTo(429);
							assertThat(limited.resetAfter()).isEqualTo(Duration.ofSeconds(30));
							assertThat(limited.attempts()).isEqualTo(1);
						}))
				.verify();
			assertThat(scheduler.delays()).isEmpty();
		}

		@Test
		void shouldWaitAtLeastThePlatformsWindowAfterA429WithoutResetOrJson() {
			token("t-token");
			server.enqueue(new MockResponse.Builder().code(429).body("<html>Too Many Requests</html>").build());
			enqueue(200, TestFeishu.referenceResponse());

			reserves(FeishuVcRetryPolicy.defaults()).get("1").block();

			assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(1));
		}

		@Test
		void shouldReadTheResetOfA429WhoseBodyIsNotThePlatformsJson() {
			token("t-token");
			server.enqueue(new MockResponse.Builder().code(429)
				.setHeader("x-ogw-ratelimit-reset", "0.5")
				.body("<html>Too Many Requests</html>")
				.build());

			StepVerifier.create(reserves(FeishuVcRetryPolicy.none()).get("1"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(FeishuVcRateLimitException.class,
						(limited) -> {
							assertThat(limited.code()).isEqualTo(FeishuVcErrorCodes.RATE_LIMITED);
							assertThat(limited.resetAfter()).isEqualTo(Duration.ofMillis(500));
							assertThat(limited).hasMessageContaining("HTTP 429 with an unreadable body");
						}))
				.verify();
		}

		@Test
		void shouldTakeARateLimitCodeForWhatItSaysThoughTheRestOfTheBodyIsUnreadable() {
			token("t-token");
			enqueue(200, "{\"code\":99991400,\"msg\":\"request trigger frequency limit\",\"data\":\"oops\"}");
			enqueue(200, TestFeishu.referenceResponse());

			reserves(FeishuVcRetryPolicy.defaults()).get("1").block();

			assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(1));
		}

		@Test
		void shouldWaitABitEvenWhenTheResetIsZero() {
			token("t-token");
			server.enqueue(rateLimited("0"));
			enqueue(200, TestFeishu.referenceResponse());

			reserves(FeishuVcRetryPolicy.defaults()).get("1").block();

			assertThat(scheduler.delays()).containsExactly(Duration.ofMillis(20));
		}

	}

	@Nested
	class TransientFailures {

		@Test
		void shouldRetryAReadAfterHtml502AndInternalErrorWithGrowingBackoff() {
			token("t-token");
			server.enqueue(new MockResponse.Builder().code(502).body("<html>502 Bad Gateway</html>").build());
			enqueue(500, "{\"code\":121001,\"msg\":\"internal error\"}");
			enqueue(200, TestFeishu.referenceResponse());

			assertThat(reserves(FeishuVcRetryPolicy.defaults()).get("1").block()).isNotNull();

			assertThat(scheduler.delays()).hasSize(2);
			assertThat(scheduler.delays().get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(150));
			assertThat(scheduler.delays().get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(300));
		}

		@Test
		void shouldReportTheLastFailureAndHowManyAttemptsWereMade() {
			token("t-token");
			for (int i = 1; i <= 3; i++) {
				server.enqueue(new MockResponse.Builder(TestFeishu.json(500, "{\"code\":121001,\"msg\":\"internal error\"}"))
					.setHeader("X-Tt-Logid", "log-" + i)
					.build());
			}

			StepVerifier.create(reserves(FeishuVcRetryPolicy.defaults()).get("1"))
				.expectErrorSatisfies((ex) -> assertThat(ex)
					.isInstanceOfSatisfying(FeishuVcServerErrorException.class, (failure) -> {
						assertThat(failure.code()).isEqualTo(121001);
						assertThat(failure.logId()).isEqualTo("log-3");
						assertThat(failure.attempts()).isEqualTo(3);
					}))
				.verify();
			assertThat(server.getRequestCount()).isEqualTo(4);
		}

		@Test
		void shouldNeverRepeatAWriteThatMayHaveReachedThePlatform() {
			token("t-token");
			server.enqueue(new MockResponse.Builder().code(502).body("<html>502 Bad Gateway</html>").build());

			StepVerifier.create(reserves(FeishuVcRetryPolicy.defaults()).apply(apply()))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(
						FeishuVcInvalidResponseException.class, (failure) -> assertThat(failure.attempts()).isOne()))
				.verify();
			assertThat(server.getRequestCount()).isEqualTo(2);
		}

		@Test
		void shouldRetryAReadButNotAWriteWhoseConnectionDropped() {
			token("t-token");
			server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
			enqueue(200, TestFeishu.referenceResponse());
			server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
			ReserveOperations reserves = reserves(FeishuVcRetryPolicy.defaults());

			assertThat(reserves.get("1").block()).isNotNull();
			StepVerifier.create(reserves.delete("1"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(FeishuVcTransportException.class,
						(transport) -> {
							assertThat(transport.isConnectFailure()).isFalse();
							assertThat(transport.attempts()).isOne();
						}))
				.verify();
			assertThat(server.getRequestCount()).isEqualTo(4);
		}

		@Test
		void shouldRetryAReadWhoseBodyWasCutShort() {
			token("t-token");
			server.enqueue(new MockResponse.Builder(TestFeishu.json(200, TestFeishu.referenceResponse()))
				.onResponseBody(new SocketEffect.CloseSocket())
				.build());
			enqueue(200, TestFeishu.referenceResponse());

			assertThat(reserves(FeishuVcRetryPolicy.defaults()).get("1").block()).isNotNull();
			assertThat(scheduler.delays()).hasSize(1);
		}

		@Test
		void shouldRetryEvenAWriteThatNeverGotAConnectionFromThePool() {
			server.enqueue(new MockResponse.Builder(TestFeishu.json(200, TestFeishu.documentedResponse("reserve-apply-response.json")))
				.headersDelay(400, TimeUnit.MILLISECONDS)
				.build());
			for (int i = 0; i < 2; i++) {
				enqueue(200, TestFeishu.documentedResponse("reserve-apply-response.json"));
			}
			ConnectionProvider pool = ConnectionProvider.builder("one-connection")
				.maxConnections(1)
				.pendingAcquireMaxCount(1)
				.pendingAcquireTimeout(Duration.ofSeconds(5))
				.build();
			try {
				FeishuVcClient client = new FeishuVcClient(WebClient.builder()
					.clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool)))
					.build(), TestFeishu.baseUrl(server));
				FeishuVcRetryPolicy oneSecondApart = new FeishuVcRetryPolicy(true, 3, Duration.ofSeconds(1),
						Duration.ofSeconds(1), 0, Duration.ofSeconds(30), Duration.ofSeconds(10));
				ReserveOperations reserves = ReserveOperations.create(
						new FeishuVcExecutor(client, oneSecondApart, null, Schedulers.parallel()),
						new FixedTenantToken("t-fixed"), UserIdType.OPEN_ID);

				List<ReserveResult> results = Flux.range(0, 3)
					.flatMap((i) -> reserves.apply(apply()), 3)
					.collectList()
					.block(Duration.ofSeconds(10));

				assertThat(results).hasSize(3);
				assertThat(server.getRequestCount()).as("the refused call was sent once, when retried").isEqualTo(3);
			}
			finally {
				pool.dispose();
			}
		}

		@Test
		void shouldKnowAPoolRefusalForARequestNeverSent() {
			FeishuVcTransportException refused = new FeishuVcTransportException(CallInfo.noResponse("reserve.apply", 1),
					"http://feishu", new WebClientRequestException(new PoolAcquirePendingLimitException(1000),
							org.springframework.http.HttpMethod.POST, java.net.URI.create("http://feishu"),
							new org.springframework.http.HttpHeaders()));

			assertThat(refused.isConnectFailure()).isTrue();
			assertThat(new FeishuVcTransportException(CallInfo.noResponse("reserve.apply", 1), "http://feishu",
					new PoolAcquireTimeoutException(Duration.ofSeconds(5))).isConnectFailure()).isTrue();
		}

		@Test
		void shouldRetryEvenWritesWhenNoConnectionCouldBeOpened() throws IOException {
			ReserveOperations reserves = reserves(TestFeishu.client(closedPortUrl()), FeishuVcRetryPolicy.defaults(),
					new FixedTenantToken("t-fixed"));

			StepVerifier.create(reserves.apply(apply()))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(FeishuVcTransportException.class,
						(transport) -> {
							assertThat(transport.isConnectFailure()).isTrue();
							assertThat(transport.attempts()).isEqualTo(3);
							assertThat(transport.httpStatus()).isZero();
						}))
				.verify();
			assertThat(scheduler.delays()).hasSize(2);
		}

		@Test
		void shouldRetryAReadThatTimedOut() {
			token("t-token");
			server.enqueue(new MockResponse.Builder(TestFeishu.json(200, TestFeishu.referenceResponse()))
				.headersDelay(5, TimeUnit.SECONDS)
				.build());
			enqueue(200, TestFeishu.referenceResponse());
			FeishuVcClient client = new FeishuVcClient(WebClient.builder()
				.clientConnector(new ReactorClientHttpConnector(HttpClient.create().responseTimeout(Duration.ofMillis(300))))
				.build(), TestFeishu.baseUrl(server));

			assertThat(reserves(client, FeishuVcRetryPolicy.defaults(), null).get("1").block(Duration.ofSeconds(10)))
				.isNotNull();
			assertThat(scheduler.delays()).hasSize(1);
		}

		@Test
		void shouldStartNoRetryPastTheTotalTime() {
			token("t-token");
			enqueue(500, "{\"code\":121001,\"msg\":\"internal error\"}");
			FeishuVcRetryPolicy policy = new FeishuVcRetryPolicy(true, 5, Duration.ofMillis(100), Duration.ofSeconds(1),
					0, Duration.ofMillis(50), Duration.ofSeconds(10));

			StepVerifier.create(reserves(policy).get("1")).expectError(FeishuVcServerErrorException.class).verify();
			assertThat(server.getRequestCount()).isEqualTo(2);
		}

		@Test
		void shouldNotRetryWhenRetriesAreOff() {
			token("t-token");
			enqueue(500, "{\"code\":121001,\"msg\":\"internal error\"}");

			StepVerifier.create(reserves(FeishuVcRetryPolicy.none()).get("1"))
				.expectError(FeishuVcServerErrorException.class)
				.verify();
			assertThat(server.getRequestCount()).isEqualTo(2);
		}

	}

	@Nested
	class TokenFetches {

		@Test
		void shouldRetryATransientTokenFailureOnce() {
			server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
			token("t-token");
			enqueue(200, TestFeishu.referenceResponse());

			assertThat(reserves(FeishuVcRetryPolicy.defaults()).get("1").block()).isNotNull();
			assertThat(server.getRequestCount()).isEqualTo(3);
			assertThat(scheduler.delays()).hasSize(1);
		}

		@Test
		void shouldReportAnExhaustedTokenFetchWithoutRetryingItAgain() {
			for (int i = 0; i < 3; i++) {
				server.enqueue(new MockResponse.Builder().code(502).body("<html>bad gateway</html>").build());
			}

			StepVerifier.create(reserves(FeishuVcRetryPolicy.defaults()).get("1"))
				.expectErrorSatisfies((ex) -> assertThat(ex)
					.isInstanceOfSatisfying(FeishuVcInvalidResponseException.class, (failure) -> {
						assertThat(failure.operation()).isEqualTo("auth.tenant_access_token");
						assertThat(failure.attempts()).isEqualTo(3);
					}))
				.verify();
			assertThat(server.getRequestCount()).isEqualTo(3);
		}

	}

	@Nested
	class Limits {

		@Test
		void shouldRefuseABodyLargerThanTheLimitWhetherDeclaredOrNot() {
			token("t-token");
			String large = "{\"code\":0,\"data\":{\"reserve\":{\"id\":\"" + "x".repeat(64 * 1024) + "\"}}}";
			enqueue(200, large);
			server.enqueue(new MockResponse.Builder().code(200).chunkedBody(large, 1024).build());
			FeishuVcClient client = new FeishuVcClient(WebClient.builder().build(), TestFeishu.baseUrl(server),
					DataSize.ofKilobytes(16));
			ReserveOperations reserves = reserves(client, FeishuVcRetryPolicy.none(), null);

			for (String actual : List.of("bytes declared", "more bytes sent")) {
				StepVerifier.create(reserves.get("1"))
					.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FeishuVcInvalidResponseException.class)
						.hasMessageContaining("body larger than the limit of 16384 bytes (")
						.hasMessageContaining(actual))
					.verify();
			}
		}

		@Test
		void shouldTimeOutASlowBody() {
			token("t-token");
			server.enqueue(new MockResponse.Builder(TestFeishu.json(200, TestFeishu.referenceResponse()))
				.throttleBody(16, 1, TimeUnit.SECONDS)
				.build());
			FeishuVcClient client = new FeishuVcClient(WebClient.builder()
				.clientConnector(new ReactorClientHttpConnector(HttpClient.create().responseTimeout(Duration.ofMillis(300))))
				.build(), TestFeishu.baseUrl(server));

			StepVerifier.create(reserves(client, FeishuVcRetryPolicy.none(), null).get("1"))
				.expectError(FeishuVcTransportException.class)
				.verify(Duration.ofSeconds(10));
		}

	}

	@Nested
	class Threads {

		@Test
		void shouldRunACallWithACachedTokenOnTheCallersThreadAndFinishItOnTheEventLoop() throws Exception {
			List<String> sentFrom = new java.util.concurrent.CopyOnWriteArrayList<>();
			WebClient webClient = WebClient.builder().filter((request, next) -> {
				sentFrom.add(Thread.currentThread().getName());
				return next.exchange(request);
			}).build();
			ReserveOperations reserves = reserves(new FeishuVcClient(webClient, TestFeishu.baseUrl(FeishuVcExecutorTests.this.server)),
					FeishuVcRetryPolicy.defaults(), null);
			token("t-cached");
			enqueue(200, TestFeishu.referenceResponse());
			enqueue(200, TestFeishu.referenceResponse());
			reserves.get("1").block();
			sentFrom.clear();

			java.util.concurrent.atomic.AtomicReference<String> finishedOn = new java.util.concurrent.atomic.AtomicReference<>();
			Thread caller = new Thread(() -> reserves.get("1")
				.doOnNext((reserve) -> finishedOn.set(Thread.currentThread().getName()))
				.block(), "the-caller");
			caller.start();
			caller.join(10_000);

			assertThat(sentFrom).containsExactly("the-caller");
			assertThat(finishedOn.get()).startsWith("reactor-http-");
			assertThat(FeishuVcExecutorTests.this.scheduler.delays()).isEmpty();
		}

	}

	private ReserveOperations reserves(FeishuVcRetryPolicy policy) {
		return reserves(TestFeishu.client(TestFeishu.baseUrl(this.server)), policy, null);
	}

	private ReserveOperations reserves(FeishuVcClient client, FeishuVcRetryPolicy policy,
			TenantAccessTokenProvider tokens) {
		FeishuVcExecutor executor = new FeishuVcExecutor(client, policy, null, this.scheduler);
		TenantAccessTokenProvider provider = (tokens != null) ? tokens
				: TestFeishu.tokenProvider(executor, Clock.systemUTC());
		return ReserveOperations.create(executor, provider, UserIdType.OPEN_ID);
	}

	private static ReserveApplyRequest apply() {
		return ReserveApplyRequest.builder()
			.endTime(Instant.now().plus(Duration.ofDays(1)))
			.ownerId("ou_owner")
			.meetingSettings(ReserveMeetingSettingRequest.builder().topic("t").build())
			.build();
	}

	private void token(String value) {
		this.server.enqueue(TestFeishu.tokenResponse(value, 7200));
	}

	private void enqueue(int status, String body) {
		this.server.enqueue(TestFeishu.json(status, body));
	}

	private static MockResponse rateLimited(String reset) {
		return new MockResponse.Builder(TestFeishu.json(429, "{\"code\":99991400,\"msg\":\"request trigger frequency limit\"}"))
			.setHeader("x-ogw-ratelimit-limit", "50")
			.setHeader("x-ogw-ratelimit-reset", reset)
			.build();
	}

	private List<String> authorizations() throws InterruptedException {
		List<String> headers = new java.util.ArrayList<>();
		RecordedRequest request;
		while ((request = this.server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
			headers.add(request.getTarget().equals(TOKEN_PATH) ? null : request.getHeaders().get("Authorization"));
		}
		return headers;
	}

	private static String closedPortUrl() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
	}

}
