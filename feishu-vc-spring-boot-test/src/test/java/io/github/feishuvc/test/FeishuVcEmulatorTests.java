package io.github.feishuvc.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link FeishuVcEmulator} over HTTP with the JDK's client, so it is checked independently of the starter.
 */
class FeishuVcEmulatorTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final MovableClock clock = new MovableClock();

	private FeishuVcEmulator emulator;

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.builder().clock(this.clock).start();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void shouldListenOnLoopbackAndDescribeItself() {
		assertThat(this.emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + this.emulator.port());
		assertThat(this.emulator.springProperties()).containsExactly(
				entry("feishu.vc.base-url", this.emulator.baseUrl()),
				entry("feishu.vc.app-id", FeishuVcEmulator.DEFAULT_APP_ID),
				entry("feishu.vc.app-secret", FeishuVcEmulator.DEFAULT_APP_SECRET),
				entry("feishu.vc.events.verification-token", FeishuVcEmulator.DEFAULT_VERIFICATION_TOKEN));
	}

	@Test
	void shouldIssueATokenForTheRightCredentials() throws Exception {
		HttpResponse<String> response = token(FeishuVcEmulator.DEFAULT_APP_ID, FeishuVcEmulator.DEFAULT_APP_SECRET);

		JsonNode body = this.json.readTree(response.body());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Tt-Logid")).isPresent();
		assertThat(body.path("code").asInt()).isZero();
		assertThat(body.path("tenant_access_token").asString()).startsWith("t-");
		assertThat(body.path("expire").asLong()).isEqualTo(7200);
		assertThat(this.emulator.requestCount(Endpoint.TENANT_ACCESS_TOKEN)).isEqualTo(1);
	}

	@Test
	void shouldRefuseAWrongSecretOrAppId() throws Exception {
		HttpResponse<String> wrongSecret = token(FeishuVcEmulator.DEFAULT_APP_ID, "nope");
		HttpResponse<String> wrongApp = token("cli_other", FeishuVcEmulator.DEFAULT_APP_SECRET);

		assertThat(wrongSecret.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(wrongSecret.body()).path("code").asInt()).isEqualTo(10014);
		assertThat(this.json.readTree(wrongApp.body()).path("code").asInt()).isEqualTo(10003);
	}

	@Test
	void shouldReuseATokenWhileMoreThanHalfAnHourRemains() throws Exception {
		String first = tokenValue();
		this.clock.advance(Duration.ofMinutes(89));
		assertThat(tokenValue()).isEqualTo(first);
		JsonNode again = this.json.readTree(token(FeishuVcEmulator.DEFAULT_APP_ID,
				FeishuVcEmulator.DEFAULT_APP_SECRET).body());
		assertThat(again.path("expire").asLong()).isEqualTo(31 * 60);

		this.clock.advance(Duration.ofMinutes(2));
		String second = tokenValue();
		assertThat(second).isNotEqualTo(first);
		assertThat(get("/open-apis/vc/v1/reserves/" + FeishuVcEmulator.REFERENCE_RESERVE_ID, first).statusCode())
			.as("the old token stays valid until it expires")
			.isEqualTo(200);
	}

	@Test
	void shouldServeTheReferenceReserve() throws Exception {
		HttpResponse<String> response = get("/open-apis/vc/v1/reserves/6911188411934973028?user_id_type=open_id",
				tokenValue());

		JsonNode body = this.json.readTree(response.body());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(body.path("code").asInt()).isZero();
		assertThat(body.path("data").path("reserve").path("meeting_no").asString()).isEqualTo("112000358");
		assertThat(body.path("data").path("reserve").path("meeting_settings").path("topic").asString())
			.isEqualTo("my meeting");
		assertThat(this.emulator.requests()).last()
			.satisfies((request) -> {
				assertThat(request.operation()).isEqualTo("reserve.get");
				assertThat(request.uri()).isEqualTo("/open-apis/vc/v1/reserves/6911188411934973028?user_id_type=open_id");
				assertThat(request.authorization()).startsWith("Bearer t-");
			});
	}

	@Test
	void shouldAnswerWithThePlatformsErrors() throws Exception {
		String token = tokenValue();
		this.emulator.addReserve("{\"id\": \"owned-by-someone\"}", "ou_someone");

		assertError(get("/open-apis/vc/v1/reserves/unknown", token), 404, 121004);
		assertError(get("/open-apis/vc/v1/reserves/owned-by-someone", token), 403, 121005);
		assertError(get("/open-apis/vc/v1/reserves/x?user_id_type=email", token), 400, 99992402);
		assertError(get("/open-apis/vc/v1/reserves/x", null), 400, 99991661);
		assertError(get("/open-apis/vc/v1/reserves/x", "t-forged"), 400, 99991663);
	}

	@Test
	void shouldRejectExpiredTokens() throws Exception {
		String token = tokenValue();
		this.clock.advance(Duration.ofHours(2));
		assertError(get("/open-apis/vc/v1/reserves/" + FeishuVcEmulator.REFERENCE_RESERVE_ID, token), 400, 99991663);

		String fresh = tokenValue();
		this.emulator.expireTokens();
		assertError(get("/open-apis/vc/v1/reserves/" + FeishuVcEmulator.REFERENCE_RESERVE_ID, fresh), 400, 99991663);
	}

	@Test
	void shouldDecodeTheReserveIdSegment() throws Exception {
		this.emulator.addReserve("{\"id\": \"a?b=c/d+e\"}");

		assertThat(get("/open-apis/vc/v1/reserves/a%3Fb%3Dc%2Fd%2Be", tokenValue()).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldAnswerUnknownPathsLikeTheGateway() throws Exception {
		HttpResponse<String> response = get("/open-apis/vc/v1/reserves/a/b", tokenValue());

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).isEqualTo("404 page not found");
		assertThat(this.emulator.requestCount(Endpoint.UNKNOWN)).isEqualTo(1);
	}

	@Test
	void shouldCountAndForgetRequests() throws Exception {
		tokenValue();
		get("/open-apis/vc/v1/reserves/1", null);
		assertThat(this.emulator.requestCount("reserve.get")).isEqualTo(1);
		assertThat(this.emulator.requests()).hasSize(2);

		this.emulator.resetRequests();

		assertThat(this.emulator.requestCount(Endpoint.TENANT_ACCESS_TOKEN)).isZero();
		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void shouldRefuseAReserveWithoutId() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.addReserve("{\"meeting_no\": \"1\"}"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.addReserve("not json"));
	}

	@Test
	void shouldApplyUpdateAndDeleteReservations() throws Exception {
		String token = tokenValue();
		long endTime = this.clock.instant().plus(Duration.ofDays(1)).getEpochSecond();
		HttpResponse<String> applied = send("POST", "/open-apis/vc/v1/reserves/apply", token, """
				{"end_time": "%d", "owner_id": "ou_owner",
				 "meeting_settings": {"topic": "t", "assign_host_list": [{"user_type": 1, "id": "ou_a"},
				   {"user_type": 1, "id": "bad"}]}}
				""".formatted(endTime));
		JsonNode data = this.json.readTree(applied.body()).path("data");
		String id = data.path("reserve").path("id").asString();
		assertThat(applied.statusCode()).isEqualTo(200);
		assertThat(data.path("reserve").path("meeting_no").asString()).hasSize(9);
		assertThat(data.path("reserve").path("password").asString()).matches("\\d{6}");
		assertThat(data.path("reserve").path("end_time").asString()).isEqualTo(Long.toString(endTime));
		assertThat(data.path("reserve_correction_check_info").path("invalid_host_id_list").get(0).asString())
			.isEqualTo("bad");

		HttpResponse<String> updated = send("PUT", "/open-apis/vc/v1/reserves/" + id, token,
				"{\"meeting_settings\": {\"topic\": \"new\"}}");
		assertThat(this.json.readTree(updated.body()).path("data").path("reserve").path("expire_status").asInt())
			.isEqualTo(1);
		JsonNode stored = this.json.readTree(this.emulator.findReserve(id).orElseThrow());
		assertThat(stored.path("meeting_settings").path("topic").asString()).isEqualTo("new");
		assertThat(stored.path("meeting_settings").path("assign_host_list")).hasSize(1);

		assertThat(send("DELETE", "/open-apis/vc/v1/reserves/" + id, token, "").statusCode()).isEqualTo(200);
		assertError(get("/open-apis/vc/v1/reserves/" + id, token), 404, 121004);
		assertThat(this.emulator.requestCount("reserve.apply")).isEqualTo(1);
		assertThat(this.emulator.requestCount("reserve.update")).isEqualTo(1);
		assertThat(this.emulator.requestCount("reserve.delete")).isEqualTo(1);
	}

	@Test
	void shouldEnforceThePlatformsRulesOnApply() throws Exception {
		String token = tokenValue();
		long tomorrow = this.clock.instant().plus(Duration.ofDays(1)).getEpochSecond();
		long tooLate = this.clock.instant().plus(Duration.ofDays(31)).getEpochSecond();
		String hosts = "[" + "{\"user_type\":1,\"id\":\"ou_x\"},".repeat(10) + "{\"user_type\":1,\"id\":\"ou_y\"}]";
		assertError(apply(token, "{\"end_time\": \"" + tomorrow + "\", \"meeting_settings\": {}}"), 400, 121003);
		assertError(apply(token, "{\"end_time\": \"" + tooLate + "\", \"owner_id\": \"ou_o\", \"meeting_settings\": {}}"),
				400, 121003);
		assertError(apply(token, "{\"owner_id\": \"ou_o\", \"meeting_settings\": {}}"), 400, 121003);
		assertError(apply(token, "{\"end_time\": \"" + tomorrow
				+ "\", \"owner_id\": \"ou_o\", \"meeting_settings\": {\"assign_host_list\": " + hosts + "}}"), 400, 123003);
		assertError(apply(token, "{\"owner_id\": \"ou_o\", \"meeting_settings\": {\"meeting_initial_type\": 2,"
				+ " \"auto_record\": true, \"call_setting\": {\"callee\": {\"user_type\": 6}}}}"), 400, 123002);
		assertError(apply(token, "not json"), 400, 121003);
	}

	@Test
	void shouldRefuseToUpdateMeetingConnect() throws Exception {
		assertError(send("PUT", "/open-apis/vc/v1/reserves/" + FeishuVcEmulator.REFERENCE_RESERVE_ID, tokenValue(),
				"{\"meeting_settings\": {\"meeting_connect\": false}}"), 400, 121002);
	}

	@Test
	void shouldServeTheReferenceMeetingWithOrWithoutParticipants() throws Exception {
		String path = "/open-apis/vc/v1/reserves/" + FeishuVcEmulator.REFERENCE_RESERVE_ID + "/get_active_meeting";
		JsonNode withParticipants = this.json.readTree(get(path + "?with_participants=true", tokenValue()).body());
		JsonNode without = this.json.readTree(get(path, tokenValue()).body());

		assertThat(withParticipants.path("data").path("meeting").path("id").asString()).isEqualTo("6911188411934433028");
		assertThat(withParticipants.path("data").path("meeting").path("participants")).hasSize(1);
		assertThat(without.path("data").path("meeting").has("participants")).isFalse();
		assertThat(this.emulator.requestCount("reserve.get_active_meeting")).isEqualTo(2);
	}

	@Test
	void shouldActAsTheUserOfAUserToken() throws Exception {
		String alice = this.emulator.issueUserAccessToken("ou_alice");
		long tomorrow = this.clock.instant().plus(Duration.ofDays(1)).getEpochSecond();

		HttpResponse<String> applied = apply(alice, "{\"end_time\": \"" + tomorrow + "\", \"meeting_settings\": {}}");
		String id = this.json.readTree(applied.body()).path("data").path("reserve").path("id").asString();

		assertThat(this.json.readTree(get("/open-apis/vc/v1/reserves/" + id, alice).body()).path("data")
			.path("reserve").path("reserve_user_id").asString()).isEqualTo("ou_alice");
		assertError(get("/open-apis/vc/v1/reserves/" + id, tokenValue()), 403, 121005);
		assertError(get("/open-apis/vc/v1/reserves/" + id, "u-unknown"), 400, 99991668);
		this.clock.advance(Duration.ofHours(3));
		assertError(get("/open-apis/vc/v1/reserves/" + id, alice), 400, 99991677);
	}

	private HttpResponse<String> apply(String token, String body) throws Exception {
		return send("POST", "/open-apis/vc/v1/reserves/apply", token, body);
	}

	private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.emulator.baseUrl() + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json; charset=utf-8")
			.method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private void assertError(HttpResponse<String> response, int status, int code) {
		JsonNode body = this.json.readTree(response.body());
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(body.path("code").asInt()).isEqualTo(code);
		assertThat(body.path("msg").asString()).isNotEmpty();
		String logId = response.headers().firstValue("X-Tt-Logid").orElseThrow();
		assertThat(body.path("error").path("log_id").asString()).isEqualTo(logId);
	}

	private String tokenValue() throws Exception {
		HttpResponse<String> response = token(FeishuVcEmulator.DEFAULT_APP_ID, FeishuVcEmulator.DEFAULT_APP_SECRET);
		return this.json.readTree(response.body()).path("tenant_access_token").asString();
	}

	private HttpResponse<String> token(String appId, String appSecret) throws Exception {
		String body = "{\"app_id\":\"" + appId + "\",\"app_secret\":\"" + appSecret + "\"}";
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.emulator.baseUrl() + "/open-apis/auth/v3/tenant_access_token/internal"))
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, @Nullable String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.emulator.baseUrl() + path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static java.util.Map.Entry<String, String> entry(String key, String value) {
		return java.util.Map.entry(key, value);
	}

}
