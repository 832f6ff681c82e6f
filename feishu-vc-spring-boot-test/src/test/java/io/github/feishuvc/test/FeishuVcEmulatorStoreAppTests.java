package io.github.feishuvc.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.lark.oapi.core.Config;
import com.lark.oapi.core.request.EventReq;
import com.lark.oapi.core.response.EventResp;
import com.lark.oapi.core.token.GlobalAppTicketManager;
import com.lark.oapi.event.EventDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * {@link FeishuVcEmulator} as a store app: ticket pushes, app and tenant tokens, tenants kept apart; and its
 * encryption and signature checked by the official SDK's own event decoder.
 */
class FeishuVcEmulatorStoreAppTests {

	private static final String ENCRYPT_KEY = "oracle-encrypt-key";

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final BlockingQueue<Pushed> pushed = new LinkedBlockingQueue<>();

	private FeishuVcEmulator emulator;

	private DisposableServer eventUrl;

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.builder().storeApp("t1", "t2").encryptKey(ENCRYPT_KEY).start();
		this.eventUrl = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> request.receive().aggregate().asByteArray().doOnNext((body) -> {
				Map<String, List<String>> headers = new HashMap<>();
				request.requestHeaders().forEach((header) -> headers
					.computeIfAbsent(header.getKey().toLowerCase(), (name) -> new ArrayList<>())
					.add(header.getValue()));
				this.pushed.add(new Pushed(headers, body));
			}).then(response.sendString(Mono.just("{\"msg\":\"success\"}")).then()))
			.bindNow();
		this.emulator.deliverEventsTo("http://127.0.0.1:" + this.eventUrl.port() + "/feishu/events");
	}

	@AfterEach
	void stop() {
		this.eventUrl.disposeNow();
		this.emulator.close();
	}

	@Test
	void shouldDescribeTheStoreAppsProperties() {
		assertThat(this.emulator.springProperties()).contains(entry("feishu.vc.app-type", "store"),
				entry("feishu.vc.events.verification-token", FeishuVcEmulator.DEFAULT_VERIFICATION_TOKEN),
				entry("feishu.vc.events.encrypt-key", ENCRYPT_KEY));
		assertThat(this.emulator.tenants()).containsExactly("t1", "t2");
	}

	@Test
	void shouldPushATicketTheOfficialSdkDecryptsAndVerifies() throws Throwable {
		assertThat(this.emulator.pushAppTicket().accepted()).isTrue();
		Pushed push = take();
		assertThat(new String(push.body(), StandardCharsets.UTF_8)).startsWith("{\"encrypt\":\"")
			.doesNotContain("app_ticket");

		EventReq request = new EventReq();
		request.setHeaders(push.headers());
		request.setBody(push.body());
		request.setHttpPath("/feishu/events");
		EventResp response = EventDispatcher.newBuilder(FeishuVcEmulator.DEFAULT_VERIFICATION_TOKEN, ENCRYPT_KEY)
			.build()
			.handle(request);

		assertThat(response.getStatusCode()).as(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo(200);
		Config config = new Config();
		config.setAppId(this.emulator.appId());
		String ticket = GlobalAppTicketManager.getAppTicketManager().get(config);
		assertThat(ticket).startsWith("emulated-ticket-");
		assertThat(appToken(ticket).path("code").asInt()).as("the emulator accepts the ticket the SDK read").isZero();
	}

	@Test
	void shouldStampPushesWithTheWallClockWhateverTheEmulatedClockSays() throws Throwable {
		try (FeishuVcEmulator movedClock = FeishuVcEmulator.builder()
			.storeApp("t1")
			.clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(3)))
			.start()) {
			movedClock.deliverEventsTo("http://127.0.0.1:" + this.eventUrl.port() + "/feishu/events");
			long before = Instant.now().getEpochSecond();

			assertThat(movedClock.pushAppTicket().accepted()).isTrue();

			long stamped = Long.parseLong(take().headers().get("x-lark-request-timestamp").get(0));
			assertThat(stamped).isBetween(before, Instant.now().getEpochSecond());
		}
	}

	@Test
	void shouldBeRefusedByTheOfficialSdkWhenTheSignatureIsWrong() throws Throwable {
		this.emulator.pushAppTicket();
		Pushed push = take();
		push.headers().put("x-lark-signature", List.of("0".repeat(64)));
		EventReq request = new EventReq();
		request.setHeaders(push.headers());
		request.setBody(push.body());

		EventResp response = EventDispatcher.newBuilder(FeishuVcEmulator.DEFAULT_VERIFICATION_TOKEN, ENCRYPT_KEY)
			.build()
			.handle(request);

		assertThat(response.getStatusCode()).isEqualTo(500);
	}

	@Test
	void shouldPushATicketWhenAskedToResendOne() throws Exception {
		HttpResponse<String> resend = post("/open-apis/auth/v3/app_ticket/resend",
				"{\"app_id\":\"" + this.emulator.appId() + "\",\"app_secret\":\"" + this.emulator.appSecret() + "\"}");

		assertThat(this.json.readTree(resend.body()).path("code").asInt()).isZero();
		assertThat(take().headers()).containsKeys("x-lark-request-timestamp", "x-lark-request-nonce",
				"x-lark-signature");
		assertThat(this.emulator.requestCount(Endpoint.APP_TICKET_RESEND)).isEqualTo(1);
		HttpResponse<String> wrongSecret = post("/open-apis/auth/v3/app_ticket/resend",
				"{\"app_id\":\"" + this.emulator.appId() + "\",\"app_secret\":\"wrong\"}");
		assertThat(this.json.readTree(wrongSecret.body()).path("code").asInt()).isEqualTo(10014);
	}

	@Test
	void shouldIssueTokensForTicketsItPushedAndKeepTenantsApart() throws Exception {
		assertThat(appToken("never-pushed").path("code").asInt()).isEqualTo(10012);
		String ticket = pushedTicket();
		JsonNode appToken = appToken(ticket);
		assertThat(appToken.path("app_access_token").asString()).startsWith("a-");
		assertThat(appToken.path("expire").asLong()).isBetween(7190L, 7200L);

		String t1 = tenantToken(appToken.path("app_access_token").asString(), "t1").path("tenant_access_token").asString();
		String t2 = tenantToken(appToken.path("app_access_token").asString(), "t2").path("tenant_access_token").asString();
		assertThat(t1).startsWith("t-").isNotEqualTo(t2);
		assertThat(tenantToken("a-unknown", "t1").path("code").asInt()).isEqualTo(99991664);
		assertThat(tenantToken(appToken.path("app_access_token").asString(), "t9").path("code").asInt()).isEqualTo(10003);

		this.emulator.addTenantReserve("t2", "{\"id\": \"r-t2\"}");
		assertThat(get("/open-apis/vc/v1/reserves/r-t2", t2).statusCode()).isEqualTo(200);
		HttpResponse<String> other = get("/open-apis/vc/v1/reserves/r-t2", t1);
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(other.body()).path("code").asInt()).isEqualTo(121004);
		assertThat(get("/open-apis/vc/v1/reserves/r-t2", appToken.path("app_access_token").asString()).statusCode())
			.as("an app token is no tenant token")
			.isEqualTo(400);
	}

	@Test
	void shouldRefuseTheSelfBuiltTokenEndpointToAStoreApp() throws Exception {
		HttpResponse<String> response = post("/open-apis/auth/v3/tenant_access_token/internal",
				"{\"app_id\":\"" + this.emulator.appId() + "\",\"app_secret\":\"" + this.emulator.appSecret() + "\"}");
		assertThat(this.json.readTree(response.body()).path("code").asInt()).isEqualTo(10003);
	}

	@Test
	void shouldPushOtherEventsInTheVersionTwoFormat() {
		try (FeishuVcEmulator plain = FeishuVcEmulator.builder().storeApp("t1").start()) {
			plain.deliverEventsTo("http://127.0.0.1:" + this.eventUrl.port() + "/feishu/events");
			assertThat(plain.pushEvent("vc.meeting.all_meeting_started_v1", "t1", "{\"meeting\":{\"id\":\"1\"}}")
				.accepted()).isTrue();
			JsonNode event = this.json.readTree(take().body());
			assertThat(event.path("schema").asString()).isEqualTo("2.0");
			assertThat(event.path("header").path("event_type").asString()).isEqualTo("vc.meeting.all_meeting_started_v1");
			assertThat(event.path("header").path("tenant_key").asString()).isEqualTo("t1");
			assertThat(event.path("header").path("token").asString())
				.isEqualTo(FeishuVcEmulator.DEFAULT_VERIFICATION_TOKEN);
			assertThat(event.path("event").path("meeting").path("id").asString()).isEqualTo("1");
		}
	}

	@Test
	void shouldSayWhenNobodyListensAtTheEventUrl() {
		this.emulator.deliverEventsTo("http://127.0.0.1:9/feishu/events");
		EventDelivery delivery = this.emulator.pushAppTicket();
		assertThat(delivery.accepted()).isFalse();
		assertThat(delivery.status()).isZero();
	}

	/** A ticket as the official SDK reads it from the emulator's push. */
	private String pushedTicket() {
		this.emulator.pushAppTicket();
		Config config = new Config();
		config.setAppId(this.emulator.appId());
		try {
			EventReq request = new EventReq();
			Pushed push = take();
			request.setHeaders(push.headers());
			request.setBody(push.body());
			EventDispatcher.newBuilder(FeishuVcEmulator.DEFAULT_VERIFICATION_TOKEN, ENCRYPT_KEY).build().handle(request);
			return GlobalAppTicketManager.getAppTicketManager().get(config);
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode appToken(String ticket) throws Exception {
		return this.json.readTree(post("/open-apis/auth/v3/app_access_token", "{\"app_id\":\"" + this.emulator.appId()
				+ "\",\"app_secret\":\"" + this.emulator.appSecret() + "\",\"app_ticket\":\"" + ticket + "\"}")
			.body());
	}

	private JsonNode tenantToken(String appToken, String tenantKey) throws Exception {
		return this.json.readTree(post("/open-apis/auth/v3/tenant_access_token",
				"{\"app_access_token\":\"" + appToken + "\",\"tenant_key\":\"" + tenantKey + "\"}")
			.body());
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.emulator.baseUrl() + path))
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.emulator.baseUrl() + path))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private Pushed take() {
		try {
			Pushed push = this.pushed.poll(5, TimeUnit.SECONDS);
			assertThat(push).as("a push to the event URL").isNotNull();
			return push;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Pushed(Map<String, List<String>> headers, byte[] body) {
	}

}
