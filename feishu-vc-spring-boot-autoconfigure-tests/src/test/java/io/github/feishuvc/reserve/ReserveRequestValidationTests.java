package io.github.feishuvc.reserve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.support.MutableClock;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Bad input is refused with an {@link IllegalArgumentException} naming the field, and nothing reaches the (real,
 * loopback) server.
 */
class ReserveRequestValidationTests {

	private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

	private static final ReserveMeetingSettingRequest TOPIC = ReserveMeetingSettingRequest.builder().topic("t").build();

	private FeishuVcEmulator emulator;

	private ReserveOperations reserves;

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.start();
		this.reserves = TestFeishu.reserveTemplate(this.emulator.baseUrl(), UserIdType.OPEN_ID,
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@AfterEach
	void stop() {
		assertThat(this.emulator.requests()).as("requests sent").isEmpty();
		this.emulator.close();
	}

	@Test
	void shouldRequireMeetingSettingsEndTimeAndOwnerToApplyAsTheApp() {
		assertInvalid(() -> this.reserves.apply(ReserveApplyRequest.builder().build()),
				"endTime is required for a group meeting", "ownerId is required", "meetingSettings is required");
		assertInvalid(() -> this.reserves.apply(null), "request must not be null");
	}

	@Test
	void shouldRefuseAnEndTimeInThePastOrMoreThanThirtyDaysAheadWhenSubscribed() {
		assertInvalidWhenSubscribed(this.reserves.apply(apply(NOW)), "endTime must be in the future");
		assertInvalidWhenSubscribed(this.reserves.apply(apply(NOW.minusSeconds(1))), "endTime must be in the future");
		assertInvalidWhenSubscribed(this.reserves.apply(apply(NOW.plus(Duration.ofDays(30)).plusSeconds(1))),
				"endTime must be at most 30 days ahead");
		assertInvalidWhenSubscribed(this.reserves.update("1", ReserveUpdateRequest.builder().endTime(NOW).build()),
				"endTime must be in the future");
	}

	@Test
	void shouldJudgeTheEndTimeByTheClockWhenTheCallIsSent() {
		MutableClock clock = new MutableClock(NOW);
		ReserveOperations reserves = TestFeishu.reserveTemplate(this.emulator.baseUrl(), UserIdType.OPEN_ID, clock);
		Mono<ReserveResult> builtEarly = reserves.apply(apply(NOW.plus(Duration.ofDays(29))));

		clock.advance(Duration.ofDays(-2));
		assertInvalidWhenSubscribed(builtEarly, "endTime must be at most 30 days ahead");
		clock.advance(Duration.ofDays(32));
		assertInvalidWhenSubscribed(builtEarly, "endTime must be in the future");
	}

	private static void assertInvalidWhenSubscribed(Mono<?> call, String... messages) {
		StepVerifier.create(call)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContainingAll(messages))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void shouldRefuseAnOwnerWhenActingAsAUser() {
		assertInvalid(() -> this.reserves.withUserAccessToken("u-token").apply(apply(NOW.plusSeconds(60))),
				"ownerId applies only when the app (tenant access token) applies");
	}

	@Test
	void shouldCheckThePasswordAndHosts() {
		String[] hosts = new String[11];
		for (int i = 0; i < hosts.length; i++) {
			hosts[i] = "ou_" + i;
		}
		ReserveMeetingSettingRequest settings = ReserveMeetingSettingRequest.builder()
			.password("12a")
			.assignHosts(hosts)
			.assignHostList(List.of(new ReserveAssignHost(2, "ou_room"), new ReserveAssignHost(1, " ")))
			.build();
		assertInvalid(() -> this.reserves.apply(apply(NOW.plusSeconds(60), settings)),
				"meetingSettings.password must be 4 to 9 digits", "meetingSettings.assignHostList[0].userType must be LARK_USER",
				"meetingSettings.assignHostList[1].id is required");
		ReserveMeetingSettingRequest tooMany = ReserveMeetingSettingRequest.builder().assignHosts(hosts).build();
		assertInvalid(() -> this.reserves.apply(apply(NOW.plusSeconds(60), tooMany)),
				"meetingSettings.assignHostList has 11 hosts; the platform accepts at most 10");
		ReserveMeetingSettingRequest longPassword = ReserveMeetingSettingRequest.builder().password("1234567890").build();
		assertInvalid(() -> this.reserves.apply(apply(NOW.plusSeconds(60), longPassword)),
				"meetingSettings.password must be 4 to 9 digits");
	}

	@Test
	void shouldCheckAOneToOneCall() {
		ReserveMeetingSettingRequest recorded = ReserveMeetingSettingRequest.builder()
			.callee(ReserveCallee.pstn(null, "02187654321"))
			.autoRecord(true)
			.build();
		assertInvalid(() -> this.reserves.apply(ReserveApplyRequest.builder().ownerId("ou_x").meetingSettings(recorded)
			.build()), "meetingSettings.autoRecord is not supported for a one-to-one call",
				"meetingSettings.callSetting.callee.pstnSipInfo.mainAddress must look like +86-02187654321");
		ReserveMeetingSettingRequest larkCallee = ReserveMeetingSettingRequest.builder()
			.meetingInitialType(MeetingInitialType.ONE_ON_ONE_CALL)
			.build();
		assertInvalid(() -> this.reserves.apply(ReserveApplyRequest.builder().ownerId("ou_x").meetingSettings(larkCallee)
			.build()), "meetingSettings.callSetting is required for a one-to-one call");
		ReserveMeetingSettingRequest notPstn = new ReserveMeetingSettingRequest(null, null, 2, null,
				new ReserveCallSetting(new ReserveCallee("ou_x", 1, null)), null, null, null);
		assertInvalid(() -> this.reserves.apply(ReserveApplyRequest.builder().ownerId("ou_x").meetingSettings(notPstn)
			.build()), "meetingSettings.callSetting.callee.userType must be PSTN_USER",
				"meetingSettings.callSetting.callee.pstnSipInfo.mainAddress is required");
	}

	@Test
	void shouldCheckActionPermissions() {
		ReserveMeetingSettingRequest settings = ReserveMeetingSettingRequest.builder()
			.actionPermissions(List.of(new ReserveActionPermission(null, List.of()),
					new ReserveActionPermission(3, List.of(new ReservePermissionChecker(null, 1, List.of("x"))))))
			.build();
		assertInvalid(() -> this.reserves.apply(apply(NOW.plusSeconds(60), settings)),
				"meetingSettings.actionPermissions[0].permission is required",
				"meetingSettings.actionPermissions[0].permissionCheckers needs at least one checker",
				"meetingSettings.actionPermissions[1].permissionCheckers[0].checkField is required");
	}

	@Test
	void shouldRefuseNullsAndUnknownConstantsWhileBuilding() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReserveActionPermission.of(ActionPermission.UNKNOWN))
			.withMessageContaining("permission must be a value the platform knows");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReserveMeetingSettingRequest.builder().meetingInitialType(MeetingInitialType.UNKNOWN))
			.withMessageContaining("meetingInitialType");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReservePermissionChecker.of(CheckField.USER_ID, null, "x"))
			.withMessage("checkMode must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReserveMeetingSettingRequest.builder()
				.actionPermissions(Collections.singletonList(null)))
			.withMessage("actionPermissions must not contain null");
	}

	@Test
	void shouldRefuseAnEmptyUpdateAndAChangeOfMeetingConnect() {
		assertInvalid(() -> this.reserves.update("1", ReserveUpdateRequest.builder().build()), "nothing to update");
		ReserveUpdateRequest connect = ReserveUpdateRequest.builder()
			.meetingSettings(ReserveMeetingSettingRequest.builder().meetingConnect(true).build())
			.build();
		assertInvalid(() -> this.reserves.update("1", connect), "meetingSettings.meetingConnect cannot be updated");
		assertInvalid(() -> this.reserves.update("1", null), "request must not be null");
	}

	@Test
	void shouldRefuseIdsThatAreNotOnePathSegment() {
		ReserveUpdateRequest update = ReserveUpdateRequest.builder().meetingSettings(TOPIC).build();
		assertInvalid(() -> this.reserves.update(" ", update), "reserveId must not be null or blank");
		assertInvalid(() -> this.reserves.delete(".."), "reserveId must not be '..'");
		assertInvalid(() -> this.reserves.getActiveMeeting(null, true), "reserveId must not be null or blank");
		assertInvalid(() -> this.reserves.withUserAccessToken(" "), "userAccessToken must not be null or blank");
	}

	private static ReserveApplyRequest apply(Instant endTime) {
		return apply(endTime, TOPIC);
	}

	private static ReserveApplyRequest apply(Instant endTime, ReserveMeetingSettingRequest settings) {
		return ReserveApplyRequest.builder().endTime(endTime).ownerId("ou_owner").meetingSettings(settings).build();
	}

	private static void assertInvalid(Executable call, String... messages) {
		IllegalArgumentException ex = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
				call);
		assertThat(ex.getMessage()).contains(messages);
	}

}
