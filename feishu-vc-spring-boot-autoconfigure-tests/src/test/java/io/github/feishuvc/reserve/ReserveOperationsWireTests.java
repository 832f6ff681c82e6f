package io.github.feishuvc.reserve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.feishuvc.core.FeishuVcException;
import io.github.feishuvc.core.FeishuVcInvalidParameterException;
import io.github.feishuvc.core.FeishuVcNotFoundException;
import io.github.feishuvc.core.FeishuVcNotSupportedException;
import io.github.feishuvc.core.FeishuVcPermissionDeniedException;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.core.UserType;
import io.github.feishuvc.meeting.Meeting;
import io.github.feishuvc.meeting.MeetingAbility;
import io.github.feishuvc.meeting.MeetingStatus;
import io.github.feishuvc.meeting.ParticipantStatus;
import io.github.feishuvc.support.TestFeishu;
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
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reserve operation against a mock server over real loopback HTTP: the exact request it sends, how it decodes
 * the documented response example, and how it reports the documented errors.
 */
class ReserveOperationsWireTests {

	private static final String OU = "ou_3ec3f6a28a0d08c45d895276e8e5e19b";

	/** An hour before the documentation's example end time, so the examples' times are in the future. */
	private static final Instant NOW = Instant.ofEpochSecond(1608888867L).minus(Duration.ofHours(1));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private MockWebServer server;

	private ReserveOperations reserves;

