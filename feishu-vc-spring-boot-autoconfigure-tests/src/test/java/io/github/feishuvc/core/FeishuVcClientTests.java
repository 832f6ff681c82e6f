package io.github.feishuvc.core;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.feishuvc.support.TestFeishu;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link FeishuVcClient} turns what comes back over real loopback HTTP into a payload or a typed exception.
 */
class FeishuVcClientTests {

	private static final ResponseReader<FeishuVcEnvelope<Data>, String> READER = ResponseReader.envelope(Data.class,
			Data::value, "data.value");

	private MockWebServer server;

	private FeishuVcClient client;

	@BeforeEach
	void startServer() {
		this.server = TestFeishu.startMockServer();
		this.client = TestFeishu.client(TestFeishu.baseUrl(this.server));
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void shouldReturnThePayloadOfASuccessfulResponse() {
		this.server.enqueue(TestFeishu.json(200, "{\"code\":0,\"msg\":\"success\",\"data\":{\"value\":\"v\"}}"));

		StepVerifier.create(call()).expectNext("v").verifyComplete();
	}

	@Test
	void shouldSendTheBearerTokenAndAcceptJson() throws Exception {
		this.server.enqueue(TestFeishu.json(200, "{\"code\":0,\"data\":{\"value\":\"v\"}}"));

		call().block();

		mockwebserver3.RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer t-secret-token");
		assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
	}

	@ParameterizedTest
	@ValueSource(strings = { "reactor-netty", "jdk" })
	void shouldKeepItsAcceptAndTokenOverTheApplicationsDefaultHeaders(String connector) throws Exception {
		WebClient.Builder builder = WebClient.builder()
			.defaultHeader("Authorization", "Basic YXBwOmFwcA==")
			.defaultHeader("Accept", "text/html")
			.defaultHeader("X-App", "kept");
		if (connector.equals("jdk")) {
			builder.clientConnector(new JdkClientHttpConnector());
		}
		this.client = new FeishuVcClient(builder.build(), TestFeishu.baseUrl(this.server));
		this.server.enqueue(TestFeishu.json(200, "{\"code\":0,\"data\":{\"value\":\"v\"}}"));

		StepVerifier.create(call()).expectNext("v").verifyComplete();

		mockwebserver3.RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request.getHeaders().values("Authorization")).containsExactly("Bearer t-secret-token");
		assertThat(request.getHeaders().values("Accept")).containsExactly("application/json");
		assertThat(request.getHeaders().get("X-App")).isEqualTo("kept");
	}

	@Test
	void shouldSendAJsonBody() throws Exception {
		this.server.enqueue(TestFeishu.json(200, "{\"code\":0,\"data\":{\"value\":\"v\"}}"));
		FeishuVcRequest request = new FeishuVcRequest("test.post", HttpMethod.POST, this.client.uri("/x"), null,
				"{\"a\":1}".getBytes(), 1);

		this.client.exchange(request, READER).block();

		mockwebserver3.RecordedRequest recorded = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(recorded.getMethod()).isEqualTo("POST");
		assertThat(recorded.getHeaders().get("Content-Type")).isEqualTo("application/json;charset=utf-8");
		assertThat(recorded.getHeaders().get("Authorization")).isNull();
		assertThat(recorded.getBody().utf8()).isEqualTo("{\"a\":1}");
	}

	@Test
	void shouldMapParamErrorWithTheLogIdOfTheHeader() {
		this.server.enqueue(new MockResponse.Builder().code(400)
			.setHeader("X-Tt-Logid", "202611241200001234")
			.body("{\"code\":121003,\"msg\":\"param error\",\"error\":{\"log_id\":\"from-body\"}}")
			.build());

		assertError(FeishuVcInvalidParameterException.class, (ex) -> {
			assertThat(ex.code()).isEqualTo(121003);
			assertThat(ex.msg()).isEqualTo("param error");
			assertThat(ex.httpStatus()).isEqualTo(400);
			assertThat(ex.logId()).isEqualTo("202611241200001234");
			assertThat(ex.operation()).isEqualTo("test.get");
			return ex;
		});
	}

	@Test
	void shouldTakeTheLogIdFromTheBodyWithoutHeader() {
		this.server.enqueue(
				TestFeishu.json(404, "{\"code\":121004,\"msg\":\"data not exist\",\"error\":{\"log_id\":\"body-id\"}}"));

		assertError(FeishuVcNotFoundException.class, (ex) -> {
			assertThat(ex.logId()).isEqualTo("body-id");
			assertThat(ex.httpStatus()).isEqualTo(404);
			return ex;
		});
	}

