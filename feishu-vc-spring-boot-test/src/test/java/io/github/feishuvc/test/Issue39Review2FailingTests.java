package io.github.feishuvc.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Second review of issue 39's fixes (8fa3b1d): each test fails against them and says what the emulator should do
 * instead.
 */
class Issue39Review2FailingTests {

	@Test
	void shouldRefuseAStateWhoseLevelsMakeACycle() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			emulator.loadState("""
					{"levels": [{"level": {"room_level_id": "omb_a", "name": "A", "parent_id": "0"}},
					            {"level": {"room_level_id": "omb_b", "name": "B", "parent_id": "omb_a"}}]}""");

			// A under B under A: each parent is there when checked, so the check lets it through; the level's path
			// (GET /room_levels/omb_a) would then walk the cycle for ever. PATCH /room_levels refuses the same move.
			assertThatIllegalArgumentException().isThrownBy(() -> emulator.loadState("""
					{"levels": [{"level": {"room_level_id": "omb_a", "name": "A", "parent_id": "omb_b"}}]}"""));
		}
	}

	@Test
	void shouldRefuseAStateLevelWithTheRootsOwnId() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			String root = emulator.rooms().rootLevelId();

			// Stored as a level of its own under the root, the root becomes its own child: a client walking the tree
			// from GET /room_levels?room_level_id=<root> never ends.
			assertThatIllegalArgumentException().isThrownBy(() -> emulator.loadState("{\"levels\": [{\"level\": "
					+ "{\"room_level_id\": \"" + root + "\", \"name\": \"Root again\", \"parent_id\": \"0\"}}]}"));
			assertThat(emulator.rooms().levelIds()).doesNotContain(root);
		}
	}

	@Test
	void shouldRefuseAStateLevelNamedZero() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			// "0" is how the paths and the state name the root: a level of that id cannot be told from it.
			assertThatIllegalArgumentException().isThrownBy(() -> emulator.loadState("""
					{"levels": [{"level": {"room_level_id": "0", "name": "Zero", "parent_id": "0"}}]}"""));
			assertThat(emulator.rooms().levelIds()).doesNotContain("0");
		}
	}

	@Test
	void shouldWriteLevelsParentsFirstAfterALevelMovedUnderALaterOne() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			emulator.loadState("""
					{"levels": [{"level": {"room_level_id": "omb_a", "name": "A", "parent_id": "0"}}]}""");
			// A moved under B, made after it (as PATCH /room_levels/omb_a with parent_id omb_b does too).
			emulator.loadState("""
					{"levels": [{"level": {"room_level_id": "omb_b", "name": "B", "parent_id": "0"}},
					            {"level": {"room_level_id": "omb_a", "name": "A", "parent_id": "omb_b"}}]}""");
			String written = emulator.state();

			emulator.reset();

			// The javadoc of levelState says parents before their children; the document lists A before B.
			assertThatNoException().isThrownBy(() -> emulator.loadState(written));
			assertThat(emulator.rooms().levelIds()).contains("omb_a", "omb_b");
		}
	}

	@Test
	void shouldLoadNothingOfAStateThatGivesOneTokenToTwoUsers() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			assertThatIllegalArgumentException().isThrownBy(() -> emulator.loadState("""
					{"reserves": [{"reserve": {"id": "7300", "meeting_no": "100200301"}}],
					 "users": [{"userId": "ou_ann", "accessToken": "u-shared-token"},
					           {"userId": "ou_bob", "accessToken": "u-shared-token"}]}"""));

			// Each token is checked against the emulator alone, not against the document's other users: the second
			// is refused while loading, after the reservation (and ou_ann's token) went in.
			assertThat(emulator.findReserve("7300")).isEmpty();
		}
	}

	@Test
	void shouldNameTheMethodsAPathTakesInTheAllowHeaderOfA405() throws Exception {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			HttpResponse<String> answer = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(emulator.controlUrl() + "/reset"))
					.method("PATCH", HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());

			// RFC 9110 15.5.6: a 405 MUST carry Allow; a9bedb3 names the methods in the body only.
			assertThat(answer.statusCode()).isEqualTo(405);
			assertThat(answer.headers().firstValue("Allow")).hasValue("POST");
		}
	}

}
