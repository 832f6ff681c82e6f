package io.github.feishuvc.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.feishuvc.core.FeishuVcConflictException;
import io.github.feishuvc.core.FeishuVcException;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcInvalidParameterException;
import io.github.feishuvc.core.FeishuVcInvalidResponseException;
import io.github.feishuvc.core.FeishuVcMeetingStateException;
import io.github.feishuvc.core.FeishuVcNotFoundException;
import io.github.feishuvc.core.FeishuVcNotSupportedException;
import io.github.feishuvc.core.FeishuVcPermissionDeniedException;
import io.github.feishuvc.core.FeishuVcRetryPolicy;
import io.github.feishuvc.core.FeishuVcServerErrorException;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.core.UserType;
import io.github.feishuvc.support.TestFeishu;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every meeting operation against a mock server over real loopback HTTP: the exact request it sends with the token
 * the platform takes for it, how it decodes the documented response example, what it refuses before sending, and how
 * it reports the documented errors.
 */
class MeetingOperationsWireTests {

	private static final String OU = "ou_3ec3f6a28a0d08c45d895276e8e5e19b";

	private static final String MEETING_ID = "6911188411934433028";

	private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private MockWebServer server;

	private MeetingOperations meetings;

	@BeforeEach
	void startServer() {
		this.server = TestFeishu.startMockServer();
		this.meetings = TestFeishu.meetingTemplate(TestFeishu.baseUrl(this.server), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Nested
	class Get {

		@Test
		void shouldDecodeEveryFieldOfTheDocumentedResponse() throws Exception {
			appToken();
			enqueue(200, TestFeishu.documentedResponse("meeting-get-response.json"));

			Meeting meeting = meetings.get(MEETING_ID, MeetingQuery.everything()).block();

			RecordedRequest request = call();
			assertThat(request.getMethod()).isEqualTo("GET");
			assertThat(request.getTarget()).isEqualTo("/open-apis/vc/v1/meetings/" + MEETING_ID
					+ "?user_id_type=open_id&with_participants=true&with_meeting_ability=true");
			assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer t-tenant");
			assertThat(meeting.id()).isEqualTo(MEETING_ID);
			assertThat(meeting.topic()).isEqualTo("my meeting");
			assertThat(meeting.url()).isEqualTo("https://vc.feishu.cn/j/337736498");
			assertThat(meeting.meetingNo()).isEqualTo("123456789");
			assertThat(meeting.password()).isEqualTo("971024");
			assertThat(meeting.createTime()).isEqualTo(Instant.ofEpochSecond(1608885566L));
			assertThat(meeting.startTime()).isEqualTo(Instant.ofEpochSecond(1608883322L));
			assertThat(meeting.endTime()).isEqualTo(Instant.ofEpochSecond(1608888867L));
			assertThat(meeting.hostUser()).isEqualTo(MeetingUser.larkUser(OU));
			assertThat(meeting.status()).isEqualTo(MeetingStatus.IN_PROGRESS);
			assertThat(meeting.participantCount()).isEqualTo(10L);
			assertThat(meeting.participantCountAccumulated()).isEqualTo(10L);
			MeetingParticipant participant = meeting.participants().get(0);
			assertThat(participant.id()).isEqualTo(OU);
			assertThat(participant.firstJoinTime()).isEqualTo(Instant.ofEpochSecond(1624438144L));
			assertThat(participant.finalLeaveTime()).isEqualTo(Instant.ofEpochSecond(1624438144L));
			assertThat(participant.inMeetingDuration()).isEqualTo(Duration.ofSeconds(123));
			assertThat(participant.userType()).isEqualTo(UserType.LARK_USER);
			assertThat(participant.isHost()).isTrue();
			assertThat(participant.isCohost()).isFalse();
			assertThat(participant.isExternal()).isFalse();
			assertThat(participant.status()).isEqualTo(ParticipantStatus.IN_MEETING);
			assertThat(meeting.ability()).isEqualTo(new MeetingAbility(true, true, true, true, true, true));
		}

		@Test
		void shouldAskForNothingMoreByDefaultAndActAsAUserWhenGivenTheirToken() throws Exception {
			enqueue(200, TestFeishu.documentedResponse("meeting-get-response.json"));

			meetings.withUserAccessToken("u-user").withUserIdType(UserIdType.UNION_ID).get(MEETING_ID).block();

			RecordedRequest request = call();
			assertThat(request.getTarget()).isEqualTo("/open-apis/vc/v1/meetings/" + MEETING_ID
					+ "?user_id_type=union_id&with_participants=false&with_meeting_ability=false");
			assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer u-user");
			assertThat(server.getRequestCount()).as("no tenant token fetched").isOne();
		}

		@Test
		void shouldRefuseTheMeetingAbilityToAUserBeforeSending() {
			assertThatIllegalStateException()
				.isThrownBy(() -> meetings.withUserAccessToken("u-user").get(MEETING_ID, MeetingQuery.everything()))
				.withMessageContaining("tenant access token");
			assertThat(server.getRequestCount()).isZero();
		}

		@Test
		void shouldReadTheArtifactsWithTheirQueryMode() throws Exception {
			appToken();
			enqueue(200, """
					{"code":0,"msg":"success","data":{"related_artifacts":
					  {"note_doc_token":"doxcnNote","verbatim_doc_token":"doxcnVerbatim"}}}
					""");

			MeetingArtifacts artifacts = meetings.getArtifacts(MEETING_ID).block();

			assertThat(call().getTarget())
				.isEqualTo("/open-apis/vc/v1/meetings/" + MEETING_ID + "?user_id_type=open_id&query_mode=1");
			assertThat(artifacts).isEqualTo(new MeetingArtifacts("doxcnNote", "doxcnVerbatim"));
		}

		@Test
		void shouldReadTheNoteId() {
			appToken();
			enqueue(200, "{\"code\":0,\"data\":{\"meeting\":{\"id\":\"1\",\"note_id\":\"7234\"}}}");

			assertThat(meetings.get("1").block().noteId()).isEqualTo("7234");
		}

		@Test
		void shouldKeepUnknownCodes() {
			appToken();
			enqueue(200, """
					{"code":0,"data":{"meeting":{"id":"1","status":9,"host_user":{"id":"x","user_type":42},
					 "participants":[{"id":"x","status":77,"user_type":42}]}}}
					""");

			Meeting meeting = meetings.get("1").block();

			assertThat(meeting.status()).isEqualTo(MeetingStatus.UNKNOWN);
			assertThat(meeting.statusCode()).isEqualTo(9);
			assertThat(meeting.hostUser().userType()).isEqualTo(UserType.UNKNOWN);
			assertThat(meeting.hostUser().userTypeCode()).isEqualTo(42);
			assertThat(meeting.participants().get(0).statusCode()).isEqualTo(77);
		}

	}

	@Nested
	class ListByNo {

		private final Instant from = NOW.minus(Duration.ofDays(7));

		@Test
		void shouldFollowThePageTokensUntilTheLastPage() throws Exception {
			appToken();
			enqueue(200, TestFeishu.documentedResponse("meeting-list-by-no-response.json"));
			enqueue(200, """
					{"code":0,"data":{"has_more":false,"meeting_briefs":[{"id":"7011031045899354999",
					 "meeting_no":"146453285","topic":"last"}]}}
					""");

			List<Meeting> listed = meetings.listByNo("146453285", from, NOW).collectList().block();

			assertThat(listed).extracting(Meeting::id)
				.containsExactly("7011030664708603907", "7011031045899354115", "7011031045899354999");
			assertThat(listed.get(0).password()).isEqualTo("971024");
			assertThat(listed.get(0).topic()).isEqualTo("测试标题");
			String query = "/open-apis/vc/v1/meetings/list_by_no?meeting_no=146453285&start_time="
					+ from.getEpochSecond() + "&end_time=" + NOW.getEpochSecond() + "&page_size=50";
			assertThat(call().getTarget()).isEqualTo(query);
			assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo(query + "&page_token=2");
		}

		@Test
		void shouldAskForThePagesOneAfterAnotherOnlyAsTheyAreConsumed() throws Exception {
			appToken();
			enqueue(200, TestFeishu.documentedResponse("meeting-list-by-no-response.json"));

			StepVerifier.create(meetings.listByNo("146453285", from, NOW), 1)
				.expectNextCount(1)
				.thenCancel()
				.verify();

			assertThat(server.getRequestCount()).isEqualTo(2);
		}

		@Test
		void shouldStopAtAPlatformThatRepeatsItsPageToken() {
			appToken();
			enqueue(200, TestFeishu.documentedResponse("meeting-list-by-no-response.json"));
			enqueue(200, TestFeishu.documentedResponse("meeting-list-by-no-response.json"));

			StepVerifier.create(meetings.listByNo("146453285", from, NOW))
				.expectNextCount(2)
				.expectError(FeishuVcInvalidResponseException.class)
				.verify();
		}

		@Test
		void shouldFailAPageThatSaysMoreFollowButNamesNoToken() {
			appToken();
			for (String token : new String[] { "", "\"page_token\":\"\"," }) {
				enqueue(200, TestFeishu.documentedResponse("meeting-list-by-no-response.json"));
				enqueue(200, "{\"code\":0,\"data\":{\"has_more\":true," + token
						+ "\"meeting_briefs\":[{\"id\":\"7011031045899354999\"}]}}");

				StepVerifier.create(meetings.listByNo("146453285", from, NOW))
					.expectNextCount(2)
					.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FeishuVcInvalidResponseException.class)
						.hasMessageContaining("has_more=true without a page_token in page 2 of meeting.list_by_no"))
					.verify();
			}
		}

		@Test
		void shouldRefuseWhatThePlatformWouldBeforeSending() {
			assertThatIllegalArgumentException().isThrownBy(() -> meetings.listByNo("12345", from, NOW))
				.withMessageContaining("meetingNo must be a meeting number of 9 digits");
			assertThatIllegalArgumentException().isThrownBy(() -> meetings.listByNo("146453285", NOW, from))
				.withMessageContaining("from must be before to");
			StepVerifier.create(meetings.listByNo("146453285", NOW.minus(Duration.ofDays(91)), NOW))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalArgumentException.class)
					.hasMessageContaining("within the last 90 days"))
				.verify();
			assertThat(server.getRequestCount()).isZero();
		}

	}

	@Nested
	class InMeetingOperations {

		@Test
		void shouldInviteAsAUserWithTheDocumentedBody() throws Exception {
			enqueue(200, TestFeishu.documentedResponse("meeting-invite-response.json"));

			List<MeetingInviteResult> results = meetings.withUserAccessToken("u-user")
				.invite(MEETING_ID, List.of(MeetingUser.larkUser(OU)))
				.block();

			RecordedRequest request = call();
			assertThat(request.getMethod()).isEqualTo("PATCH");
			assertThat(request.getTarget()).isEqualTo("/open-apis/vc/v1/meetings/" + MEETING_ID + "/invite?user_id_type=open_id");
			assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer u-user");
			assertThat(body(request)).isEqualTo(JSON.readTree("""
					{"invitees": [{"id": "%s", "user_type": 1}]}
					""".formatted(OU)));
			assertThat(results).singleElement().satisfies((result) -> {
				assertThat(result.id()).isEqualTo(OU);
				assertThat(result.userType()).isEqualTo(UserType.LARK_USER);
				assertThat(result.status()).isEqualTo(InviteStatus.SUCCEEDED);
			});
		}

		@Test
		void shouldRefuseAnInviteTheAppMakesOrThatNamesTooManyUsers() {
			assertThatIllegalStateException()
				.isThrownBy(() -> meetings.invite(MEETING_ID, List.of(MeetingUser.larkUser(OU))))
				.withMessageContaining("invite needs a user access token")
				.withMessageContaining("withUserAccessToken");
			List<MeetingUser> eleven = IntStream.range(0, 11).mapToObj((i) -> MeetingUser.larkUser("ou_" + i)).toList();
			assertThatIllegalArgumentException()
				.isThrownBy(() -> meetings.withUserAccessToken("u-user").invite(MEETING_ID, eleven))
				.withMessageContaining("invitees names 11 users; the platform takes at most 10");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> meetings.withUserAccessToken("u-user")
					.invite(MEETING_ID, List.of(new MeetingUser(" ", 1), new MeetingUser("x", 42))))
				.withMessageContaining("invitees[0].id is required")
				.withMessageContaining("invitees[1].userType must be a type the platform knows, was 42");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> meetings.withUserAccessToken("u-user").invite(MEETING_ID, List.of()))
				.withMessageContaining("at least one");
			assertThat(server.getRequestCount()).isZero();
		}

		@Test
		void shouldKickOutAsTheAppWithTheDocumentedBody() throws Exception {
			appToken();
			enqueue(200, TestFeishu.documentedResponse("meeting-kickout-response.json"));

			List<MeetingKickoutResult> results = meetings.kickout(MEETING_ID, List.of(MeetingUser.larkUser(OU))).block();

			RecordedRequest request = call();
			assertThat(request.getMethod()).isEqualTo("POST");
			assertThat(request.getTarget())
				.isEqualTo("/open-apis/vc/v1/meetings/" + MEETING_ID + "/kickout?user_id_type=open_id");
			assertThat(body(request)).isEqualTo(JSON.readTree("""
					{"kickout_users": [{"id": "%s", "user_type": 1}]}
					""".formatted(OU)));
			assertThat(results).singleElement().satisfies((result) -> {
				assertThat(result.id()).isEqualTo(OU);
				assertThat(result.status()).isEqualTo(KickoutStatus.REMOVED);
			});
			assertThatIllegalStateException()
				.isThrownBy(() -> meetings.withUserAccessToken("u-user").kickout(MEETING_ID, List.of(MeetingUser.larkUser(OU))))
				.withMessageContaining("kickout needs the app's tenant access token");
		}

		@Test
		void shouldSetTheHostComparingWithTheHostTheCallerSaw() throws Exception {
			appToken();
			enqueue(200, TestFeishu.documentedResponse("meeting-set-host-response.json"));

			MeetingUser host = meetings.setHost(MEETING_ID, MeetingUser.larkUser(OU), MeetingUser.larkUser(OU)).block();

			RecordedRequest request = call();
			assertThat(request.getMethod()).isEqualTo("PATCH");
			assertThat(request.getTarget())
				.isEqualTo("/open-apis/vc/v1/meetings/" + MEETING_ID + "/set_host?user_id_type=open_id");
			assertThat(body(request)).isEqualTo(JSON.readTree("""
					{"host_user": {"id": "%1$s", "user_type": 1}, "old_host_user": {"id": "%1$s", "user_type": 1}}
					""".formatted(OU)));
			assertThat(host).isEqualTo(MeetingUser.larkUser(OU));
		}

		@Test
		void shouldSetTheHostUnconditionallyWithoutTheOldHost() throws Exception {
			enqueue(200, TestFeishu.documentedResponse("meeting-set-host-response.json"));

			meetings.withUserAccessToken("u-user").setHost(MEETING_ID, MeetingUser.larkUser(OU), null).block();

			assertThat(body(call())).isEqualTo(JSON.readTree("{\"host_user\": {\"id\": \"%s\", \"user_type\": 1}}".formatted(OU)));
		}

		@Test
		void shouldEndAsAUserWithoutBody() throws Exception {
			enqueue(200, "{\"code\":0,\"msg\":\"success\",\"data\":{}}");

			meetings.withUserAccessToken("u-user").end(MEETING_ID).block();

			RecordedRequest request = call();
			assertThat(request.getMethod()).isEqualTo("PATCH");
			assertThat(request.getTarget()).isEqualTo("/open-apis/vc/v1/meetings/" + MEETING_ID + "/end");
			assertThat(request.getBody().size()).isZero();
			assertThatIllegalStateException().isThrownBy(() -> meetings.end(MEETING_ID))
				.withMessageContaining("end needs a user access token");
		}

		@Test
		void shouldSendAnyMeetingIdAsOneEncodedPathSegment() throws Exception {
			enqueue(200, "{\"code\":0,\"msg\":\"success\",\"data\":{}}");

			meetings.withUserAccessToken("u-user").end("../reserves/1?x").block();

			assertThat(call().getTarget()).isEqualTo("/open-apis/vc/v1/meetings/..%2Freserves%2F1%3Fx/end");
			assertThatIllegalArgumentException().isThrownBy(() -> meetings.get(" "));
		}

	}

	static Stream<Arguments> documentedErrors() {
		return Stream.of(Arguments.of(400, 121002, "not support", FeishuVcNotSupportedException.class),
				Arguments.of(400, 121003, "param error", FeishuVcInvalidParameterException.class),
				Arguments.of(404, 121004, "data not exist", FeishuVcNotFoundException.class),
				Arguments.of(403, 121005, "no permission", FeishuVcPermissionDeniedException.class),
				Arguments.of(409, 121006, "data conflict", FeishuVcConflictException.class),
				Arguments.of(400, 122001, "meeting status unexpected", FeishuVcMeetingStateException.class),
				Arguments.of(404, 122002, "meeting not exist", FeishuVcNotFoundException.class),
				Arguments.of(400, 122003, "operator user not in meeting", FeishuVcMeetingStateException.class),
				Arguments.of(400, 122004, "target user not in meeting", FeishuVcMeetingStateException.class),
				Arguments.of(400, 122005, "cannot operate self", FeishuVcMeetingStateException.class),
				Arguments.of(400, 122006, "participant count reach limit", FeishuVcMeetingStateException.class),
				Arguments.of(400, 122007, "callee is busy", FeishuVcMeetingStateException.class),
				Arguments.of(400, 122008, "meeting is locked", FeishuVcMeetingStateException.class),
				Arguments.of(400, 122009, "participant status not expected", FeishuVcMeetingStateException.class),
				Arguments.of(500, 121001, "internal error", FeishuVcServerErrorException.class));
	}

	@ParameterizedTest(name = "{3} from {1}")
	@MethodSource("documentedErrors")
	void shouldReportTheDocumentedErrorsOfEveryOperationWithTheirCodeMessageAndLogId(int status, int code, String msg,
			Class<? extends FeishuVcException> type) {
		appToken();
		for (Function<MeetingOperations, Mono<?>> operation : operations()) {
			TestFeishu.assertReportsError(this.server, operation.apply(this.meetings), status, code, msg, type);
		}
	}

	@Test
	void shouldNameEachOperationInItsErrors() {
		appToken();
		List<String> names = new ArrayList<>();
		for (Function<MeetingOperations, Mono<?>> operation : operations()) {
			enqueue(404, "{\"code\":122002,\"msg\":\"meeting not exist\"}");
			StepVerifier.create(operation.apply(this.meetings))
				.expectErrorSatisfies((ex) -> names.add(((FeishuVcException) ex).operation()))
				.verify();
		}
		assertThat(names).containsExactly("meeting.get", "meeting.get", "meeting.list_by_no", "meeting.invite",
				"meeting.kickout", "meeting.set_host", "meeting.end");
	}

	@Test
	void shouldRetryAReadButNeverAWriteThePlatformMayHaveActedOn() {
		String baseUrl = TestFeishu.baseUrl(this.server);
		FeishuVcExecutor retrying = new FeishuVcExecutor(TestFeishu.client(baseUrl), FeishuVcRetryPolicy.defaults(),
				null, Schedulers.parallel());
		MeetingOperations meetings = MeetingOperations.create(retrying,
				TestFeishu.tokenProvider(TestFeishu.executor(baseUrl), Clock.fixed(NOW, ZoneOffset.UTC)),
				UserIdType.OPEN_ID, Clock.fixed(NOW, ZoneOffset.UTC));
		appToken();
		enqueue(500, "{\"code\":121001,\"msg\":\"internal error\"}");
		enqueue(200, TestFeishu.documentedResponse("meeting-get-response.json"));
		assertThat(meetings.get(MEETING_ID).block()).isNotNull();
		assertThat(this.server.getRequestCount()).isEqualTo(3);

		List<Function<MeetingOperations, Mono<?>>> writes = operations().subList(3, 7);
		for (Function<MeetingOperations, Mono<?>> write : writes) {
			int before = this.server.getRequestCount();
			this.server.enqueue(new MockResponse.Builder().code(502).body("<html>502 Bad Gateway</html>").build());
			StepVerifier.create(write.apply(meetings)).expectError().verify();
			assertThat(this.server.getRequestCount() - before).isOne();
		}
	}

	@Test
	void shouldSendNothingUntilSubscribed() {
		operations().forEach((operation) -> operation.apply(this.meetings));

		assertThat(this.server.getRequestCount()).isZero();
	}

	/** Every operation, with the token it needs: reads, then the writes. */
	private static List<Function<MeetingOperations, Mono<?>>> operations() {
		MeetingUser user = MeetingUser.larkUser(OU);
		return List.of((ops) -> ops.get(MEETING_ID), (ops) -> ops.getArtifacts(MEETING_ID),
				(ops) -> ops.listByNo("146453285", NOW.minus(Duration.ofDays(1)), NOW).collectList(),
				(ops) -> ops.withUserAccessToken("u-user").invite(MEETING_ID, List.of(user)),
				(ops) -> ops.kickout(MEETING_ID, List.of(user)), (ops) -> ops.setHost(MEETING_ID, user, null),
				(ops) -> ops.withUserAccessToken("u-user").end(MEETING_ID));
	}

	private void appToken() {
		this.server.enqueue(TestFeishu.tokenResponse("t-tenant", 7200));
	}

	private void enqueue(int status, String body) {
		this.server.enqueue(TestFeishu.json(status, body));
	}

	private RecordedRequest call() throws InterruptedException {
		return TestFeishu.takeCall(this.server);
	}

	private static JsonNode body(RecordedRequest request) {
		return JSON.readTree(request.getBody().utf8());
	}

}
