package io.github.feishuvc.note;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.meeting.MeetingSearchItem;
import io.github.feishuvc.meeting.MeetingSearchRequest;
import io.github.feishuvc.meeting.MeetingOperations;
import io.github.feishuvc.support.NodeScript;
import io.github.feishuvc.support.SdkOracle;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official Node SDK ({@code @larksuiteoapi/node-sdk}, pinned in {@code src/test/node/package-lock.json}) as the
 * oracle of the endpoints the Java SDK we test against lacks: it subscribes a user to both user events, listens over
 * the long connection, receives {@code participant_meeting_ended_v1} and {@code note.generated_v1} of an ad-hoc
 * meeting the user joined, reads the note and searches the meeting; the starter reads the same note and search field
 * by field. {@code .ci/run} installs the SDK ({@code npm ci}); without it the test is skipped with a note.
 */
class NodeSdkOracleTests {

	private static final String USER = "ou_ada";

	private static final String TOPIC = "Roadmap review";

	private FeishuVcEmulator emulator;

	private NodeScript node;

	@BeforeEach
	void start() {
		NodeScript.assumeInstalled();
		this.emulator = FeishuVcEmulator.builder().noteDetailLag(Duration.ofMillis(150)).start();
	}

	@AfterEach
	void stop() {
		if (this.node != null) {
			this.node.close();
		}
		if (this.emulator != null) {
			this.emulator.close();
		}
	}

	@Test
	void shouldSubscribeReceiveBothEventsReadTheNoteAndSearchAsTheStarterDoes() throws Exception {
		String userToken = this.emulator.issueUserAccessToken(USER);
		this.node = NodeScript.start("oracle.js", this.emulator.baseUrl(), this.emulator.appId(),
				this.emulator.appSecret(), userToken, TOPIC);

		JsonNode ready = next("ready");
		assertThat(ready.path("answers")).allSatisfy((answer) -> assertThat(answer.path("code").asInt(-1)).isZero());
		String meetingId = this.emulator.meetings().startAdHoc("ou_host", TOPIC);
		this.emulator.meetings().join(meetingId, USER);
		this.emulator.meetings().endMeeting(meetingId);

		JsonNode ended = next("event").path("data");
		assertThat(ended.path("event_type").asString()).isEqualTo("vc.meeting.participant_meeting_ended_v1");
		assertThat(ended.path("meeting").path("id").asString()).isEqualTo(meetingId);
		assertThat(ended.path("meeting").path("topic").asString()).isEqualTo(TOPIC);
		assertThat(ended.path("subscriber_ids").get(0).path("open_id").asString()).isEqualTo(USER);
		JsonNode generated = next("event").path("data");
		String noteId = this.emulator.meetings().noteOf(meetingId).orElseThrow();
		assertThat(generated.path("event_type").asString()).isEqualTo("vc.note.generated_v1");
		assertThat(generated.path("note_id").asString()).isEqualTo(noteId);
		assertThat(generated.path("subscriber_ids").get(0).path("open_id").asString()).isEqualTo(USER);

		JsonNode note = next("note").path("answer");
		assertThat(note.path("code").asInt(-1)).isZero();
		NoteOperations notes = NoteOperations.create(TestFeishu.executor(this.emulator.baseUrl()),
				TestFeishu.tokenProvider(TestFeishu.executor(this.emulator.baseUrl()), Clock.systemUTC()),
				UserIdType.OPEN_ID);
		Note ours = notes.withUserAccessToken(userToken).get(noteId).block();
		SdkOracle.assertSameJson(FeishuVcJson.mapper(), ours, note.path("data").path("note"));
		assertThat(ours.meetingId()).contains(meetingId);
		assertThat(ours.documentToken(NoteArtifactType.NOTE_DOCUMENT)).isPresent();

		JsonNode search = next("search").path("answer");
		assertThat(search.path("code").asInt(-1)).isZero();
		MeetingOperations meetings = TestFeishu.meetingTemplate(this.emulator.baseUrl(), Clock.systemUTC());
		List<MeetingSearchItem> found = meetings.withUserAccessToken(userToken)
			.search(MeetingSearchRequest.keyword(TOPIC))
			.collectList()
			.block();
		assertThat(found).extracting(MeetingSearchItem::id).containsExactly(meetingId);
		SdkOracle.assertSameJson(FeishuVcJson.mapper(), found, search.path("data").path("items"));

		assertThat(next("unsubscribed").path("answers"))
			.allSatisfy((answer) -> assertThat(answer.path("code").asInt(-1)).isZero());
		assertThat(this.node.exitValue()).isZero();
	}

	private JsonNode next(String step) throws InterruptedException {
		return this.node.next(step);
	}

}
