package io.github.feishuvc.reserve;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.github.feishuvc.core.FeishuVcNotFoundException;
import io.github.feishuvc.core.FeishuVcPermissionDeniedException;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.core.UserType;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import io.github.feishuvc.test.RecordedRequest;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link ReserveOperations#get} over real loopback HTTP against {@link FeishuVcEmulator}.
 */
class ReserveTemplateTests {

	private FeishuVcEmulator emulator;

	private ReserveOperations reserves;

	@BeforeEach
	void startEmulator() {
		this.emulator = FeishuVcEmulator.start();
		this.reserves = TestFeishu.reserveTemplate(this.emulator.baseUrl(), UserIdType.OPEN_ID, Clock.systemUTC());
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.close();
	}

	@Test
	void shouldDecodeEveryFieldOfTheReferenceResponse() {
		Reserve reserve = this.reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block();

		assertThat(reserve.id()).isEqualTo("6911188411934973028");
		assertThat(reserve.meetingNo()).isEqualTo("112000358");
		assertThat(reserve.password()).isEqualTo("971024");
		assertThat(reserve.url()).isEqualTo("https://vc.feishu.cn/j/337736498");
		assertThat(reserve.appLink()).isEqualTo("https://applink.feishu.cn/client/videochat/open?source=openplatform"
				+ "&action=join&idtype=reservationid&id={?}&preview={?}&mic={?}&speaker={?}&camera={?}");
		assertThat(reserve.liveLink()).isEqualTo("https://meetings.feishu.cn/s/1gub381l4gglv");
		assertThat(reserve.endTime()).isEqualTo(Instant.ofEpochSecond(1608883322L));
		assertThat(reserve.expireStatusCode()).isZero();
		assertThat(reserve.reserveUserId()).isEqualTo("ou_3ec3f6a28a0d08c45d895276e8e5e19b");

		ReserveMeetingSetting settings = reserve.meetingSettings();
		assertThat(settings.topic()).isEqualTo("my meeting");
		assertThat(settings.meetingInitialType()).isEqualTo(MeetingInitialType.GROUP_MEETING);
		assertThat(settings.meetingInitialTypeCode()).isEqualTo(1);
		assertThat(settings.meetingConnect()).isTrue();
		assertThat(settings.autoRecord()).isTrue();

		assertThat(settings.actionPermissions()).singleElement().satisfies((permission) -> {
			assertThat(permission.permission()).isEqualTo(ActionPermission.CAN_BE_HOST);
			assertThat(permission.permissionCode()).isEqualTo(1);
			assertThat(permission.permissionCheckers()).singleElement().satisfies((checker) -> {
				assertThat(checker.checkField()).isEqualTo(CheckField.USER_ID);
				assertThat(checker.checkMode()).isEqualTo(CheckMode.ALLOWLIST);
				assertThat(checker.checkList()).containsExactly("ou_3ec3f6a28a0d08c45d895276e8e5e19b");
			});
		});

		ReserveCallee callee = settings.callSetting().callee();
		assertThat(callee.id()).isEqualTo("ou_3ec3f6a28a0d08c45d895276e8e5e19b");
		assertThat(callee.userType()).isEqualTo(UserType.LARK_USER);
		assertThat(callee.pstnSipInfo().nickname()).isEqualTo("dodo");
		assertThat(callee.pstnSipInfo().mainAddress()).isEqualTo("+86-02187654321");

		assertThat(settings.assignHostList()).singleElement().satisfies((host) -> {
			assertThat(host.userType()).isEqualTo(UserType.LARK_USER);
			assertThat(host.id()).isEqualTo("ou_3ec3f6a28a0d08c45d895276e8e5e19b");
		});
	}

	@Test
	void shouldDecodeAnUndocumentedExpireStatusAsUnknownKeepingItsRawCode() {
		Reserve reserve = this.reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block();

		assertThat(reserve.expireStatus()).isEqualTo(ExpireStatus.UNKNOWN);
		assertThat(reserve.expireStatusCode()).isEqualTo(0);
	}

	@Test
	void shouldKeepUnknownCodesOfEveryEnumAndIgnoreUnknownFields() {
		this.emulator.addReserve("""
				{"id": "42", "expire_status": 2, "brand_new_field": {"x": 1},
				 "meeting_settings": {"meeting_initial_type": 9,
				   "action_permissions": [{"permission": 77, "permission_checkers": [{"check_field": 8, "check_mode": 5}]}],
				   "call_setting": {"callee": {"user_type": 42}},
				   "assign_host_list": [{"user_type": 13, "id": "ou_x"}]}}
				""");

		Reserve reserve = this.reserves.get("42").block();

		assertThat(reserve.expireStatus()).isEqualTo(ExpireStatus.EXPIRED);
		ReserveMeetingSetting settings = reserve.meetingSettings();
		assertThat(settings.meetingInitialType()).isEqualTo(MeetingInitialType.UNKNOWN);
		assertThat(settings.meetingInitialTypeCode()).isEqualTo(9);
		ReserveActionPermission permission = settings.actionPermissions().get(0);
		assertThat(permission.permission()).isEqualTo(ActionPermission.UNKNOWN);
		assertThat(permission.permissionCode()).isEqualTo(77);
		ReservePermissionChecker checker = permission.permissionCheckers().get(0);
		assertThat(checker.checkField()).isEqualTo(CheckField.UNKNOWN);
		assertThat(checker.checkFieldCode()).isEqualTo(8);
		assertThat(checker.checkMode()).isEqualTo(CheckMode.UNKNOWN);
		assertThat(checker.checkModeCode()).isEqualTo(5);
		assertThat(checker.checkList()).isEmpty();
		assertThat(settings.callSetting().callee().userType()).isEqualTo(UserType.UNKNOWN);
		assertThat(settings.callSetting().callee().userTypeCode()).isEqualTo(42);
		assertThat(settings.assignHostList().get(0).userType()).isEqualTo(UserType.UNKNOWN);
		assertThat(settings.assignHostList().get(0).userTypeCode()).isEqualTo(13);
		assertThat(reserve.meetingNo()).isNull();
		assertThat(reserve.endTime()).isNull();
	}

