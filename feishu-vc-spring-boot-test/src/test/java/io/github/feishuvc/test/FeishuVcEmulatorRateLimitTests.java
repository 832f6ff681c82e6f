package io.github.feishuvc.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FeishuVcEmulator#builder()}'s {@code enforceRateLimits}: per tenant and endpoint, counted at arrival.
 */
class FeishuVcEmulatorRateLimitTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void shouldRefuseWhatGoesOverTheLimitPerTenantAndEndpoint() throws Exception {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder().enforceRateLimits(3, 100).start()) {
			String token = token(emulator);
			for (int i = 0; i < 3; i++) {
				assertThat(get(emulator, "/open-apis/vc/v1/reserves/" + FeishuVcEmulator.REFERENCE_RESERVE_ID, token)
					.statusCode()).isEqualTo(200);
			}
			HttpResponse<String> refused = get(emulator,
					"/open-apis/vc/v1/reserves/" + FeishuVcEmulator.REFERENCE_RESERVE_ID, token);
			assertThat(refused.statusCode()).isEqualTo(429);
			JsonNode body = this.json.readTree(refused.body());
			assertThat(body.path("code").asInt()).isEqualTo(99991400);
			double reset = Double.parseDouble(refused.headers().firstValue("x-ogw-ratelimit-reset").orElseThrow());
			assertThat(reset).isBetween(0.0, 1.0);
			assertThat(get(emulator, "/open-apis/vc/v1/reserves/" + FeishuVcEmulator.REFERENCE_RESERVE_ID
					+ "/get_active_meeting", token).statusCode()).as("another endpoint has its own budget").isEqualTo(200);
			assertThat(emulator.rateLimitedRequests()).isEqualTo(1);

			Thread.sleep((long) (reset * 1000) + 20);
			assertThat(get(emulator, "/open-apis/vc/v1/reserves/" + FeishuVcEmulator.REFERENCE_RESERVE_ID, token)
				.statusCode()).as("after the reset").isEqualTo(200);
		}
	}

	@Test
	void shouldHoldTheMinuteLimit() throws Exception {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder().enforceRateLimits(100, 5).start()) {
			String token = token(emulator);
			int ok = 0;
			for (int i = 0; i < 8; i++) {
				if (get(emulator, "/open-apis/vc/v1/reserves/" + FeishuVcEmulator.REFERENCE_RESERVE_ID, token)
					.statusCode() == 200) {
					ok++;
				}
			}
			assertThat(ok).isEqualTo(5);
			assertThat(emulator.rateLimitedRequests()).isEqualTo(3);
		}
	}

	private String token(FeishuVcEmulator emulator) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(URI.create(emulator.baseUrl() + "/open-apis/auth/v3/tenant_access_token/internal"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"app_id\":\"" + emulator.appId() + "\",\"app_secret\":\""
					+ emulator.appSecret() + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		return this.json.readTree(response.body()).path("tenant_access_token").asString();
	}

	private HttpResponse<String> get(FeishuVcEmulator emulator, String path, String token) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
