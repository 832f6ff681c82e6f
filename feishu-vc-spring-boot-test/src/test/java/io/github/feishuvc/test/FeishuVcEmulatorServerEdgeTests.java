package io.github.feishuvc.test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * The emulator as a server at its edges, each a defect a review found: a clock moved too far, state round trips
 * (levels, applied reservations, a host who left, a refused document), a reset under a client's feet (the rooms'
 * roots, a meeting driven meanwhile), retries caught up when the clock jumps, and the OpenAPI document against the
 * answers.
 */
class FeishuVcEmulatorServerEdgeTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void shouldRefuseAClockAdvancePastTheLastInstantAndStillTellTheTime() throws Exception {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder().start()) {
			HttpResponse<String> advance = call(emulator, "POST", "/clock/advance",
					"{\"by\":\"9000000000000000000s\"}");
			HttpResponse<String> clock = call(emulator, "GET", "/clock", null);

			assertThat(advance.statusCode()).as(advance.body()).isEqualTo(400);
			assertThat(clock.statusCode()).as("the clock after a refused advance: " + clock.body()).isEqualTo(200);
		}
	}

	@Test
	void shouldStartFromTheStateOfAnEmulatorWithARoomOnALevelItsApplicationMade() throws Exception {
		try (FeishuVcEmulator first = FeishuVcEmulator.builder().start()) {
			String token = this.json.readTree(token(first).body()).path("tenant_access_token").asString();
			HttpResponse<String> level = api(first, token, "/open-apis/vc/v1/room_levels",
					"{\"name\":\"Annex\",\"parent_id\":\"" + first.rooms().rootLevelId() + "\"}");
			String levelId = this.json.readTree(level.body()).path("data").path("room_level").path("room_level_id")
				.asString();
			HttpResponse<String> room = api(first, token, "/open-apis/vc/v1/rooms",
					"{\"name\":\"Fuji\",\"capacity\":4,\"room_level_id\":\"" + levelId + "\"}");
			assertThat(room.statusCode()).as(room.body()).isEqualTo(200);
			String state = first.state();

			assertThatNoException().as("starting from the state " + state).isThrownBy(() -> {
				try (FeishuVcEmulator second = FeishuVcEmulator.builder().state(state).start()) {
					assertThat(second.state()).contains("Fuji");
				}
			});
		}
	}

	@Test
	void shouldAnswer404ForAMinuteThatIsNotThereAsTheDocsSay() throws Exception {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder().start()) {
			HttpResponse<String> transcript = call(emulator, "GET", "/minutes/obcnnothere/transcript", null);
			HttpResponse<String> media = call(emulator, "GET", "/minutes/obcnnothere/media", null);
			HttpResponse<String> delete = call(emulator, "DELETE", "/minutes/obcnnothere", null);

			assertThat(transcript.statusCode()).as(transcript.body()).isEqualTo(404);
			assertThat(media.statusCode()).as(media.body()).isEqualTo(404);
			assertThat(delete.statusCode()).as(delete.body()).isEqualTo(404);
		}
	}

	@Test
	void shouldKeepAnAppliedReservationExpiringOnItsClockAfterLoadingItsOwnState() throws Exception {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder().start()) {
			String token = this.json.readTree(token(emulator).body()).path("tenant_access_token").asString();
			long endTime = emulator.now().getEpochSecond() + 3600;
			HttpResponse<String> applied = api(emulator, token, "/open-apis/vc/v1/reserves/apply?user_id_type=open_id",
					"{\"end_time\":\"" + endTime + "\",\"owner_id\":\"ou_host\","
							+ "\"meeting_settings\":{\"topic\":\"Standup\"}}");
			assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
			String reserveId = this.json.readTree(applied.body()).path("data").path("reserve").path("id").asString();
			JsonNode before = this.json.readTree(emulator.findReserve(reserveId).orElseThrow());

			emulator.loadState(emulator.state());
			JsonNode after = this.json.readTree(emulator.findReserve(reserveId).orElseThrow());

			assertThat(before.path("expire_status").asInt()).isEqualTo(1);
			assertThat(after.path("expire_status").isMissingNode()).as("expire_status after loading the same state: "
					+ after).isFalse();
			assertThat(after).isEqualTo(before);
		}
	}

	@Test
	void shouldStartFromTheStateOfAMeetingItsHostLeftWithoutPuttingTheHostBack() throws Exception {
		try (FeishuVcEmulator first = FeishuVcEmulator.builder().start()) {
			String meetingId = first.meetings().startAdHoc("ou_host", "Corridor");
			first.meetings().join(meetingId, "ou_ann");
			first.meetings().leave(meetingId, "ou_host");
			JsonNode written = meeting(this.json.readTree(first.state()), meetingId);
			assertThat(written.path("participants").toString()).isEqualTo("[\"ou_ann\"]");

			try (FeishuVcEmulator second = FeishuVcEmulator.builder().state(first.state()).start()) {
				JsonNode read = meeting(this.json.readTree(second.state()), meetingId);

				assertThat(read.path("participants")).as("participants of the meeting read back").isEqualTo(
						written.path("participants"));
			}
		}
	}

	@Test
	void shouldNameEveryPathOfTheOpenApiDocumentWithTheLeadingSlashOpenApiRequires() throws Exception {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder().start()) {
			JsonNode document = this.json.readTree(call(emulator, "GET", "/openapi.json", null).body());

			assertThat(document.path("paths").propertyNames()).allSatisfy((path) -> assertThat(path).startsWith("/"));
		}
	}

	@Test
	void shouldAnswerTheSettingsOfAnEmulatorWithPlainEventsAsItsOpenApiDocumentDescribesThem() throws Exception {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder().start()) {
			JsonNode document = this.json.readTree(call(emulator, "GET", "/openapi.json", null).body());
			JsonNode settings = this.json.readTree(call(emulator, "GET", "", null).body());
			JsonNode schema = document.path("paths").path("/").path("get").path("responses").path("200")
				.path("content").path("application/json").path("schema");

			assertThat(settings.get("encryptKey").isNull()).isTrue();
			assertThat(schema.path("required").toString()).contains("\"encryptKey\"");
			assertThat(schema.path("properties").path("encryptKey").path("type").toString())
				.as("a required field answered null must allow null").contains("null");
		}
	}

	@Test
	void shouldKeepTheTenantsRootLevelAcrossAResetAsItGoesBackToTheTenantOfStartUp() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder().start()) {
			String before = emulator.rooms().rootLevelId();

			emulator.reset();

			assertThat(emulator.rooms().rootLevelId()).as("the root level a client read before the reset")
				.isEqualTo(before);
		}
	}

	@Test
	void shouldNotHoldAMeetingDrivenWhileAnotherClientResetsForHalfAMinute() throws Exception {
		CountDownLatch received = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService threads = Executors.newCachedThreadPool();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.setExecutor(threads);
		receiver.createContext("/events", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			received.countDown();
			try {
				release.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		receiver.start();
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder().start()) {
			emulator.deliverEventsTo("http://127.0.0.1:" + receiver.getAddress().getPort() + "/events");
			CompletableFuture.supplyAsync(() -> emulator.meetings().startAdHoc("ou_first", "First"), threads);
			assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
			// Its events wait behind the first meeting's, which the application is still answering.
			CompletableFuture<String> second = CompletableFuture
				.supplyAsync(() -> emulator.meetings().startAdHoc("ou_second", "Second"), threads);
			await().atMost(java.time.Duration.ofSeconds(10)).until(() -> emulator.state().contains("\"Second\""));

			emulator.reset();
			release.countDown();

			assertThatCode(() -> second.handle((meetingId, ex) -> "answered").get(5, TimeUnit.SECONDS))
				.as("the second client's start of a meeting, once another client reset the emulator")
				.doesNotThrowAnyException();
		}
		finally {
			release.countDown();
			receiver.stop(0);
			threads.shutdownNow();
		}
	}

	@Test
	void shouldPushAnEventAgainEveryTimeItWasDueWhenTheClockIsMovedOnPastTheWholeSchedule() throws Exception {
		AtomicInteger pushes = new AtomicInteger();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/events", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			pushes.incrementAndGet();
			exchange.sendResponseHeaders(500, -1);
			exchange.close();
		});
		receiver.start();
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder().start()) {
			emulator.deliverEventsTo("http://127.0.0.1:" + receiver.getAddress().getPort() + "/events");
			emulator.pushEvent("vc.meeting.meeting_started_v1", FeishuVcEmulator.DEFAULT_TENANT_KEY,
					"{\"meeting\": {\"id\": \"7\"}}");
			assertThat(emulator.pendingDeliveries()).hasSize(1);

			// Past 15 s + 5 min + 1 h + 6 h: the platform has pushed it four times again, and given it up.
			emulator.advanceClock(java.time.Duration.ofHours(8));

			await().atMost(java.time.Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(pushes).as("pushes of the event, the first included").hasValue(5));
			assertThat(emulator.pendingDeliveries()).isEmpty();
		}
		finally {
			receiver.stop(0);
		}
	}

	@Test
	void shouldChangeNothingWhenAStateDocumentIsRefusedAsItsShapeIsCheckedFirst() throws Exception {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder().start()) {
			HttpResponse<String> badToken = call(emulator, "POST", "/state",
					"{\"reserves\": [{\"reserve\": {\"id\": \"7300\"}}],"
							+ " \"users\": [{\"userId\": \"ou_a\", \"accessToken\": \"u-short\"}]}");
			HttpResponse<String> badLevel = call(emulator, "POST", "/state",
					"{\"reserves\": [{\"reserve\": {\"id\": \"7301\"}}],"
							+ " \"rooms\": [{\"room\": {\"room_id\": \"omm_x\", \"room_level_id\": \"omb_none\"}}]}");

			assertThat(badToken.statusCode()).as(badToken.body()).isEqualTo(400);
			assertThat(badLevel.statusCode()).as(badLevel.body()).isEqualTo(400);
			assertThat(emulator.findReserve("7300")).as("a reservation of a refused document").isEmpty();
			assertThat(emulator.findReserve("7301")).as("a reservation of a refused document").isEmpty();
		}
	}

	private static JsonNode meeting(JsonNode state, String meetingId) {
		for (JsonNode meeting : state.path("meetings")) {
			if (meeting.path("meetingId").asString().equals(meetingId)) {
				return meeting;
			}
		}
		throw new AssertionError("No meeting " + meetingId + " in " + state);
	}

	private HttpResponse<String> call(FeishuVcEmulator emulator, String method, String path, String body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.controlUrl() + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> api(FeishuVcEmulator emulator, String token, String path, String body)
			throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> token(FeishuVcEmulator emulator) throws Exception {
		return this.http.send(HttpRequest
			.newBuilder(URI.create(emulator.baseUrl() + "/open-apis/auth/v3/tenant_access_token/internal"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"app_id\":\"" + FeishuVcEmulator.DEFAULT_APP_ID
					+ "\",\"app_secret\":\"" + FeishuVcEmulator.DEFAULT_APP_SECRET + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
