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
 * The state's room levels at their edges (a loop, the root's own id, "0", a level moved under a later one), a token
 * the document gives two users, a meeting in another tenant than its reservation, and the control API's 405: each a
 * defect a review found.
 */
class FeishuVcEmulatorStateLevelsTests {

	@Test
	void shouldRefuseAStateWhoseLevelsMakeACycle() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			emulator.loadState("""
					{"levels": [{"level": {"room_level_id": "omb_a", "name": "A", "parent_id": "0"}},
					            {"level": {"room_level_id": "omb_b", "name": "B", "parent_id": "omb_a"}}]}""");

			// A under B under A: the level's path (GET /room_levels/omb_a) would walk the loop for ever; PATCH
			// /room_levels refuses the same move.
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

			// Written parents first, whatever order the levels were made in.
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

			// The document is checked whole, its users against each other too, before anything of it is loaded.
			assertThat(emulator.findReserve("7300")).isEmpty();
		}
	}

	@Test
	void shouldRefuseAMeetingInAnotherTenantThanTheReservationBehindIt() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder().storeApp("tenant_a", "tenant_b").start()) {
			assertThatIllegalArgumentException().isThrownBy(() -> emulator.loadState("""
					{"reserves": [{"reserve": {"id": "7400", "meeting_no": "100200302"}, "tenantKey": "tenant_a"}],
					 "meetings": [{"reserveId": "7400", "tenantKey": "tenant_b"}]}"""))
				.withMessage("meetings[0].tenantKey: reservation 7400 is tenant tenant_a's, and so is a meeting "
						+ "behind it");

			assertThat(emulator.findReserve("7400")).isEmpty();
		}
	}

	@Test
	void shouldNameTheMethodsAPathTakesInTheAllowHeaderOfA405() throws Exception {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			HttpResponse<String> answer = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(emulator.controlUrl() + "/reset"))
					.method("PATCH", HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());

			// RFC 9110 15.5.6: a 405 carries Allow.
			assertThat(answer.statusCode()).isEqualTo(405);
			assertThat(answer.headers().firstValue("Allow")).hasValue("POST");
		}
	}

}
