package io.github.feishuvc.reserve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.github.feishuvc.core.FeishuVcAuthenticationException;
import io.github.feishuvc.core.FeishuVcNotFoundException;
import io.github.feishuvc.core.FeishuVcPermissionDeniedException;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.meeting.Meeting;
import io.github.feishuvc.meeting.MeetingStatus;
import io.github.feishuvc.meeting.ParticipantStatus;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.Endpoint;
import io.github.feishuvc.test.FeishuVcEmulator;
import io.github.feishuvc.test.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole life of a reservation against the stateful emulator, as the app and as a user.
 */
class ReserveLifecycleTests {

	private FeishuVcEmulator emulator;

	private ReserveOperations reserves;

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.start();
		this.reserves = TestFeishu.reserveTemplate(this.emulator.baseUrl(), UserIdType.OPEN_ID, Clock.systemUTC());
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void shouldApplyGetUpdateGetDeleteAndThenNotFindIt() {
		Instant endTime = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
		ReserveResult applied = this.reserves.apply(ReserveApplyRequest.builder()
			.endTime(endTime)
			.ownerId("ou_owner")
			.meetingSettings(ReserveMeetingSettingRequest.builder()
				.topic("Weekly sync")
				.actionPermission(ReserveActionPermission.of(ActionPermission.CAN_JOIN_MEETING,
						ReservePermissionChecker.of(CheckField.USER_TYPE, CheckMode.ALLOWLIST, "1")))
				.assignHosts("ou_host", "not-an-open-id")
				.password("2468")
				.build())
			.build()).block();

		String id = applied.reserve().id();
		assertThat(id).matches("\\d{19}");
		assertThat(applied.reserve().meetingNo()).matches("\\d{9}");
		assertThat(applied.reserve().url()).isEqualTo("https://vc.feishu.cn/j/" + applied.reserve().meetingNo());
		assertThat(applied.reserve().endTime()).isEqualTo(endTime);
		assertThat(applied.reserve().password()).isEqualTo("2468");
		assertThat(applied.invalidHostIds()).containsExactly("not-an-open-id");

		Reserve fetched = this.reserves.get(id).block();
		assertThat(fetched.meetingSettings().topic()).isEqualTo("Weekly sync");
		assertThat(fetched.expireStatus()).isEqualTo(ExpireStatus.ACTIVE);
		assertThat(fetched.reserveUserId()).isEqualTo("ou_owner");
		assertThat(fetched.meetingSettings().assignHostList()).extracting(ReserveAssignHost::id).containsExactly("ou_host");
		assertThat(fetched.meetingSettings().actionPermissions().get(0).permission())
			.isEqualTo(ActionPermission.CAN_JOIN_MEETING);

		Instant renewed = endTime.plus(Duration.ofDays(2));
		ReserveResult updated = this.reserves.update(id, ReserveUpdateRequest.builder()
			.endTime(renewed)
			.meetingSettings(ReserveMeetingSettingRequest.builder().topic("Weekly sync (moved)").password("").build())
			.build()).block();
		assertThat(updated.reserve().endTime()).isEqualTo(renewed);
		assertThat(updated.reserve().password()).isNull();

		Reserve refetched = this.reserves.get(id).block();
		assertThat(refetched.meetingSettings().topic()).isEqualTo("Weekly sync (moved)");
		assertThat(refetched.endTime()).isEqualTo(renewed);
		assertThat(refetched.meetingSettings().assignHostList()).as("untouched by the update").hasSize(1);

		StepVerifier.create(this.reserves.delete(id)).verifyComplete();

		StepVerifier.create(this.reserves.get(id))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(FeishuVcNotFoundException.class,
					(notFound) -> assertThat(notFound.code()).isEqualTo(121004)))
			.verify();
		assertThat(this.emulator.findReserve(id)).isEmpty();
		assertThat(this.emulator.requestCount(Endpoint.TENANT_ACCESS_TOKEN)).isEqualTo(1);
	}

	@Test
	void shouldReturnTheMeetingRunningBehindAReservation() {
		String id = this.reserves.apply(ReserveApplyRequest.builder()
			.endTime(Instant.now().plus(Duration.ofHours(2)))
			.ownerId("ou_owner")
			.meetingSettings(ReserveMeetingSettingRequest.builder().topic("Stand-up").build())
			.build()).block().reserve().id();
		StepVerifier.create(this.reserves.getActiveMeeting(id)).expectError(FeishuVcNotFoundException.class).verify();

		String meetingId = this.emulator.meetings().start(id);

		Meeting meeting = this.reserves.getActiveMeeting(id, true).block();
		assertThat(meeting.id()).isEqualTo(meetingId);
		assertThat(meeting.topic()).isEqualTo("Stand-up");
		assertThat(meeting.status()).isEqualTo(MeetingStatus.IN_PROGRESS);
		assertThat(meeting.hostUser().id()).isEqualTo("ou_owner");
		assertThat(meeting.participants()).singleElement().satisfies((participant) -> {
			assertThat(participant.id()).isEqualTo("ou_owner");
			assertThat(participant.isHost()).isTrue();
			assertThat(participant.status()).isEqualTo(ParticipantStatus.IN_MEETING);
		});
		assertThat(this.reserves.getActiveMeeting(id, false).block().participants()).isEmpty();

		this.emulator.meetings().end(id);
		StepVerifier.create(this.reserves.getActiveMeeting(id)).expectError(FeishuVcNotFoundException.class).verify();
	}

	@Test
	void shouldActAsAUserWithTheirTokenAndNeverFetchATenantToken() {
		String userToken = this.emulator.issueUserAccessToken("ou_alice");
		ReserveOperations alice = this.reserves.withUserAccessToken(userToken);

		ReserveResult applied = alice.apply(ReserveApplyRequest.builder()
			.endTime(Instant.now().plus(Duration.ofDays(3)))
			.meetingSettings(ReserveMeetingSettingRequest.builder().topic("Alice's 1:1").build())
			.build()).block();
		String id = applied.reserve().id();
		assertThat(alice.get(id).block().reserveUserId()).isEqualTo("ou_alice");
		StepVerifier.create(alice.delete(id)).verifyComplete();

		assertThat(this.emulator.requestCount(Endpoint.TENANT_ACCESS_TOKEN)).isZero();
		assertThat(this.emulator.requests()).hasSize(3)
			.allSatisfy((request) -> assertThat(request.authorization()).isEqualTo("Bearer " + userToken));
		assertThat(alice.toString()).doesNotContain(userToken).contains("actingAs=user");
	}

	@Test
	void shouldKeepAUsersReservationFromTheAppAndFromOtherUsers() {
		String id = this.emulator.addReserve("{\"id\": \"55\", \"meeting_no\": \"555555555\"}", "ou_alice");

		StepVerifier.create(this.reserves.get(id)).expectError(FeishuVcPermissionDeniedException.class).verify();
		StepVerifier.create(this.reserves.withUserAccessToken(this.emulator.issueUserAccessToken("ou_bob")).get(id))
			.expectError(FeishuVcPermissionDeniedException.class)
			.verify();
		assertThat(this.reserves.withUserAccessToken(this.emulator.issueUserAccessToken("ou_alice")).get(id).block()
			.meetingNo()).isEqualTo("555555555");
	}

	@Test
	void shouldReportARejectedUserTokenWithoutFallingBackToTheTenantToken() {
		ReserveOperations stranger = this.reserves.withUserAccessToken("u-not-issued-by-the-platform");

		StepVerifier.create(stranger.get(FeishuVcEmulator.REFERENCE_RESERVE_ID))
			.expectErrorSatisfies((ex) -> assertThat(ex)
				.isInstanceOfSatisfying(FeishuVcAuthenticationException.class,
						(auth) -> assertThat(auth.code()).isEqualTo(99991668))
				.hasMessageNotContaining("u-not-issued-by-the-platform"))
			.verify();
		assertThat(this.emulator.requestCount(Endpoint.TENANT_ACCESS_TOKEN)).isZero();
		assertThat(this.emulator.requests()).extracting(RecordedRequest::operation).containsExactly("reserve.get");
	}

}
