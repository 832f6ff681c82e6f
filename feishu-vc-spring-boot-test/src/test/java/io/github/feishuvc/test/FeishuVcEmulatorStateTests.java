package io.github.feishuvc.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The emulator's state: written by one emulator, read by another (or the same) to the same state; a reset goes back
 * to the state it started from; a document of another shape is refused, naming what is wrong.
 */
class FeishuVcEmulatorStateTests {

	private static final String SEED = """
			{"reserves": [{"reserve": {"id": "7100", "meeting_no": "100200300", "url": "https://vc.feishu.cn/j/100200300",
			               "reserve_user_id": "ou_owner", "meeting_settings": {"topic": "Planning"}},
			               "ownerId": "ou_owner"}],
			 "meetings": [{"meetingId": "6900000000000000001", "reserveId": "7100",
			               "participants": ["ou_owner", "ou_ann", "ou_bob"], "recording": true},
			              {"meetingId": "6900000000000000002", "hostId": "ou_carl", "topic": "Corridor"}],
			 "rooms": [{"room": {"room_id": "omm_seeded", "name": "Fuji", "capacity": 4, "room_level_id": "0"}}],
			 "users": [{"userId": "ou_owner", "accessToken": "u-seeded-owner-token", "expiresAt": "2030-01-01T00:00:00Z"}]}""";

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void shouldStartFromAStateAndWriteItBackTheSame() throws Exception {
		try (FeishuVcEmulator first = FeishuVcEmulator.builder().state(SEED).start()) {
			JsonNode state = this.json.readTree(first.state());

			assertThat(ids(state, "reserves", "/reserve/id")).contains("7100", FeishuVcEmulator.REFERENCE_RESERVE_ID);
			JsonNode planning = find(state.path("meetings"), "/meetingId", "6900000000000000001");
			assertThat(planning.path("reserveId").asString()).isEqualTo("7100");
			assertThat(planning.path("hostId").asString()).isEqualTo("ou_owner");
			assertThat(planning.path("topic").asString()).isEqualTo("Planning");
			assertThat(planning.path("recording").asBoolean()).isTrue();
			assertThat(this.json.convertValue(planning.path("participants"), List.class))
				.containsExactlyInAnyOrder("ou_owner", "ou_ann", "ou_bob");
			assertThat(find(state.path("meetings"), "/topic", "Corridor").path("hostId").asString()).isEqualTo("ou_carl");
			assertThat(find(state.path("rooms"), "/room/room_id", "omm_seeded").path("room").path("room_level_id")
				.asString()).isEqualTo("0");
			assertThat(find(state.path("users"), "/accessToken", "u-seeded-owner-token").path("userId").asString())
				.isEqualTo("ou_owner");

			try (FeishuVcEmulator second = FeishuVcEmulator.builder().state(first.state()).start()) {
				assertThat(sorted(this.json.readTree(second.state()))).isEqualTo(sorted(state));
			}
			first.loadState(first.state());
			assertThat(sorted(this.json.readTree(first.state()))).isEqualTo(sorted(state));
		}
	}