	@Test
	void shouldMapEachDocumentedCodeToItsException() {
		assertCodeMapsTo(121001, 500, FeishuVcServerErrorException.class);
		assertCodeMapsTo(121002, 400, FeishuVcNotSupportedException.class);
		assertCodeMapsTo(121003, 400, FeishuVcInvalidParameterException.class);
		assertCodeMapsTo(123002, 400, FeishuVcInvalidParameterException.class);
		assertCodeMapsTo(123003, 400, FeishuVcInvalidParameterException.class);
		assertCodeMapsTo(123004, 400, FeishuVcInvalidParameterException.class);
		assertCodeMapsTo(121004, 404, FeishuVcNotFoundException.class);
		assertCodeMapsTo(121005, 403, FeishuVcPermissionDeniedException.class);
		assertCodeMapsTo(99991400, 429, FeishuVcRateLimitException.class);
		assertCodeMapsTo(99991663, 400, FeishuVcAuthenticationException.class);
		assertCodeMapsTo(99991668, 400, FeishuVcAuthenticationException.class);
		assertCodeMapsTo(1234567, 400, FeishuVcApiException.class);
	}

	@Test
	void shouldReportAnHtmlBadGatewayWithStatusAndSnippet() {
		String html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway"
				+ "</h1></center>\r\n<hr><center>nginx</center>\r\n" + "<!-- padding -->".repeat(100)
				+ "</body>\r\n</html>";
		this.server.enqueue(new MockResponse.Builder().code(502)
			.setHeader("Content-Type", "text/html")
			.setHeader("X-Tt-Logid", "gateway-log")
			.body(html)
			.build());

		assertError(FeishuVcInvalidResponseException.class, (ex) -> {
			assertThat(ex.httpStatus()).isEqualTo(502);
			assertThat(ex.logId()).isEqualTo("gateway-log");
			assertThat(ex.bodySnippet()).startsWith("<html> <head><title>502 Bad Gateway</title>")
				.hasSizeLessThanOrEqualTo(FeishuVcInvalidResponseException.MAX_SNIPPET_LENGTH + 3);
			assertThat(ex).hasMessageContaining("httpStatus=502")
				.hasMessageContaining("502 Bad Gateway")
				.hasMessageContaining("not the platform's JSON")
				.hasNoCause();
			assertThat(ex.getMessage()).hasSizeLessThan(400);
			return ex;
		});
	}

	@Test
	void shouldReportAnEmptyBody() {
		this.server.enqueue(new MockResponse.Builder().code(200).build());

		assertError(FeishuVcInvalidResponseException.class, (ex) -> {
			assertThat(ex.httpStatus()).isEqualTo(200);
			assertThat(ex.bodySnippet()).isEmpty();
			assertThat(ex).hasMessageContaining("empty body");
			return ex;
		});
	}

	@Test
	void shouldReportAnEmptyErrorBody() {
		this.server.enqueue(new MockResponse.Builder().code(503).build());

		assertError(FeishuVcInvalidResponseException.class, (ex) -> {
			assertThat(ex.httpStatus()).isEqualTo(503);
			return ex;
		});
	}

	@Test
	void shouldReportASuccessWithoutThePayload() {
		this.server.enqueue(TestFeishu.json(200, "{\"code\":0,\"msg\":\"success\",\"data\":{}}"));

		assertError(FeishuVcInvalidResponseException.class, (ex) -> {
			assertThat(ex).hasMessageContaining("no data.value");
			assertThat(ex.bodySnippet()).isEqualTo("{\"code\":0,\"msg\":\"success\",\"data\":{}}");
			return ex;
		});
	}

	@Test
	void shouldReportASuccessWithoutData() {
		this.server.enqueue(TestFeishu.json(200, "{\"code\":0,\"msg\":\"success\"}"));

		assertError(FeishuVcInvalidResponseException.class, (ex) -> ex);
	}

	@Test
	void shouldReportJsonWithoutCode() {
		this.server.enqueue(TestFeishu.json(502, "{\"message\":\"upstream unavailable\"}"));

		assertError(FeishuVcInvalidResponseException.class, (ex) -> {
			assertThat(ex).hasMessageContaining("no code field");
			return ex;
		});
	}

	@Test
	void shouldReportTruncatedJson() {
		this.server.enqueue(TestFeishu.json(200, "{\"code\":0,\"msg\":\"success\",\"data\":{\"val"));

		assertError(FeishuVcInvalidResponseException.class, (ex) -> {
			assertThat(ex).hasNoCause();
			return ex;
		});
	}

	@Test
	void shouldReportJsonOfTheWrongShape() {
		this.server.enqueue(TestFeishu.json(200, "[1,2,3]"));
		assertError(FeishuVcInvalidResponseException.class, (ex) -> ex);
		this.server.enqueue(TestFeishu.json(200, "null"));
		assertError(FeishuVcInvalidResponseException.class, (ex) -> ex);
		this.server.enqueue(TestFeishu.json(200, "{\"code\":\"zero\"}"));
		assertError(FeishuVcInvalidResponseException.class, (ex) -> ex);
	}

