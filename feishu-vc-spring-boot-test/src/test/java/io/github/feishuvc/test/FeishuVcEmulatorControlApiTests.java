package io.github.feishuvc.test;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control API over HTTP with the JDK's client: the test hooks a test in another process or language drives, and
 * its refusals of what does not match an operation.
 */
class FeishuVcEmulatorControlApiTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private FeishuVcEmulator emulator;

	@BeforeEach
	void start() {
		FeishuVcEmulator.Builder builder = FeishuVcEmulator.builder();
		// An event with nowhere to go is refused after this wait: the platform's own is not what these tests are about.
		builder.destinationWait = Duration.ofMillis(200);
		this.emulator = builder.start();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void shouldDescribeTheEmulatorItControls() throws Exception {
		JsonNode settings = body(call("GET", "", null), 200);

		assertThat(settings.path("baseUrl").asString()).isEqualTo(this.emulator.baseUrl());
		assertThat(settings.path("controlUrl").asString()).isEqualTo(this.emulator.baseUrl() + "/_emulator");
		assertThat(settings.path("appId").asString()).isEqualTo(FeishuVcEmulator.DEFAULT_APP_ID);
		assertThat(settings.path("appSecret").asString()).isEqualTo(FeishuVcEmulator.DEFAULT_APP_SECRET);
		assertThat(settings.path("appType").asString()).isEqualTo("self-built");
		assertThat(settings.path("verificationToken").asString())
			.isEqualTo(FeishuVcEmulator.DEFAULT_VERIFICATION_TOKEN);
		assertThat(settings.path("encryptKey").isNull()).isTrue();
		assertThat(settings.path("tenants").get(0).asString()).isEqualTo(FeishuVcEmulator.DEFAULT_TENANT_KEY);
		assertThat(settings.path("springProperties").path("feishu.vc.base-url").asString())
			.isEqualTo(this.emulator.baseUrl());
	}

	@Test
	void shouldHoldAMeetingAndDeliverItsEventsToTheEventUrl() throws Exception {
		List<String> received = new CopyOnWriteArrayList<>();
		DisposableServer application = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> request.receive().aggregate().asString().flatMap((event) -> {
				received.add(this.json.readTree(event).path("header").path("event_type").asString());
				return response.sendString(Mono.just("{}")).then();
			}))
			.bindNow();
		try {
			assertThat(call("PUT", "/events/destination",
					"{\"url\":\"http://127.0.0.1:" + application.port() + "/events\"}").statusCode())
				.isEqualTo(204);
			String reserveId = body(call("POST", "/reserves", """
					{"reserve": {"id": "7001", "meeting_no": "112000358", "url": "https://vc.feishu.cn/j/112000358",
					 "reserve_user_id": "ou_host", "meeting_settings": {"topic": "Standup"}}}"""), 200)
				.path("reserveId")
				.asString();
			String meetingId = body(call("POST", "/reserves/" + reserveId + "/meeting", null), 200).path("meetingId")
				.asString();
			assertThat(call("POST", "/meetings/" + meetingId + "/participants", "{\"userId\":\"ou_ann\"}").statusCode())
				.isEqualTo(204);
			assertThat(call("POST", "/meetings/" + meetingId + "/recording", null).statusCode()).isEqualTo(204);
			assertThat(call("DELETE", "/meetings/" + meetingId + "/participants/ou_ann", null).statusCode())
				.isEqualTo(204);
			assertThat(call("POST", "/meetings/" + meetingId + "/end", null).statusCode()).isEqualTo(204);

			assertThat(received).containsSubsequence("vc.meeting.meeting_started_v1", "vc.meeting.join_meeting_v1",
					"vc.meeting.recording_started_v1", "vc.meeting.leave_meeting_v1",
					"vc.meeting.meeting_ended_v1");
			assertThat(this.emulator.findReserve(reserveId)).isPresent();
		}
		finally {
			application.disposeNow();
		}
	}

	@Test
	void shouldPushAgainAnEventNotAcknowledgedOnceItsClockIsMovedOn() throws Exception {
		AtomicInteger pushes = new AtomicInteger();
		DisposableServer application = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> request.receive().aggregate().asString().flatMap((event) -> response
				.status((pushes.incrementAndGet() == 1) ? 500 : 200)
				.sendString(Mono.just("{}"))
				.then()))
			.bindNow();
		try {
			call("PUT", "/events/destination", "{\"url\":\"http://127.0.0.1:" + application.port() + "/events\"}");
			JsonNode first = body(call("POST", "/events",
					"{\"eventType\":\"vc.meeting.all_meeting_started_v1\",\"event\":{\"meeting\":{\"id\":\"1\"}}}"),
					200);
			assertThat(first.path("status").asInt()).isEqualTo(500);
			assertThat(body(call("GET", "/events", null), 200).path("pending")).hasSize(1);

			JsonNode clock = body(call("POST", "/clock/advance", "{\"by\":\"15s\"}"), 200);

			assertThat(clock.path("advanced").asString()).isEqualTo("PT15S");
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pushes.get() == 2);
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> body(call("GET", "/events", null), 200).path("pending").isEmpty());
			assertRefused(call("POST", "/clock/advance", "{\"by\":\"-5m\"}"), 400,
					"The emulator's clock moves on, never back");
			assertRefused(call("POST", "/clock/advance", "{\"by\":\"later\"}"), 400, "Field 'by' must be a duration");
		}
		finally {
			application.disposeNow();
		}
	}

	@Test
	void shouldExpireTokensWhenItsClockIsMovedOnPastTheirLifetime() throws Exception {
		String token = this.json.readTree(token().body()).path("tenant_access_token").asString();

		body(call("POST", "/clock/advance", "{\"by\":\"PT2H\"}"), 200);

		HttpResponse<String> expired = this.http.send(HttpRequest
			.newBuilder(URI.create(this.emulator.baseUrl() + "/open-apis/vc/v1/reserves/"
					+ FeishuVcEmulator.REFERENCE_RESERVE_ID))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(this.json.readTree(expired.body()).path("code").asInt()).isEqualTo(99991663);
		assertThat(this.emulator.now()).isAfter(Instant.now().plus(Duration.ofMinutes(119)));
	}

	@Test
	void shouldAnswerTheNextRequestsWithTheFaultItWasTold() throws Exception {
		assertThat(call("POST", "/faults/next", """
				{"endpoint": "TENANT_ACCESS_TOKEN", "fault": "RATE_LIMITED", "times": 1}""").statusCode())
			.isEqualTo(204);

		HttpResponse<String> limited = token();
		HttpResponse<String> after = token();

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("x-ogw-ratelimit-reset")).hasValue("1.0");
		assertThat(after.statusCode()).isEqualTo(200);
		JsonNode requests = body(call("GET", "/requests?endpoint=TENANT_ACCESS_TOKEN", null), 200);
		assertThat(requests.path("count").asInt()).isEqualTo(2);
		assertThat(requests.path("requests").get(0).path("fault").asString()).isEqualTo("RATE_LIMITED");
		assertThat(requests.path("requests").get(1).path("fault").isNull()).isTrue();
	}

	@Test
	void shouldGoBackToTheTenantOfStartUpButKeepTheTokensIssued() throws Exception {
		String token = this.json.readTree(token().body()).path("tenant_access_token").asString();
		String reserveId = this.emulator.addReserve("{\"id\":\"7002\",\"meeting_no\":\"1\"}");
		this.emulator.failNext("reserve.get", Fault.INTERNAL_ERROR, 5);

		assertThat(call("POST", "/reset", null).statusCode()).isEqualTo(204);

		assertThat(this.emulator.findReserve(reserveId)).isEmpty();
		assertThat(this.emulator.findReserve(FeishuVcEmulator.REFERENCE_RESERVE_ID)).isPresent();
		assertThat(this.emulator.requests()).isEmpty();
		HttpResponse<String> reference = this.http.send(HttpRequest
			.newBuilder(URI.create(this.emulator.baseUrl() + "/open-apis/vc/v1/reserves/"
					+ FeishuVcEmulator.REFERENCE_RESERVE_ID))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(reference.statusCode()).isEqualTo(200);
	}

	@Test
	void shouldRefuseWhatDoesNotMatchAnOperationNamingWhatIsWrong() throws Exception {
		assertRefused(call("POST", "/meetings/1/participants", "not json"), 400, "The body is not JSON");
		assertRefused(call("POST", "/meetings/1/participants", "[1]"), 400, "The body must be a JSON object");
		assertRefused(call("POST", "/meetings/1/participants", "{}"), 400, "Field 'userId' is required: a string");
		assertRefused(call("POST", "/meetings/1/participants", "{\"userId\":7}"), 400,
				"Field 'userId' must be a string, not 7");
		assertRefused(call("POST", "/meetings/1/participants", "{\"userId\":\"ou_a\",\"user\":\"x\"}"), 400,
				"Unknown field 'user'; it takes userId");
		assertRefused(call("POST", "/meetings/1/participants", null), 400,
				"The body must be a JSON object with 'userId' (a string)");
		assertRefused(call("POST", "/faults/next", "{\"fault\":\"BROKEN\",\"times\":1,\"operation\":\"reserve.get\"}"),
				400, "No fault 'BROKEN'");
		assertRefused(call("POST", "/faults/next", "{\"fault\":\"RATE_LIMITED\",\"times\":0,\"operation\":\"x\"}"),
				400, "Field 'times' must be at least 1, not 0");
		assertRefused(call("POST", "/rooms/r/bookings", """
				{"start":"tomorrow","end":"2026-12-06T10:00:00Z","title":"t","reserverId":"ou_a"}"""), 400,
				"Field 'start' must be an ISO-8601 instant");
		assertRefused(call("GET", "/requests?verbose=true", null), 400,
				"Unknown query parameter 'verbose'; it takes endpoint, operation");
		assertRefused(call("POST", "/reset", "{\"all\":true}"), 400, "POST /_emulator/reset takes no body");
		assertRefused(call("POST", "/meetings/404/participants", "{\"userId\":\"ou_a\"}"), 400,
				"No meeting 404 in progress");
		assertRefused(call("GET", "/reserves/404", null), 404, "No reservation 404");
		assertRefused(call("GET", "/reserves/a%2Fb+c", null), 404, "No reservation a/b+c");
		assertRefused(call("POST", "/events", "{\"eventType\":\"x\",\"event\":{}}"), 409, "");
		assertRefused(call("GET", "/nothing", null), 404, "No control operation at GET /_emulator/nothing");
		assertRefused(call("PATCH", "/reset", null), 405, "PATCH /_emulator/reset is not an operation; the path takes POST");
	}

	@Test
	void shouldRefuseAPathWhosePercentEncodingIsBroken() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.emulator.port())) {
			socket.getOutputStream()
				.write("GET /_emulator/reserves/%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

			assertThat(answer).startsWith("HTTP/1.1 400 ")
				.contains("{\"error\":\"The path is not URL-encoded as it should be: /_emulator/reserves/%ZZ\"}");
		}
	}

	@Test
	void shouldRefuseABodyLargerThanItHoldsBeforeReadingItWhole() throws Exception {
		byte[] large = new byte[EmulatorServer.LARGEST_BODY + 1];
		Arrays.fill(large, (byte) ' ');

		HttpResponse<String> control = this.http.send(HttpRequest
			.newBuilder(URI.create(this.emulator.controlUrl() + "/reset"))
			.POST(HttpRequest.BodyPublishers.ofByteArray(large))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> platform = this.http.send(HttpRequest
			.newBuilder(URI.create(this.emulator.baseUrl() + "/open-apis/auth/v3/tenant_access_token/internal"))
			.POST(HttpRequest.BodyPublishers.ofByteArray(large))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(control.statusCode()).isEqualTo(413);
		assertThat(this.json.readTree(control.body()).path("error").asString())
			.isEqualTo("The body is larger than " + EmulatorServer.LARGEST_BODY + " bytes");
		assertThat(platform.statusCode()).isEqualTo(413);
		assertThat(call("GET", "/clock", null).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldServeAnOpenApiDocumentOfEveryOperation() throws Exception {
		JsonNode document = body(call("GET", "/openapi.json", null), 200);

		assertThat(document.path("openapi").asString()).isEqualTo("3.1.0");
		assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo(this.emulator.controlUrl());
		JsonNode join = document.path("paths").path("/meetings/{meetingId}/participants").path("post");
		assertThat(join.path("operationId").asString()).isEqualTo("joinMeeting");
		assertThat(join.path("parameters").get(0).path("name").asString()).isEqualTo("meetingId");
		JsonNode schema = join.path("requestBody").path("content").path("application/json").path("schema");
		assertThat(schema.path("required").get(0).asString()).isEqualTo("userId");
		assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
		assertThat(join.path("x-java-hooks").get(0).asString()).isEqualTo("EmulatorMeetings.join");
		int operations = 0;
		for (JsonNode path : document.path("paths")) {
			operations += path.size();
		}
		assertThat(operations).isEqualTo(this.emulator.control().operations().size());
	}

	private void assertRefused(HttpResponse<String> response, int status, String message) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(this.json.readTree(response.body()).path("error").asString()).startsWith(message);
	}

	private JsonNode body(HttpResponse<String> response, int status) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> call(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.emulator.controlUrl() + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> token() throws Exception {
		return this.http.send(HttpRequest
			.newBuilder(URI.create(this.emulator.baseUrl() + "/open-apis/auth/v3/tenant_access_token/internal"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"app_id\":\"" + FeishuVcEmulator.DEFAULT_APP_ID
					+ "\",\"app_secret\":\"" + FeishuVcEmulator.DEFAULT_APP_SECRET + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
