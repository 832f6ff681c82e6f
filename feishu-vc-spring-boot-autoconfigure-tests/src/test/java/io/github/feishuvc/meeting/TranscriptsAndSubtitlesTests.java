package io.github.feishuvc.meeting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcInvalidParameterException;
import io.github.feishuvc.core.FeishuVcInvalidResponseException;
import io.github.feishuvc.core.FeishuVcNotFoundException;
import io.github.feishuvc.core.FeishuVcNotSupportedException;
import io.github.feishuvc.core.FeishuVcRetryPolicy;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.note.NoteOperations;
import io.github.feishuvc.note.NoteTranscriptParagraph;
import io.github.feishuvc.room.AccessCodeValidity;
import io.github.feishuvc.room.RoomConfigLocation;
import io.github.feishuvc.room.RoomConfigOperations;
import io.github.feishuvc.room.ScopeType;
import io.github.feishuvc.support.FixedTenantToken;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import io.github.feishuvc.test.RecordedRequest;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The VC endpoints that only the SDKs document, over real HTTP: a unified note's transcript of many pages arrives
 * whole and in order, a note that is not unified is refused before its transcript is asked for, a cursor that comes
 * back ends the transcript, a meeting's subtitles follow their pages, the views change the user id type, what the
 * platform would refuse is refused before anything is sent, and the emulator answers the platform's refusals.
 */
class TranscriptsAndSubtitlesTests {

	private static final String USER = "ou_ada";

	private static final String HOST = "ou_host";