	@BeforeEach
	void startServer() {
		this.server = TestFeishu.startMockServer();
		this.server.enqueue(TestFeishu.tokenResponse("t-tenant", 7200));
		this.reserves = TestFeishu.reserveTemplate(TestFeishu.baseUrl(this.server), UserIdType.OPEN_ID,
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Nested
	class Apply {

		@Test
		void shouldSendEveryDocumentedFieldWithFeishuNames() throws Exception {
			enqueue(200, TestFeishu.documentedResponse("reserve-apply-response.json"));
			ReserveApplyRequest request = ReserveApplyRequest.builder()
				.endTime(Instant.ofEpochSecond(1608888867L))
				.ownerId(OU)
				.meetingSettings(ReserveMeetingSettingRequest.builder()
					.topic("my meeting")
					.actionPermission(ReserveActionPermission.of(ActionPermission.CAN_BE_HOST,
							ReservePermissionChecker.of(CheckField.USER_ID, CheckMode.ALLOWLIST, OU)))
					.meetingConnect(true)
					.assignHosts(OU)
					.password("971024")
					.build())
				.build();

			reserves.withUserIdType(UserIdType.UNION_ID).apply(request).block();

			RecordedRequest recorded = reserveRequest();
			assertThat(recorded.getMethod()).isEqualTo("POST");
			assertThat(recorded.getTarget()).isEqualTo("/open-apis/vc/v1/reserves/apply?user_id_type=union_id");
			assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer t-tenant");
			assertThat(recorded.getHeaders().get("Content-Type")).isEqualTo("application/json;charset=utf-8");
			assertThat(body(recorded)).isEqualTo(JSON.readTree("""
					{"end_time": "1608888867", "owner_id": "%1$s",
					 "meeting_settings": {"topic": "my meeting",
					   "action_permissions": [{"permission": 1, "permission_checkers":
					     [{"check_field": 1, "check_mode": 1, "check_list": ["%1$s"]}]}],
					   "meeting_connect": true,
					   "assign_host_list": [{"user_type": 1, "id": "%1$s"}],
					   "password": "971024"}}
					""".formatted(OU)));
		}

		@Test
		void shouldSendAOneToOneCallToAPhone() throws Exception {
			enqueue(200, TestFeishu.documentedResponse("reserve-apply-response.json"));
			ReserveApplyRequest request = ReserveApplyRequest.builder()
				.ownerId(OU)
				.meetingSettings(ReserveMeetingSettingRequest.builder()
					.callee(ReserveCallee.pstn("dodo", "+86-02187654321"))
					.autoRecord(false)
					.build())
				.build();

			reserves.apply(request).block();

			assertThat(body(reserveRequest())).isEqualTo(JSON.readTree("""
					{"owner_id": "%s", "meeting_settings": {"meeting_initial_type": 2,
					 "call_setting": {"callee": {"user_type": 6,
					   "pstn_sip_info": {"nickname": "dodo", "main_address": "+86-02187654321"}}},
					 "auto_record": false}}
					""".formatted(OU)));
		}

		@Test
		void shouldSendNoNullsForUnsetOptions() throws Exception {
			enqueue(200, TestFeishu.documentedResponse("reserve-apply-response.json"));

			reserves.apply(ReserveApplyRequest.builder()
				.endTime(Instant.ofEpochSecond(1608888867L))
				.ownerId(OU)
				.meetingSettings(ReserveMeetingSettingRequest.builder().build())
				.build()).block();

			assertThat(reserveRequest().getBody().utf8())
				.isEqualTo("{\"end_time\":\"1608888867\",\"owner_id\":\"" + OU + "\",\"meeting_settings\":{}}");
		}

		@Test
		void shouldDecodeTheDocumentedResponse() {
			enqueue(200, TestFeishu.documentedResponse("reserve-apply-response.json"));

			ReserveResult result = reserves.apply(minimalApply()).block();

			Reserve reserve = result.reserve();
			assertThat(reserve.id()).isEqualTo("6911188411934973028");
			assertThat(reserve.meetingNo()).isEqualTo("112000358");
			assertThat(reserve.password()).isEqualTo("971024");
			assertThat(reserve.url()).isEqualTo("https://vc.feishu.cn/j/337736498");
			assertThat(reserve.appLink()).startsWith("https://applink.feishu.cn/client/videochat/open?");
			assertThat(reserve.liveLink()).isEqualTo("https://meetings.feishu.cn/s/1gub381l4gglv");
			assertThat(reserve.endTime()).isEqualTo(Instant.ofEpochSecond(1608883322L));
			assertThat(result.invalidHostIds()).containsExactly(OU);
			assertThat(result.correctionCheckInfo().invalidHostIdList()).containsExactly(OU);
		}

	}

	@Nested
	class Update {

		@Test
		void shouldSendOnlyTheChangesUnderThePathOfTheReservation() throws Exception {
			enqueue(200, TestFeishu.documentedResponse("reserve-update-response.json"));
			ReserveUpdateRequest request = ReserveUpdateRequest.builder()
				.endTime(Instant.ofEpochSecond(1608888867L))
				.meetingSettings(ReserveMeetingSettingRequest.builder()
					.topic("renamed")
					.assignHostList(java.util.List.of())
					.password("")
					.build())
				.build();

			reserves.update("6911188411934973028", request).block();

			RecordedRequest recorded = reserveRequest();
			assertThat(recorded.getMethod()).isEqualTo("PUT");
			assertThat(recorded.getTarget())
				.isEqualTo("/open-apis/vc/v1/reserves/6911188411934973028?user_id_type=open_id");
			assertThat(body(recorded)).isEqualTo(JSON.readTree("""
					{"end_time": "1608888867", "meeting_settings": {"topic": "renamed", "assign_host_list": [],
					 "password": ""}}
					"""));
		}

		@Test
		void shouldDecodeTheDocumentedResponse() {
			enqueue(200, TestFeishu.documentedResponse("reserve-update-response.json"));

			ReserveResult result = reserves
				.update("6911188411934973028", ReserveUpdateRequest.builder().endTime(NOW.plusSeconds(60)).build())
				.block();

			assertThat(result.reserve().id()).isEqualTo("6911188411934973028");
			assertThat(result.reserve().url()).isEqualTo("https://vc.larksuite.com/j/337736498");
			assertThat(result.reserve().liveLink()).isEqualTo("https://meetings.larksuite.com/s/1gub381l4gglv");
			assertThat(result.reserve().endTime()).isEqualTo(Instant.ofEpochSecond(1608883322L));
			assertThat(result.reserve().expireStatus()).isEqualTo(ExpireStatus.UNKNOWN);
			assertThat(result.reserve().expireStatusCode()).isZero();
			assertThat(result.invalidHostIds()).containsExactly(OU);
		}

	}

	@Nested
	class Delete {

		@Test
		void shouldSendADeleteWithoutBodyOrQuery() throws Exception {
			enqueue(200, TestFeishu.documentedResponse("reserve-delete-response.json"));

			StepVerifier.create(reserves.delete("6911188411934973028")).verifyComplete();

			RecordedRequest recorded = reserveRequest();
			assertThat(recorded.getRequestLine())
				.isEqualTo("DELETE /open-apis/vc/v1/reserves/6911188411934973028 HTTP/1.1");
			assertThat(recorded.getBodySize()).isZero();
		}

		@Test
		void shouldAcceptASuccessWithoutData() {
			enqueue(200, "{\"code\":0,\"msg\":\"success\"}");

			StepVerifier.create(reserves.delete("1")).verifyComplete();
		}

	}

	@Nested
	class GetActiveMeeting {

		@Test
		void shouldAskForParticipantsWhenTold() throws Exception {
			enqueue(200, TestFeishu.activeMeetingResponse());

			reserves.getActiveMeeting("6911188411934973028", true).block();

			assertThat(reserveRequest().getRequestLine()).isEqualTo("GET /open-apis/vc/v1/reserves/6911188411934973028"
					+ "/get_active_meeting?user_id_type=open_id&with_participants=true HTTP/1.1");
		}

		@Test
		void shouldLeaveParticipantsToThePlatformsDefaultOtherwise() throws Exception {
			enqueue(200, TestFeishu.activeMeetingResponse());

			reserves.withUserIdType(UserIdType.USER_ID).getActiveMeeting("6911188411934973028").block();

			assertThat(reserveRequest().getTarget())
				.isEqualTo("/open-apis/vc/v1/reserves/6911188411934973028/get_active_meeting?user_id_type=user_id");
		}

		@Test
		void shouldDecodeEveryFieldOfTheDocumentedResponse() {
			enqueue(200, TestFeishu.activeMeetingResponse());

			Meeting meeting = reserves.getActiveMeeting("6911188411934973028", true).block();

			assertThat(meeting.id()).isEqualTo("6911188411934433028");
			assertThat(meeting.topic()).isEqualTo("my meeting");
			assertThat(meeting.url()).isEqualTo("https://vc.feishu.cn/j/337736498");
			assertThat(meeting.meetingNo()).isEqualTo("123456789");
			assertThat(meeting.password()).isEqualTo("971024");
			assertThat(meeting.createTime()).isEqualTo(Instant.ofEpochSecond(1608885566L));
			assertThat(meeting.startTime()).isEqualTo(Instant.ofEpochSecond(1608883322L));
			assertThat(meeting.endTime()).isEqualTo(Instant.ofEpochSecond(1608888867L));
			assertThat(meeting.hostUser().id()).isEqualTo(OU);
			assertThat(meeting.hostUser().userType()).isEqualTo(UserType.LARK_USER);
			assertThat(meeting.meetingConnect()).isTrue();
			assertThat(meeting.status()).isEqualTo(MeetingStatus.IN_PROGRESS);
			assertThat(meeting.statusCode()).isEqualTo(2);
			assertThat(meeting.participantCount()).isEqualTo(10L);
			assertThat(meeting.participantCountAccumulated()).isEqualTo(10L);
			assertThat(meeting.participants()).singleElement().satisfies((participant) -> {
				assertThat(participant.id()).isEqualTo(OU);
				assertThat(participant.firstJoinTime()).isEqualTo(Instant.ofEpochSecond(1624438144L));
				assertThat(participant.finalLeaveTime()).isEqualTo(Instant.ofEpochSecond(1624438144L));
				assertThat(participant.inMeetingDuration()).isEqualTo(Duration.ofSeconds(123));
				assertThat(participant.userType()).isEqualTo(UserType.LARK_USER);
				assertThat(participant.isHost()).isTrue();
				assertThat(participant.isCohost()).isFalse();
				assertThat(participant.isExternal()).isFalse();
				assertThat(participant.status()).isEqualTo(ParticipantStatus.IN_MEETING);
			});
			MeetingAbility ability = meeting.ability();
			assertThat(ability.useVideo()).isTrue();
			assertThat(ability.useAudio()).isTrue();
			assertThat(ability.useShareScreen()).isTrue();
			assertThat(ability.useFollowScreen()).isTrue();
			assertThat(ability.useRecording()).isTrue();
			assertThat(ability.usePstn()).isTrue();
			assertThat(meeting.toString()).doesNotContain("971024");
		}

		@Test
		void shouldKeepUnknownStatusCodes() {
			enqueue(200, """
					{"code": 0, "data": {"meeting": {"id": "1", "status": 7, "participants": [{"status": 9}]}}}
					""");

			Meeting meeting = reserves.getActiveMeeting("1", true).block();

			assertThat(meeting.status()).isEqualTo(MeetingStatus.UNKNOWN);
			assertThat(meeting.statusCode()).isEqualTo(7);
			assertThat(meeting.participants().get(0).status()).isEqualTo(ParticipantStatus.UNKNOWN);
			assertThat(meeting.participants().get(0).statusCode()).isEqualTo(9);
		}

	}

	static Stream<Arguments> documentedErrors() {
		return Stream.of(Arguments.of(400, 121002, "not support", FeishuVcNotSupportedException.class),
				Arguments.of(400, 121003, "param error", FeishuVcInvalidParameterException.class),
				Arguments.of(404, 121004, "data not exist", FeishuVcNotFoundException.class),
				Arguments.of(403, 121005, "no permission", FeishuVcPermissionDeniedException.class));
	}

	@ParameterizedTest(name = "{3} from {1}")
	@MethodSource("documentedErrors")
	void shouldReportTheDocumentedErrorsOfEveryOperation(int status, int code, String msg,
			Class<? extends FeishuVcException> type) {
		for (Function<ReserveOperations, Mono<?>> operation : operations()) {
			TestFeishu.assertReportsError(this.server, operation.apply(this.reserves), status, code, msg, type);
		}
	}

	@Test
	void shouldNameEachOperationInItsErrors() {
		String[] names = { "reserve.apply", "reserve.update", "reserve.delete", "reserve.get",
				"reserve.get_active_meeting" };
		int i = 0;
		for (Function<ReserveOperations, Mono<?>> operation : operations()) {
			enqueue(404, "{\"code\":121004,\"msg\":\"data not exist\"}");
			String name = names[i++];
			StepVerifier.create(operation.apply(this.reserves))
				.expectErrorSatisfies((ex) -> assertThat(((FeishuVcException) ex).operation()).isEqualTo(name))
				.verify();
		}
	}

	private static java.util.List<Function<ReserveOperations, Mono<?>>> operations() {
		return java.util.List.of((ops) -> ops.apply(minimalApply()),
				(ops) -> ops.update("1", ReserveUpdateRequest.builder().endTime(NOW.plusSeconds(60)).build()),
				(ops) -> ops.delete("1"), (ops) -> ops.get("1"), (ops) -> ops.getActiveMeeting("1", true));
	}

	static ReserveApplyRequest minimalApply() {
		return ReserveApplyRequest.builder()
			.endTime(NOW.plus(Duration.ofDays(1)))
			.ownerId(OU)
			.meetingSettings(ReserveMeetingSettingRequest.builder().topic("t").build())
			.build();
	}

	private void enqueue(int status, String body) {
		this.server.enqueue(TestFeishu.json(status, body));
	}

	private RecordedRequest reserveRequest() throws InterruptedException {
		RecordedRequest token = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(token.getTarget()).isEqualTo("/open-apis/auth/v3/tenant_access_token/internal");
		return this.server.takeRequest(5, TimeUnit.SECONDS);
	}

	private static JsonNode body(RecordedRequest request) {
		return JSON.readTree(request.getBody().utf8());
	}

}
