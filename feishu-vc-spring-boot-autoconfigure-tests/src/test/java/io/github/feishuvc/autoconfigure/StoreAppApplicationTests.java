package io.github.feishuvc.autoconfigure;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.feishuvc.auth.AppTicketStore;
import io.github.feishuvc.core.FeishuVcNotFoundException;
import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.events.webhook.RefusalListener;
import io.github.feishuvc.events.webhook.RefusalReason;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.support.ForgedEvents;
import io.github.feishuvc.support.ReceivedEvents;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.Endpoint;
import io.github.feishuvc.test.EventDelivery;
import io.github.feishuvc.test.FeishuVcEmulator;
import io.github.feishuvc.test.RecordedRequest;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A store app as users run it: a WebFlux and a Spring MVC application, each receiving the emulator's encrypted,
 * signed app ticket on its own event endpoint and reading reservations for two tenants.
 */
class StoreAppApplicationTests {

	private static final String ENCRYPT_KEY = "application-encrypt-key";

	/** Calls made at once, half for each tenant. */
	private static final int CALLS = 100;

	private FeishuVcEmulator emulator;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void startEmulator() {
		this.emulator = FeishuVcEmulator.builder().storeApp("t1", "t2").encryptKey(ENCRYPT_KEY).start();
		this.emulator.addTenantReserve("t1", "{\"id\": \"r-t1\", \"meeting_settings\": {\"topic\": \"t1 stand-up\"}}");
		this.emulator.addTenantReserve("t2", "{\"id\": \"r-t2\", \"meeting_settings\": {\"topic\": \"t2 review\"}}");
	}

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.emulator.close();
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "REACTIVE", "SERVLET" })
	void shouldReceiveThePushedTicketAndActForEachTenantWithItsOwnToken(WebApplicationType type) {
		start(type);
		assertThat(this.emulator.verifyEventUrl("check-42").body()).contains("check-42");
		assertThat(this.emulator.pushAppTicket().accepted()).isTrue();
		ReserveOperations reserves = this.context.getBean(ReserveOperations.class);

		// All at once, as many as each tenant's 50 a second of reserve.get allow without a wait: more would only be
		// paced by the rate limiter (500 took 5 seconds), with nothing more to prove about tenants or tokens.
		List<Reserve> read = Flux.range(0, CALLS)
			.flatMap((i) -> reserves.forTenant((i % 2 == 0) ? "t1" : "t2").get((i % 2 == 0) ? "r-t1" : "r-t2"), CALLS)
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(read).hasSize(CALLS);
		assertThat(read).filteredOn((reserve) -> reserve.id().equals("r-t1"))
			.hasSize(CALLS / 2)
			.allSatisfy((reserve) -> assertThat(reserve.meetingSettings().topic()).isEqualTo("t1 stand-up"));
		assertThat(this.emulator.requestCount(Endpoint.APP_TICKET_RESEND)).isZero();
		assertThat(this.emulator.requestCount(Endpoint.APP_ACCESS_TOKEN)).isEqualTo(1);
		assertThat(this.emulator.requestCount(Endpoint.STORE_TENANT_ACCESS_TOKEN)).isEqualTo(2);
		assertThat(this.emulator.requests()
			.stream()
			.filter((request) -> "reserve.get".equals(request.operation()))
			.map(RecordedRequest::authorization)
			.distinct()).as("one tenant token per tenant").hasSize(2);
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "REACTIVE", "SERVLET" })
	void shouldAskForTheTicketOnTheFirstCallAndKeepTenantsApart(WebApplicationType type) {
		start(type);
		ReserveOperations reserves = this.context.getBean(ReserveOperations.class);

		assertThat(reserves.forTenant("t2").get("r-t2").block().meetingSettings().topic()).isEqualTo("t2 review");
		StepVerifier.create(reserves.forTenant("t1").get("r-t2")).expectError(FeishuVcNotFoundException.class).verify();
		assertThatIllegalStateException().isThrownBy(() -> reserves.get("r-t1"))
			.withMessageContaining("forTenant(tenantKey)");
		assertThat(this.emulator.requestCount(Endpoint.APP_TICKET_RESEND)).isEqualTo(1);
		assertThat(this.emulator.requestCount("reserve.get")).isEqualTo(2);
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "REACTIVE", "SERVLET" })
	void shouldPublishOtherEvents(WebApplicationType type) {
		start(type);
		EventDelivery delivery = this.emulator.pushEvent("vc.meeting.all_meeting_ended_v1", "t2",
				"{\"meeting\": {\"id\": \"6911\"}}");
		assertThat(delivery.accepted()).isTrue();
		List<FeishuEvent> events = this.context.getBean(ReceivedEvents.class).received();
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo("vc.meeting.all_meeting_ended_v1");
			assertThat(event.tenantKey()).isEqualTo("t2");
		});
	}

	/**
	 * What an attacker sends gets one answer, whatever is wrong with it: bad padding, a plaintext that is not JSON, no
	 * signature, a wrong one, a timestamp that is stale, huge or no number, no JSON at all, too many bytes. The reason
	 * is counted, never told; and nothing is kept, published or answered with a 5xx.
	 */
	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "REACTIVE", "SERVLET" })
	void shouldAnswerEveryForgedRequestAlike(WebApplicationType type) throws Exception {
		start(type);
		String now = Long.toString(System.currentTimeMillis() / 1000);
		byte[] event = "{\"schema\":\"2.0\",\"header\":{\"event_type\":\"x\",\"token\":\"t\"},\"event\":{}}"
			.getBytes(StandardCharsets.UTF_8);
		byte[] encryptedEvent = ForgedEvents.encrypted(ENCRYPT_KEY, event, true);
		Map<String, HttpRequest> forged = new LinkedHashMap<>();
		forged.put("bad padding", post(ForgedEvents.encrypted(ENCRYPT_KEY, new byte[32], false), now, null));
		forged.put("decrypts to no JSON", post(ForgedEvents.encrypted(ENCRYPT_KEY, "no json".getBytes(), true), now, null));
		forged.put("unsigned", post(encryptedEvent, now, null));
		forged.put("wrongly signed", post(encryptedEvent, now, "0".repeat(64)));
		forged.put("signed with another key", post(encryptedEvent, now, ForgedEvents.signature(now, "n", "other", encryptedEvent)));
		forged.put("stale", signed(encryptedEvent, Long.toString(System.currentTimeMillis() / 1000 - 3600)));
		forged.put("huge timestamp", signed(encryptedEvent, "9223372036854775807"));
		forged.put("no number", signed(encryptedEvent, "soon"));
		forged.put("no JSON", post("garbage".getBytes(), now, null));
		forged.put("bad base64", post("{\"encrypt\":\"!!\"}".getBytes(), now, null));
		forged.put("too large", HttpRequest.newBuilder(URI.create(eventUrl()))
			.POST(HttpRequest.BodyPublishers.ofString("x".repeat(2_000_000)))
			.build());
		forged.put("too large, no length", HttpRequest.newBuilder(URI.create(eventUrl()))
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[2_000_000])))
			.build());

		HttpClient http = HttpClient.newHttpClient();
		Map<String, String> answers = new LinkedHashMap<>();
		for (Map.Entry<String, HttpRequest> request : forged.entrySet()) {
			HttpResponse<String> response = http.send(request.getValue(), HttpResponse.BodyHandlers.ofString());
			answers.put(request.getKey(), response.statusCode() + " " + response.body());
		}

		assertThat(answers.values()).as(answers.toString()).containsOnly("400 {\"msg\":\"refused\"}");
		assertThat(this.context.getBean(Refusals.class).reasons).containsExactly(RefusalReason.UNDECRYPTABLE,
				RefusalReason.UNDECRYPTABLE, RefusalReason.MISSING_SIGNATURE, RefusalReason.BAD_SIGNATURE,
				RefusalReason.BAD_SIGNATURE, RefusalReason.STALE_TIMESTAMP, RefusalReason.STALE_TIMESTAMP,
				RefusalReason.BAD_TIMESTAMP, RefusalReason.NOT_JSON, RefusalReason.UNDECRYPTABLE, RefusalReason.TOO_LARGE,
				RefusalReason.TOO_LARGE);
		assertThat(this.context.getBean(ReceivedEvents.class).received()).isEmpty();
		assertThat(this.context.getBean(AppTicketStore.class).get(this.emulator.appId()).blockOptional()).isEmpty();
	}

	private HttpRequest post(byte[] body, String timestamp, @Nullable String signature) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(eventUrl()))
			.header("Content-Type", "application/json")
			.header("X-Lark-Request-Timestamp", timestamp)
			.header("X-Lark-Request-Nonce", "n")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header("X-Lark-Signature", signature);
		}
		return request.build();
	}

	private HttpRequest signed(byte[] body, String timestamp) {
		return post(body, timestamp, ForgedEvents.signature(timestamp, "n", ENCRYPT_KEY, body));
	}

	private void start(WebApplicationType type) {
		this.context = TestFeishu.webApplication(StoreApplication.class, type, this.emulator).run();
		this.emulator.deliverEventsTo(eventUrl());
	}

	private String eventUrl() {
		return TestFeishu.url(this.context, "/feishu/events");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class StoreApplication {

		@Bean
		ReceivedEvents events() {
			return new ReceivedEvents();
		}

		@Bean
		Refusals refusals() {
			return new Refusals();
		}

	}

	static class Refusals implements RefusalListener {

		final List<RefusalReason> reasons = new CopyOnWriteArrayList<>();

		@Override
		public void refused(RefusalReason reason) {
			this.reasons.add(reason);
		}

	}

}