	@Test
	void shouldSendTheConfiguredUserIdTypeAsQueryParameter() {
		TestFeishu.reserveTemplate(this.emulator.baseUrl(), UserIdType.UNION_ID, Clock.systemUTC())
			.get(FeishuVcEmulator.REFERENCE_RESERVE_ID)
			.block();

		assertThat(lastReserveRequest().uri())
			.isEqualTo("/open-apis/vc/v1/reserves/6911188411934973028?user_id_type=union_id");
	}

	@Test
	void shouldSendTheUserIdTypeOfTheCall() {
		this.reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID, UserIdType.USER_ID).block();

		RecordedRequest request = lastReserveRequest();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.uri()).isEqualTo("/open-apis/vc/v1/reserves/6911188411934973028?user_id_type=user_id");
		assertThat(request.authorization()).startsWith("Bearer t-");
	}

	@Test
	void shouldReportAnUnknownReservationAsNotFound() {
		StepVerifier.create(this.reserves.get("404404"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(FeishuVcNotFoundException.class,
					(notFound) -> {
						assertThat(notFound.code()).isEqualTo(121004);
						assertThat(notFound.msg()).isEqualTo("data not exist");
						assertThat(notFound.httpStatus()).isEqualTo(404);
						assertThat(notFound.logId()).isNotBlank();
						assertThat(notFound.operation()).isEqualTo("reserve.get");
						assertThat(notFound).hasMessageContaining("code=121004")
							.hasMessageContaining("msg=data not exist")
							.hasMessageContaining("logId=" + notFound.logId());
					}))
			.verify();
	}

	@Test
	void shouldReportAReservationOfAnotherUserAsPermissionDenied() {
		this.emulator.addReserve("{\"id\": \"777\"}", "ou_someone_else");

		StepVerifier.create(this.reserves.get("777"))
			.expectErrorSatisfies((ex) -> assertThat(ex)
				.isInstanceOfSatisfying(FeishuVcPermissionDeniedException.class, (denied) -> {
					assertThat(denied.code()).isEqualTo(121005);
					assertThat(denied.msg()).isEqualTo("no permission");
					assertThat(denied.httpStatus()).isEqualTo(403);
					assertThat(denied.logId()).isNotBlank();
				}))
			.verify();
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "   ", "\t", ".", ".." })
	void shouldRejectAnInvalidReserveIdBeforeSendingAnything(String reserveId) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.reserves.get(reserveId))
			.withMessageContaining("reserveId");
		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void shouldRejectANullUserIdTypeBeforeSendingAnything() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.reserves.get("1", null))
			.withMessageContaining("userIdType");
		assertThat(this.emulator.requests()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../auth/v3/x", "a?b=c", "a#b", "a;b=c", "a/b", "%2e%2e", "a b", "ü" })
	void shouldSendAnyReserveIdAsOneEncodedPathSegment(String reserveId) throws Exception {
		try (MockWebServer server = TestFeishu.startMockServer()) {
			server.enqueue(TestFeishu.tokenResponse("t-token", 7200));
			server.enqueue(TestFeishu.json(404, "{\"code\":121004,\"msg\":\"data not exist\"}"));
			ReserveOperations template = TestFeishu.reserveTemplate(TestFeishu.baseUrl(server), UserIdType.OPEN_ID,
					Clock.systemUTC());

			StepVerifier.create(template.get(reserveId)).expectError(FeishuVcNotFoundException.class).verify();

			server.takeRequest(5, TimeUnit.SECONDS);
			mockwebserver3.RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
			String target = request.getTarget();
			assertThat(request.getRequestLine()).startsWith("GET /open-apis/vc/v1/reserves/");
			assertThat(target).startsWith("/open-apis/vc/v1/reserves/").endsWith("?user_id_type=open_id");
			String segment = target.substring("/open-apis/vc/v1/reserves/".length(), target.indexOf('?'));
			assertThat(segment).doesNotContain("/", "?", "#", ";", "=", " ").matches("[A-Za-z0-9._~%-]+");
			assertThat(request.getUrl().pathSegments()).hasSize(5).last().isEqualTo(reserveId);
			assertThat(request.getUrl().querySize()).isEqualTo(1);
		}
	}

	@Test
	void shouldFindAReservationWhoseIdNeedsEncoding() {
		this.emulator.addReserve("{\"id\": \"a?b=c/../d\", \"meeting_no\": \"123456789\"}");

		assertThat(this.reserves.get("a?b=c/../d").block().meetingNo()).isEqualTo("123456789");
	}

	@Test
	void shouldNotShowTheMeetingPasswordInToString() {
		Reserve reserve = this.reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block();

		assertThat(reserve.toString()).doesNotContain("971024").contains("password=[masked]", "112000358");
	}

	@Test
	void shouldSendNothingUntilSubscribed() {
		this.reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID);

		assertThat(this.emulator.requests()).isEmpty();
	}

	private RecordedRequest lastReserveRequest() {
		assertThat(this.emulator.requestCount("reserve.get")).isEqualTo(1);
		return this.emulator.requests()
			.stream()
			.filter((request) -> "reserve.get".equals(request.operation()))
			.findFirst()
			.orElseThrow();
	}

}