	@Test
	void shouldReportCodeZeroWithAnHttpErrorStatus() {
		this.server.enqueue(TestFeishu.json(500, "{\"code\":0,\"data\":{\"value\":\"v\"}}"));

		assertError(FeishuVcInvalidResponseException.class, (ex) -> {
			assertThat(ex.httpStatus()).isEqualTo(500);
			return ex;
		});
	}

	@Test
	void shouldMaskAnythingShapedLikeATokenInTheSnippet() {
		this.server.enqueue(TestFeishu.json(500, "oops tenant_access_token=t-g1044ghJRUIJJ5ELPZ5KKNZGX6RCJZAN u-abcdef123456"));

		assertError(FeishuVcInvalidResponseException.class, (ex) -> {
			assertThat(ex.bodySnippet()).doesNotContain("g1044ghJRUIJJ5ELPZ5KKNZGX6RCJZAN", "abcdef123456")
				.contains("[masked]");
			assertThat(ex.getMessage()).doesNotContain("g1044ghJRUIJJ5ELPZ5KKNZGX6RCJZAN");
			return ex;
		});
	}

	@Test
	void shouldReportADroppedConnectionAsTransportFailure() {
		this.server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());

		assertError(FeishuVcTransportException.class, (ex) -> {
			assertThat(ex.httpStatus()).isZero();
			assertThat(ex).hasMessageStartingWith("test.get failed to reach http://").hasCause(ex.getCause());
			return ex;
		});
	}

	@Test
	void shouldReportARefusedConnectionAsTransportFailure() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		this.client = TestFeishu.client("http://127.0.0.1:" + closedPort);

		assertError(FeishuVcTransportException.class, (ex) -> {
			assertThat(ex.getCause()).isNotNull();
			return ex;
		});
	}

	@Test
	void shouldRejectABaseUrlThatIsNotHttp() {
		org.assertj.core.api.Assertions
			.assertThatIllegalArgumentException()
			.isThrownBy(() -> TestFeishu.client("ftp://open.feishu.cn"))
			.withMessageContaining("https://");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> TestFeishu.client("https://open.feishu.cn?x=1"));
		assertThat(TestFeishu.client("https://open.feishu.cn/").uri("/open-apis/x"))
			.hasToString("https://open.feishu.cn/open-apis/x");
	}

	@Test
	void shouldResolvePathsAgainstTheWholeBaseUrl() {
		assertThat(TestFeishu.client("http://127.0.0.1:8080").uri("/open-apis/vc/v1/reserves/a%2Fb?user_id_type=open_id"))
			.hasToString("http://127.0.0.1:8080/open-apis/vc/v1/reserves/a%2Fb?user_id_type=open_id")
			.satisfies((uri) -> assertThat(uri.getRawPath()).isEqualTo("/open-apis/vc/v1/reserves/a%2Fb"))
			.satisfies((uri) -> assertThat(uri.getPort()).isEqualTo(8080));
		assertThat(TestFeishu.client("https://gateway.example.com/feishu/").uri("/open-apis/x?y=1"))
			.hasToString("https://gateway.example.com/feishu/open-apis/x?y=1");
		assertThat(TestFeishu.client("https://user@gateway.example.com:8443/a/b").uri("/open-apis/x"))
			.hasToString("https://user@gateway.example.com:8443/a/b/open-apis/x");
	}

	@Test
	void shouldNotShowTheTokenInTheRequestsToString() {
		FeishuVcRequest request = new FeishuVcRequest("test.get", HttpMethod.GET, this.client.uri("/x?y=1"),
				"t-secret-token", "{\"app_secret\":\"s3cr3t\"}".getBytes(), 1);

		assertThat(request.toString()).isEqualTo("test.get GET /x").doesNotContain("secret");
	}

	private Mono<String> call() {
		return this.client.exchange(new FeishuVcRequest("test.get", HttpMethod.GET, this.client.uri("/open-apis/test"),
				"t-secret-token", null, 1), READER);
	}

	private <E extends Throwable> void assertError(Class<E> type, Function<E, E> assertions) {
		StepVerifier.create(call())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(type, assertions::apply))
			.verify();
	}

	private void assertCodeMapsTo(int code, int status, Class<? extends FeishuVcApiException> type) {
		this.server.enqueue(TestFeishu.json(status, "{\"code\":" + code + ",\"msg\":\"m\"}"));
		StepVerifier.create(call())
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(type)
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.type(FeishuVcApiException.class))
				.satisfies((api) -> {
					assertThat(api.code()).isEqualTo(code);
					assertThat(api.httpStatus()).isEqualTo(status);
				}))
			.verify();
	}

	record Data(@Nullable String value) {
	}

}
