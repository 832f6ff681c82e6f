package io.github.feishuvc.test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.lark.oapi.Client;
import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.service.authen.v1.model.GetUserInfoResp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's sign-in, as the platform's OAuth 2.0 endpoints answer, seen over HTTP; its user info read by the
 * official SDK (which has no client for the v2 token endpoint or the authorize page).
 */
class FeishuVcEmulatorSignInTests {

	private static final String REDIRECT = "http://127.0.0.1:1/login/oauth2/code/feishu";

	private static final String VERIFIER = "a-verifier-of-at-least-forty-three-characters-0123456789";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final MovableClock clock = new MovableClock();

	private FeishuVcEmulator emulator;

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.builder().clock(this.clock).userTokenLifetime(Duration.ofMinutes(10)).start();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void shouldSignInTheChosenUserAndRedirectBackWithTheState() throws Exception {
		this.emulator.signInAs("ou_bob");
		HttpResponse<String> authorize = authorize("S256", challenge(VERIFIER));

		assertThat(authorize.statusCode()).isEqualTo(302);
		String location = authorize.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(REDIRECT + "?code=").endsWith("&state=s%2B1");

		JsonNode tokens = token(Map.of("grant_type", "authorization_code", "code", code(location), "redirect_uri",
				REDIRECT, "code_verifier", VERIFIER));
		assertThat(tokens.path("code").asInt()).isZero();
		assertThat(tokens.path("token_type").asString()).isEqualTo("Bearer");
		assertThat(tokens.path("expires_in").asLong()).isEqualTo(600);
		assertThat(tokens.path("refresh_token").asString()).startsWith("r-");
		assertThat(tokens.path("scope").asString()).isEqualTo("vc:reserve offline_access");

		HttpResponse<String> userInfo = this.http.send(HttpRequest
			.newBuilder(URI.create(this.emulator.baseUrl() + "/open-apis/authen/v1/user_info"))
			.header("Authorization", "Bearer " + tokens.path("access_token").asString())
			.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode info = this.json.readTree(userInfo.body());
		assertThat(info.path("code").asInt()).isZero();
		assertThat(info.path("data").path("open_id").asString()).isEqualTo("ou_bob");
		assertThat(info.path("data").path("tenant_key").asString()).isEqualTo(FeishuVcEmulator.DEFAULT_TENANT_KEY);
	}

	@Test
	void shouldAnswerTheUserInfoAsTheOfficialSdkReadsIt() throws Exception {
		this.emulator.signInAs("ou_carol");
		String code = code(authorize("S256", challenge(VERIFIER)).headers().firstValue("Location").orElseThrow());
		String userToken = token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT,
				"code_verifier", VERIFIER)).path("access_token").asString();
		Client sdk = Client.newBuilder(this.emulator.appId(), this.emulator.appSecret())
			.openBaseUrl(this.emulator.baseUrl())
			.build();

		GetUserInfoResp response = sdk.authen()
			.v1()
			.userInfo()
			.get(RequestOptions.newBuilder().userAccessToken(userToken).build());

		assertThat(response.success()).as(response.getMsg()).isTrue();
		assertThat(response.getData().getOpenId()).isEqualTo("ou_carol");
		assertThat(response.getData().getUnionId()).isEqualTo("on_ou_carol");
		assertThat(response.getData().getTenantKey()).isEqualTo(FeishuVcEmulator.DEFAULT_TENANT_KEY);
		assertThat(response.getData().getName()).isEqualTo("Emulated ou_carol");
	}

	@Test
	void shouldCheckPkceAndUseACodeOnce() throws Exception {
		String code = code(authorize("S256", challenge(VERIFIER)).headers().firstValue("Location").orElseThrow());

		JsonNode wrongVerifier = token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri",
				REDIRECT, "code_verifier", VERIFIER + "x"));
		assertThat(wrongVerifier.path("error").asString()).isEqualTo("invalid_grant");

		String second = code(authorize("S256", challenge(VERIFIER)).headers().firstValue("Location").orElseThrow());
		Map<String, String> exchange = Map.of("grant_type", "authorization_code", "code", second, "redirect_uri",
				REDIRECT, "code_verifier", VERIFIER);
		assertThat(token(exchange).path("access_token").asString()).startsWith("u-");
		assertThat(token(exchange).path("error").asString()).as("used once").isEqualTo("invalid_grant");
	}

	@Test
	void shouldExpireACodeAfterFiveMinutes() throws Exception {
		String code = code(authorize("plain", VERIFIER).headers().firstValue("Location").orElseThrow());
		this.clock.advance(Duration.ofMinutes(5));

		JsonNode expired = token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT,
				"code_verifier", VERIFIER));
		assertThat(expired.path("error").asString()).isEqualTo("invalid_grant");
		assertThat(expired.path("code").asInt()).isEqualTo(20004);
	}

	@Test
	void shouldRotateRefreshTokensAndRefuseAUsedOne() throws Exception {
		String code = code(authorize("S256", challenge(VERIFIER)).headers().firstValue("Location").orElseThrow());
		String refreshToken = token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT,
				"code_verifier", VERIFIER)).path("refresh_token").asString();

		JsonNode refreshed = token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
		assertThat(refreshed.path("access_token").asString()).startsWith("u-");
		assertThat(refreshed.path("refresh_token").asString()).startsWith("r-").isNotEqualTo(refreshToken);
		assertThat(token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken)).path("error").asString())
			.isEqualTo("invalid_grant");
	}

	@Test
	void shouldRefuseTheSecretSentTwice() throws Exception {
		HttpResponse<String> both = this.http.send(HttpRequest
			.newBuilder(URI.create(this.emulator.baseUrl() + "/open-apis/authen/v2/oauth/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((this.emulator.appId() + ":" + this.emulator.appSecret()).getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "refresh_token", "refresh_token", "r-x",
					"client_id", this.emulator.appId(), "client_secret", this.emulator.appSecret()))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(this.json.readTree(both.body()).path("code").asInt()).isEqualTo(20070);
	}

	private HttpResponse<String> authorize(String method, String challenge) throws Exception {
		String query = form(Map.of("client_id", this.emulator.appId(), "response_type", "code", "redirect_uri", REDIRECT,
				"scope", "vc:reserve offline_access", "state", "s+1", "code_challenge", challenge,
				"code_challenge_method", method));
		return this.http.send(HttpRequest
			.newBuilder(URI.create(this.emulator.baseUrl() + "/open-apis/authen/v1/authorize?" + query))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode token(Map<String, String> parameters) throws Exception {
		Map<String, String> all = new LinkedHashMap<>(parameters);
		all.put("client_id", this.emulator.appId());
		all.put("client_secret", this.emulator.appSecret());
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(URI.create(this.emulator.baseUrl() + "/open-apis/authen/v2/oauth/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(all)))
			.build(), HttpResponse.BodyHandlers.ofString());
		return this.json.readTree(response.body());
	}

	private static String code(String location) {
		return location.replaceAll(".*[?&]code=([^&]+).*", "$1");
	}

	private static String challenge(String verifier) throws Exception {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
	}

	private static String form(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