	@Test
	void shouldLetTheSeededUserActWithTheSeededToken() throws Exception {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder().state(SEED).start()) {
			emulator.loadState("{\"users\":[{\"userId\":\"ou_owner\",\"accessToken\":\"u-owner-for-now\"}]}");

			HttpResponse<String> asOwner = get(emulator, "/open-apis/vc/v1/reserves/7100", "u-seeded-owner-token");
			HttpResponse<String> withDefaultLifetime = get(emulator, "/open-apis/vc/v1/reserves/7100", "u-owner-for-now");
			HttpResponse<String> unknownToken = get(emulator, "/open-apis/vc/v1/reserves/7100", "u-nobody-token");

			assertThat(asOwner.statusCode()).as(asOwner.body()).isEqualTo(200);
			assertThat(this.json.readTree(asOwner.body()).path("data").path("reserve").path("id").asString())
				.isEqualTo("7100");
			assertThat(withDefaultLifetime.statusCode()).as(withDefaultLifetime.body()).isEqualTo(200);
			assertThat(unknownToken.statusCode()).isNotEqualTo(200);
		}
	}

	@Test
	void shouldGoBackToTheStateItStartedFromOnReset() throws Exception {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder().state(SEED).start()) {
			JsonNode initial = sorted(this.json.readTree(emulator.state()));
			emulator.addReserve("{\"id\":\"7200\"}");
			emulator.meetings().leave("6900000000000000001", "ou_bob");

			emulator.reset();

			assertThat(sorted(this.json.readTree(emulator.state()))).isEqualTo(initial);
		}
	}

	@Test
	void shouldRefuseADocumentOfAnotherShapeNamingWhatIsWrong() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			assertThatIllegalArgumentException().isThrownBy(() -> emulator.loadState("{\"reservations\":[]}"))
				.withMessage("Unknown section 'reservations' of the state; it has [reserves, meetings, levels, rooms, users]");
			assertThatIllegalArgumentException().isThrownBy(() -> emulator.loadState("[]"))
				.withMessage("The state must be a JSON object");
			assertThatIllegalArgumentException().isThrownBy(() -> emulator.loadState("{\"rooms\":{}}"))
				.withMessage("Section 'rooms' of the state must be an array");
		}
	}

	@Test
	void shouldRefuseAStateWhoseEntriesAreWrongBeforeLoadingAnyOfIt() throws Exception {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			String before = emulator.state();

			assertThatIllegalArgumentException()
				.isThrownBy(() -> emulator.loadState("{\"reserves\":[{\"reserve\":{\"id\":\"1\"}},{\"reserve\":{}}]}"))
				.withMessage("reserves[1].reserve.id is required: a string");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> emulator.loadState("{\"meetings\":[{\"reserveId\":\"404\"}]}"))
				.withMessage("meetings[0].reserveId: no reservation 404");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> emulator.loadState("{\"rooms\":[{\"tenantKey\":\"other\",\"room\":{\"room_id\":\"r\"}}]}"))
				.withMessageStartingWith("rooms[0].tenantKey: tenant other did not install the app");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> emulator.loadState("{\"users\":[{\"userId\":\"ou_a\",\"expiresAt\":\"soon\"}]}"))
				.withMessageStartingWith("users[0].expiresAt must be an ISO-8601 instant");
			assertThat(sorted(this.json.readTree(emulator.state()))).isEqualTo(sorted(this.json.readTree(before)));
		}
	}

	@Test
	void shouldReadAndLoadTheStateOverTheControlApi() throws Exception {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			HttpResponse<String> loaded = control(emulator, "POST", "/state", SEED);
			HttpResponse<String> refused = control(emulator, "POST", "/state", "{\"rooms\":[{\"room\":{}}]}");
			HttpResponse<String> state = control(emulator, "GET", "/state", null);

			assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(204);
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(this.json.readTree(refused.body()).path("error").asString())
				.isEqualTo("rooms[0].room.room_id is required: a string");
			assertThat(sorted(this.json.readTree(state.body()))).isEqualTo(sorted(this.json.readTree(emulator.state())));
			assertThat(ids(this.json.readTree(state.body()), "reserves", "/reserve/id")).contains("7100");
		}
	}

	private HttpResponse<String> get(FeishuVcEmulator emulator, String path, String token) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> control(FeishuVcEmulator emulator, String method, String path, String body)
			throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(emulator.controlUrl() + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> ids(JsonNode state, String section, String pointer) {
		List<String> ids = new ArrayList<>();
		state.path(section).forEach((entry) -> ids.add(entry.at(pointer).asString()));
		return ids;
	}

	private static JsonNode find(JsonNode entries, String pointer, String value) {
		for (JsonNode entry : entries) {
			if (value.equals(entry.at(pointer).asString())) {
				return entry;
			}
		}
		throw new AssertionError("No entry with " + pointer + " = " + value + " in " + entries);
	}

	/** The state with each section in one order, and each meeting's participants: maps do not keep one. */
	private JsonNode sorted(JsonNode state) {
		ObjectNode copy = (ObjectNode) state.deepCopy();
		copy.properties().forEach((section) -> {
			List<JsonNode> entries = new ArrayList<>();
			section.getValue().forEach((entry) -> {
				if (entry.has("participants")) {
					List<JsonNode> participants = new ArrayList<>();
					entry.path("participants").forEach(participants::add);
					participants.sort(Comparator.comparing(JsonNode::asString));
					ArrayNode ordered = ((ObjectNode) entry).putArray("participants");
					participants.forEach(ordered::add);
				}
				entries.add(entry);
			});
			entries.sort(Comparator.comparing(JsonNode::toString));
			ArrayNode ordered = copy.putArray(section.getKey());
			entries.forEach(ordered::add);
		});
		return copy;
	}

}
