package io.github.feishuvc.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.note.NoteOperations;
import io.github.feishuvc.note.NoteTranscriptParagraph;
import io.github.feishuvc.room.AccessCodeValidity;
import io.github.feishuvc.room.RoomConfig;
import io.github.feishuvc.room.RoomConfigLocation;
import io.github.feishuvc.room.RoomConfigOperations;
import io.github.feishuvc.room.ScopeType;
import io.github.feishuvc.support.NodeSdkScript;
import io.github.feishuvc.support.SdkOracle;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.EmulatorRooms;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official Node SDK (1.74.0) as the oracle of the VC endpoints that have no public page and that the Java SDK
 * lacks: it subscribes a user to the three {@code vc.recording.*} events and receives them over the long connection
 * as the emulator's audio recording goes, renames a participant, pulls a meeting's subtitles page by page, lists the
 * meetings in progress, asks a room's deployment code, deletes a legacy room configuration and reads a unified note's
 * transcript cursor by cursor; the starter reads the same records field by field.
 */
class VcNodeSdkOracleTests {

	private static final String USER = "ou_ada";

	private static final String HOST = "ou_host";

	private static final int LINES = 12;

	private FeishuVcEmulator emulator;

	private NodeSdkScript node;

	@BeforeEach
	void start() {
		NodeSdkScript.assumeInstalled();
		this.emulator = FeishuVcEmulator.builder()
			.noteGenerationTime(Duration.ZERO)
			.noteDetailLag(Duration.ZERO)
			.start();
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
	void shouldDriveEveryEndpointAndReceiveTheAudioRecordingEventsAsTheStarterReadsThem() throws Exception {
		String baseUrl = this.emulator.baseUrl();
		String userToken = this.emulator.issueUserAccessToken(USER);
		String meetingId = this.emulator.meetings().startAdHoc(HOST, "Roadmap review");
		this.emulator.meetings().join(meetingId, USER);
		for (int i = 0; i < LINES; i++) {
			this.emulator.meetings().say(meetingId, (i % 2 == 0) ? USER : HOST, "Line " + i);
		}
		this.emulator.meetings().makeNoteUnified(meetingId);
		String roomId = EmulatorRooms.REFERENCE_ROOM_IDS.get(0);
		RoomConfigOperations configs = TestFeishu.rooms(baseUrl).configs();
		RoomConfigLocation room = RoomConfigLocation.room(roomId);
		configs.set(room, background("https://example.com/a.png")).block();
		Instant now = Instant.now();
		MeetingOperations meetings = TestFeishu.meetingTemplate(baseUrl, Clock.systemUTC());
		this.node = NodeSdkScript.start("vc-oracle.js", baseUrl, this.emulator.appId(), this.emulator.appSecret(),
				userToken, meetingId, USER, roomId, Long.toString(now.minusSeconds(3600).getEpochSecond()),
				Long.toString(now.plusSeconds(3600).getEpochSecond()));
		assertThat(this.node.next("ready").path("answers"))
			.hasSize(3)
			.allSatisfy((answer) -> assertThat(answer.path("code").asInt(-1)).isZero());

		String key = this.emulator.meetings().startAudioRecording(USER);
		this.emulator.meetings().transcribeAudioRecording(key, "hello world");
		this.emulator.meetings().endAudioRecording(key);
		JsonNode started = this.node.next("event").path("data");
		assertThat(started.path("event_type").asString()).isEqualTo("vc.recording.recording_started_v1");
		assertThat(started.path("unique_key").asString()).isEqualTo(key);
		assertThat(started.path("source").asString()).isEqualTo("recording_bean");
		assertThat(started.path("subscriber_ids").get(0).path("open_id").asString()).isEqualTo(USER);
		JsonNode transcribed = this.node.next("event").path("data");
		assertThat(transcribed.path("event_type").asString())
			.isEqualTo("vc.recording.recording_transcript_generated_v1");
		assertThat(transcribed.path("unique_key").asString()).isEqualTo(key);
		JsonNode item = transcribed.path("transcript_items").get(0);
		assertThat(item.path("text").asString()).isEqualTo("hello world");
		assertThat(item.path("speaker").path("id").asString()).isEqualTo(USER);
		assertThat(Long.parseLong(item.path("start_time_ms").asString())).isPositive();
		JsonNode ended = this.node.next("event").path("data");
		assertThat(ended.path("event_type").asString()).isEqualTo("vc.recording.recording_ended_v1");
		assertThat(ended.path("unique_key").asString()).isEqualTo(key);

		JsonNode renamed = ok(this.node.next("renamed").path("answer"));
		List<MeetingNameResult> ours = meetings
			.changeNames(meetingId, List.of(ParticipantName.larkUser(USER, "Ada L.")))
			.block();
		assertThat(ours).extracting(MeetingNameResult::result).containsExactly(1);
		SdkOracle.assertSameJson(FeishuVcJson.mapper(), ours, renamed.path("results"));

		ArrayNode subtitles = FeishuVcJson.mapper().createArrayNode();
		JsonNode pages = this.node.next("subtitles").path("answers");
		assertThat(pages).hasSize(3);
		pages.forEach((page) -> subtitles.addAll((ArrayNode) ok(page).path("meeting_subtitles")));
		List<MeetingSubtitle> ourSubtitles = meetings.subtitles(meetingId, USER, "device-1").collectList().block();
		assertThat(ourSubtitles).extracting(MeetingSubtitle::text)
			.containsExactlyElementsOf(lines());
		SdkOracle.assertSameJson(FeishuVcJson.mapper(), ourSubtitles, subtitles);

		JsonNode listed = ok(this.node.next("list").path("answer"));
		List<Meeting> ourList = meetings.list(now.minusSeconds(3600), now.plusSeconds(3600), MeetingStatus.IN_PROGRESS,
				null).collectList().block();
		assertThat(ourList).extracting(Meeting::id).containsExactly(meetingId);
		SdkOracle.assertSameJson(FeishuVcJson.mapper(), ourList, listed.path("meetings"));

		JsonNode code = ok(this.node.next("access-code").path("answer"));
		assertThat(code.path("access_code").asString()).matches("[A-Z]{9}");
		assertThat(configs.accessCode(ScopeType.ROOM, roomId, AccessCodeValidity.WEEK).block())
			.matches("[A-Z]{9}");

		ok(this.node.next("deleted").path("answer"));
		assertThat(configs.query(room).block().roomBackground()).isNull();
		configs.set(room, background("https://example.com/b.png")).block();
		configs.delete(room, "room_background").block();
		assertThat(configs.query(room).block().roomBackground()).isNull();

		this.emulator.meetings().endMeeting(meetingId);
		String noteId = this.emulator.meetings().noteOf(meetingId).orElseThrow();
		NoteOperations notes = NoteOperations.create(TestFeishu.executor(baseUrl),
				TestFeishu.tokenProvider(TestFeishu.executor(baseUrl), Clock.systemUTC()), UserIdType.OPEN_ID)
			.withUserAccessToken(userToken);
		notes.getGenerated(noteId).block();
		this.node.writeLine(noteId);
		ArrayNode paragraphs = FeishuVcJson.mapper().createArrayNode();
		JsonNode transcriptPages = this.node.next("transcript").path("answers");
		assertThat(transcriptPages).hasSize(2);
		transcriptPages.forEach((page) -> paragraphs
			.addAll((ArrayNode) ok(page).path("transcript").path("structured_transcript_content").path("paragraphs")));
		List<NoteTranscriptParagraph> transcript = notes.transcript(noteId).collectList().block();
		assertThat(transcript).extracting(NoteTranscriptParagraph::text).containsExactlyElementsOf(lines());
		assertThat(transcript.get(0).speaker().speakerName()).isEqualTo("Ada L.");
		assertThat(transcript.get(1).speaker().speakerName()).isEqualTo(HOST);
		SdkOracle.assertSameJson(FeishuVcJson.mapper(), transcript, paragraphs);

		assertThat(this.node.next("unsubscribed").path("answers"))
			.allSatisfy((answer) -> assertThat(answer.path("code").asInt(-1)).isZero());
		this.node.assertEndsCleanly();
	}

	private static List<String> lines() {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < LINES; i++) {
			lines.add("Line " + i);
		}
		return lines;
	}

	private static JsonNode ok(JsonNode answer) {
		assertThat(answer.path("code").asInt(-1)).as(answer.toString()).isZero();
		return answer.path("data");
	}

	private static RoomConfig background(String url) {
		return FeishuVcJson.mapper().readValue("{\"room_background\":\"" + url + "\"}", RoomConfig.class);
	}

}
