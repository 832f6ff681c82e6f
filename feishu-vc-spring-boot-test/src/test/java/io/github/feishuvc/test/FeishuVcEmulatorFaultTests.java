package io.github.feishuvc.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The faults {@link FeishuVcEmulator} injects, as the JDK's HTTP client sees them.
 */
class FeishuVcEmulatorFaultTests {

	private static final String REFERENCE = "/open-apis/vc/v1/reserves/" + FeishuVcEmulator.REFERENCE_RESERVE_ID;

	private final HttpClient http = HttpClient.newHttpClient();

	private FeishuVcEmulator emulator;

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.builder()
			.slowResponseDelay(Duration.ofMillis(300))
			.rateLimitReset(Duration.ofMillis(1500))
			.start();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void shouldDropTheConnection() {
		this.emulator.failNext(Endpoint.TENANT_ACCESS_TOKEN, Fault.DROP_CONNECTION, 1);

		assertThatExceptionOfType(IOException.class).isThrownBy(this::token);
		assertThat(this.emulator.lastRequest(Endpoint.TENANT_ACCESS_TOKEN)).hasValueSatisfying(
				(request) -> assertThat(request.fault()).isEqualTo(Fault.DROP_CONNECTION));
	}

	@Test
	void shouldAnswerLikeAProxyOrAnOverloadedPlatform() throws Exception {
		this.emulator.failNext("reserve.get", Fault.BAD_GATEWAY_HTML, 1);
		this.emulator.failNext("reserve.get", Fault.INTERNAL_ERROR, 1);
		this.emulator.failNext("reserve.get", Fault.RATE_LIMITED, 1);

		HttpResponse<String> badGateway = get(REFERENCE);
		HttpResponse<String> internalError = get(REFERENCE);
		HttpResponse<String> rateLimited = get(REFERENCE);
		HttpResponse<String> normal = get(REFERENCE);

		assertThat(badGateway.statusCode()).isEqualTo(502);
		assertThat(badGateway.body()).contains("<title>502 Bad Gateway</title>");
		assertThat(internalError.statusCode()).isEqualTo(500);
		assertThat(internalError.body()).contains("\"code\":121001");
		assertThat(rateLimited.statusCode()).isEqualTo(429);
		assertThat(rateLimited.body()).contains("\"code\":99991400");
		assertThat(rateLimited.headers().firstValue("x-ogw-ratelimit-reset")).hasValue("1.5");
		assertThat(normal.statusCode()).as("faults are one-shot").isEqualTo(400);
	}

	@Test
	void shouldCutABodyShortOfItsContentLength() {
		this.emulator.failNext(Endpoint.TENANT_ACCESS_TOKEN, Fault.TRUNCATED_BODY, 1);

		assertThatExceptionOfType(IOException.class).isThrownBy(this::token);
		assertThat(this.emulator.requestCount(Endpoint.TENANT_ACCESS_TOKEN)).isEqualTo(1);
	}

	@Test
	void shouldHoldASlowResponseBack() throws Exception {
		this.emulator.failNext("reserve.get", Fault.SLOW_RESPONSE, 1);

		long start = System.nanoTime();
		HttpResponse<String> response = get(REFERENCE);

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	void shouldInjectRandomFaultsAtTheGivenRateUntilCleared() throws Exception {
		this.emulator.injectFaults(1.0, Fault.INTERNAL_ERROR);
		assertThat(get(REFERENCE).statusCode()).isEqualTo(500);

		this.emulator.clearFaults();
		assertThat(get(REFERENCE).statusCode()).isEqualTo(400);
	}

	private HttpResponse<String> token() throws IOException, InterruptedException {
		return this.http.send(HttpRequest
			.newBuilder(URI.create(this.emulator.baseUrl() + "/open-apis/auth/v3/tenant_access_token/internal"))
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString("{\"app_id\":\"" + this.emulator.appId() + "\",\"app_secret\":\""
					+ this.emulator.appSecret() + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.emulator.baseUrl() + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