	@Test
	void shouldReadATranscriptOfManyPagesWholeAndInOrder() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder()
			.noteGenerationTime(Duration.ZERO)
			.noteDetailLag(Duration.ZERO)
			.start()) {
			String meetingId = emulator.meetings().startAdHoc(HOST, "Long meeting");
			emulator.meetings().join(meetingId, USER);
			List<String> said = say(emulator, meetingId, 45);
			emulator.meetings().makeNoteUnified(meetingId);
			emulator.meetings().endMeeting(meetingId);
			String noteId = emulator.meetings().noteOf(meetingId).orElseThrow();
			NoteOperations notes = notes(emulator).withUserAccessToken(emulator.issueUserAccessToken(USER));
			notes.getGenerated(noteId).block();

			List<NoteTranscriptParagraph> transcript = notes.transcript(noteId).collectList().block();

			assertThat(transcript).extracting(NoteTranscriptParagraph::text).containsExactlyElementsOf(said);
			assertThat(transcript).extracting((paragraph) -> paragraph.speaker().speakerId())
				.startsWith(USER, HOST, USER);
			assertThat(transcript).extracting(NoteTranscriptParagraph::speakMs).isSorted();
			assertThat(emulator.requestCount("note.unified_note_transcript")).as("five pages of ten").isEqualTo(5);
			List<String> cursors = emulator.requests()
				.stream()
				.filter((request) -> "note.unified_note_transcript".equals(request.operation()))
				.map(RecordedRequest::uri)
				.toList();
			assertThat(cursors.get(0)).doesNotContain("cursor_id");
			assertThat(cursors.get(1)).as("a cursor beyond 2^53, kept as text").contains("cursor_id=9007199254741003");
		}
	}

	@Test
	void shouldRefuseTheTranscriptOfANoteThatIsNotUnifiedBeforeAskingForIt() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder()
			.noteGenerationTime(Duration.ZERO)
			.noteDetailLag(Duration.ZERO)
			.start()) {
			String meetingId = emulator.meetings().startAdHoc(HOST, "Normal note");
			emulator.meetings().say(meetingId, HOST, "Hello");
			emulator.meetings().endMeeting(meetingId);
			String noteId = emulator.meetings().noteOf(meetingId).orElseThrow();
			NoteOperations notes = notes(emulator).withUserAccessToken(emulator.issueUserAccessToken(HOST));
			notes.getGenerated(noteId).block();

			StepVerifier.create(notes.transcript(noteId))
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(FeishuVcNotSupportedException.class)
					.hasMessageContaining("121002")
					.hasMessageContaining("not a unified note"))
				.verify(Duration.ofSeconds(10));
			assertThat(emulator.requestCount("note.unified_note_transcript")).isZero();
		}
	}

	@Test
	void shouldEndATranscriptWhoseCursorComesBackAndKeepANumericCursorAsItsDigits() throws Exception {
		try (MockWebServer server = TestFeishu.startMockServer()) {
			String baseUrl = TestFeishu.baseUrl(server);
			FeishuVcExecutor executor = new FeishuVcExecutor(TestFeishu.client(baseUrl), FeishuVcRetryPolicy.defaults(),
					null, Schedulers.parallel());
			NoteOperations notes = NoteOperations.create(executor, new FixedTenantToken("t-x"), UserIdType.OPEN_ID)
				.withUserAccessToken("u-probe");
			server.enqueue(TestFeishu.json(200, "{\"code\":0,\"data\":{\"note\":{\"note_display_type\":2}}}"));
			server.enqueue(TestFeishu.json(200, page("One", "9007199254740993123")));
			server.enqueue(TestFeishu.json(200, page("Two", "\"9007199254740993123\"")));

			StepVerifier.create(notes.transcript("n1").map(NoteTranscriptParagraph::text))
				.expectNext("One")
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(FeishuVcInvalidResponseException.class)
					.hasMessageContaining("a cursor seen before in page 2 of note.unified_note_transcript"))
				.verify(Duration.ofSeconds(10));
			server.takeRequest();
			assertThat(server.takeRequest().getTarget()).isEqualTo(
					"/open-apis/vc/v1/notes/n1/unified_note_transcript?user_id_type=open_id&format=plain_text"
							+ "&page_size=200");
			assertThat(server.takeRequest().getTarget()).contains("cursor_id=9007199254740993123");
		}
	}

	@Test
	void shouldFollowTheSubtitlesPagesAsTheViewsSay() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			String meetingId = emulator.meetings().startAdHoc(HOST, "Subtitled");
			emulator.meetings().join(meetingId, USER);
			List<String> said = say(emulator, meetingId, 120);
			MeetingOperations meetings = TestFeishu.meetingTemplate(emulator.baseUrl(), Clock.systemUTC());

			List<MeetingSubtitle> subtitles = meetings.withUserIdType(UserIdType.UNION_ID)
				.subtitles(meetingId, USER, "device-1")
				.collectList()
				.block();

			assertThat(subtitles).extracting(MeetingSubtitle::text).containsExactlyElementsOf(said);
			assertThat(subtitles).extracting(MeetingSubtitle::segmentId).doesNotHaveDuplicates().isSorted();
			assertThat(emulator.requests()).filteredOn((request) -> "meeting.pull_subtitle".equals(request.operation()))
				.hasSize(3)
				.allSatisfy((request) -> assertThat(request.uri()).contains("user_id_type=union_id")
					.contains("uid=ou_ada")
					.contains("did=device-1"));
			StepVerifier.create(meetings.withUserAccessToken(emulator.issueUserAccessToken(HOST))
				.subtitles(meetingId, "ou_stranger", "device-1"))
				.expectErrorSatisfies((error) -> assertThat(error).hasMessageContaining("121005"))
				.verify(Duration.ofSeconds(10));
		}
	}

	@Test
	void shouldRefuseWhatThePlatformWouldBeforeSendingAnything() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			MeetingOperations meetings = TestFeishu.meetingTemplate(emulator.baseUrl(), Clock.systemUTC());
			NoteOperations notes = notes(emulator);
			RoomConfigOperations configs = TestFeishu.rooms(emulator.baseUrl()).configs();
			Instant now = Instant.now();
			assertThatIllegalStateException().isThrownBy(() -> notes.transcript("n1"))
				.withMessageContaining("note.get needs a user access token");
			assertThatIllegalArgumentException().isThrownBy(() -> notes.withUserAccessToken("u-probe").transcript(" "));
			assertThatIllegalStateException().isThrownBy(meetings::subscribeAudioRecordings)
				.withMessageContaining("recording.subscription needs a user access token");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> meetings.list(now, now.minusSeconds(1), MeetingStatus.UNKNOWN, " "))
				.withMessageContaining("from must be before to")
				.withMessageContaining("status must be a known status")
				.withMessageContaining("roomId must not be blank");
			assertThatIllegalArgumentException().isThrownBy(() -> meetings.changeNames("m1", List.of()))
				.withMessageContaining("names must name at least one participant");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> meetings.changeNames("m1", List.of(new ParticipantName(USER, 1, " "))))
				.withMessageContaining("names[0].inMeetingName is required");
			assertThatIllegalArgumentException().isThrownBy(() -> meetings.subtitles("m1", "", " "))
				.withMessageContaining("subscriberId is required")
				.withMessageContaining("deviceId is required");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> configs.accessCode(ScopeType.UNKNOWN, "r1", AccessCodeValidity.DAY));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> configs.accessCode(ScopeType.ROOM, " ", AccessCodeValidity.DAY));
			assertThatIllegalArgumentException().isThrownBy(() -> configs.delete(RoomConfigLocation.room("r1"), " "))
				.withMessageContaining("config must not be blank");
			assertThat(emulator.requests()).isEmpty();
		}
	}

	@Test
	void shouldRenameOnlyParticipantsInTheMeetingAndListTheMeetingsAUserAttended() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			String meetingId = emulator.meetings().startAdHoc(HOST, "Renames");
			emulator.meetings().join(meetingId, USER);
			String other = emulator.meetings().startAdHoc("ou_other", "Elsewhere");
			MeetingOperations meetings = TestFeishu.meetingTemplate(emulator.baseUrl(), Clock.systemUTC());

			List<MeetingNameResult> results = meetings.withUserAccessToken(emulator.issueUserAccessToken(USER))
				.changeNames(meetingId, List.of(ParticipantName.larkUser(USER, "Ada"),
						ParticipantName.larkUser("ou_absent", "Nobody")))
				.block();
			assertThat(results).extracting(MeetingNameResult::id, MeetingNameResult::result)
				.containsExactly(tuple(USER, 1), tuple("ou_absent", 2));

			Instant now = Instant.now();
			assertThat(meetings.list(now.minusSeconds(60), now.plusSeconds(60), MeetingStatus.IN_PROGRESS, null)
				.map(Meeting::id)
				.collectList()
				.block()).containsExactlyInAnyOrder(meetingId, other);
			assertThat(meetings.withUserAccessToken(emulator.issueUserAccessToken(USER))
				.list(now.minusSeconds(60), now.plusSeconds(60), MeetingStatus.IN_PROGRESS, null)
				.map(Meeting::topic)
				.collectList()
				.block()).as("a user's meetings only").containsExactly("Renames");
			assertThat(meetings.list(now.minusSeconds(60), now.plusSeconds(60), MeetingStatus.ENDED, null)
				.collectList()
				.block()).isEmpty();
		}
	}

	@Test
	void shouldAnswerWhatThePlatformRefusesWithItsCodes() throws Exception {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			HttpClient http = HttpClient.newHttpClient();
			String token = emulator.issueUserAccessToken(USER);
			for (String body : List.of("{}", "{\"event_type\":\"vc.note.generated_v1\"}")) {
				HttpResponse<String> refused = http.send(HttpRequest
					.newBuilder(URI.create(emulator.baseUrl() + "/open-apis/vc/v1/recordings/subscription"))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(refused.statusCode()).as(body).isEqualTo(400);
				assertThat(refused.body()).as(body).contains("\"code\":121003");
			}
			RoomConfigOperations configs = TestFeishu.rooms(emulator.baseUrl()).configs();
			StepVerifier.create(configs.accessCode(ScopeType.ROOM, "omm_unknown", AccessCodeValidity.WEEK))
				.expectError(FeishuVcNotFoundException.class)
				.verify(Duration.ofSeconds(10));
			StepVerifier.create(configs.delete(RoomConfigLocation.tenant(), "no_such_config"))
				.expectError(FeishuVcInvalidParameterException.class)
				.verify(Duration.ofSeconds(10));
			String meetingId = emulator.meetings().startAdHoc(HOST, "Not mine");
			StepVerifier.create(TestFeishu.meetingTemplate(emulator.baseUrl(), Clock.systemUTC())
				.withUserAccessToken(token)
				.changeNames(meetingId, List.of(ParticipantName.larkUser(USER, "Ada"))))
				.as("a user not in the meeting")
				.expectErrorSatisfies((error) -> assertThat(error).hasMessageContaining("122003"))
				.verify(Duration.ofSeconds(10));
		}
	}

	private static List<String> say(FeishuVcEmulator emulator, String meetingId, int lines) {
		List<String> said = new ArrayList<>();
		for (int i = 0; i < lines; i++) {
			String text = "Line " + i;
			emulator.meetings().say(meetingId, (i % 2 == 0) ? USER : HOST, text);
			said.add(text);
		}
		return said;
	}

	private static NoteOperations notes(FeishuVcEmulator emulator) {
		FeishuVcExecutor executor = TestFeishu.executor(emulator.baseUrl());
		return NoteOperations.create(executor, TestFeishu.tokenProvider(executor, Clock.systemUTC()),
				UserIdType.OPEN_ID);
	}

	private static String page(String text, String nextCursor) {
		return """
				{"code": 0, "data": {"has_more": true, "next_cursor_id": %s, "page_size": 1,
				 "transcript": {"structured_transcript_content": {"paragraphs": [
				  {"speaker": {"speaker_id": "ou_1", "speaker_type": 1, "speaker_name": "A"}, "speak_ms": 1,
				   "sentences": [{"sentence_id": "1", "content": "%s", "start_ms": 1, "stop_ms": 2}]}]}}}}
				""".formatted(nextCursor, text);
	}

}
