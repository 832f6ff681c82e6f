package io.github.feishuvc.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.feishuvc.core.FeishuVcConflictException;
import io.github.feishuvc.core.FeishuVcMeetingStateException;
import io.github.feishuvc.core.FeishuVcNotFoundException;
import io.github.feishuvc.core.FeishuVcPermissionDeniedException;
import io.github.feishuvc.core.FeishuVcRecordingNotReadyException;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveApplyRequest;
import io.github.feishuvc.reserve.ReserveMeetingSettingRequest;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A meeting's whole life against the stateful emulator, driven through the starter's operations: the emulator's
 * rules (who may do what, with which token, in which state) as the platform documents them.
 */
class MeetingLifecycleTests {

	private static final String OWNER = "ou_owner";

	private FeishuVcEmulator emulator;

	private ReserveOperations reserves;

	private MeetingOperations meetings;

	private RecordingOperations recordings;

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.builder().recordingProcessingTime(Duration.ofMillis(50)).start();
		this.reserves = TestFeishu.reserveTemplate(this.emulator.baseUrl(), UserIdType.OPEN_ID, Clock.systemUTC());
		this.meetings = TestFeishu.meetingTemplate(this.emulator.baseUrl(), Clock.systemUTC());
		this.recordings = TestFeishu.recordingTemplate(this.emulator.baseUrl());
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void shouldFollowAMeetingFromItsReservationToItsSharedRecording() {
		Reserve reserve = reserve("Design review");
		Instant before = Instant.now().minusSeconds(1);
		String meetingId = this.emulator.meetings().start(reserve.id());
		this.emulator.meetings().join(meetingId, "ou_alice");
		this.emulator.meetings().join(meetingId, "ou_bob");
		this.emulator.meetings().leave(meetingId, "ou_bob");

		Meeting running = this.meetings.get(meetingId, MeetingQuery.everything()).block();
		assertThat(running.status()).isEqualTo(MeetingStatus.IN_PROGRESS);
		assertThat(running.meetingNo()).isEqualTo(reserve.meetingNo());
		assertThat(running.topic()).isEqualTo("Design review");
		assertThat(running.hostUser()).isEqualTo(MeetingUser.larkUser(OWNER));
		assertThat(running.participants()).extracting(MeetingParticipant::id, MeetingParticipant::status)
			.containsExactlyInAnyOrder(tuple(OWNER, ParticipantStatus.IN_MEETING),
					tuple("ou_alice", ParticipantStatus.IN_MEETING),
					tuple("ou_bob", ParticipantStatus.NOT_IN_MEETING));
		assertThat(running.ability()).isNotNull();
		assertThat(this.meetings.listByNo(reserve.meetingNo(), before, Instant.now().plusSeconds(1))
			.map(Meeting::id)
			.collectList()
			.block()).containsExactly(meetingId);

		MeetingOperations host = this.meetings.withUserAccessToken(this.emulator.issueUserAccessToken(OWNER));
		RecordingOperations hostRecordings = this.recordings
			.withUserAccessToken(this.emulator.issueUserAccessToken(OWNER));
		assertThat(host.invite(meetingId, List.of(MeetingUser.larkUser("ou_carol"), MeetingUser.larkUser("ou_alice")))
			.block()).extracting(MeetingInviteResult::status).containsExactly(InviteStatus.SUCCEEDED, InviteStatus.FAILED);
		assertThat(this.meetings.kickout(meetingId, List.of(MeetingUser.larkUser("ou_alice"))).block())
			.extracting(MeetingKickoutResult::status)
			.containsExactly(KickoutStatus.REMOVED);

		hostRecordings.start(meetingId, 8).block();
		StepVerifier.create(hostRecordings.start(meetingId, 8)).expectError(FeishuVcMeetingStateException.class).verify();
		hostRecordings.stop(meetingId).block();
		StepVerifier.create(this.recordings.get(meetingId))
			.expectError(FeishuVcRecordingNotReadyException.class)
			.verify();

		host.end(meetingId).block();
		assertThat(this.meetings.get(meetingId).block().status()).isEqualTo(MeetingStatus.ENDED);
		Recording recording = this.recordings.get(meetingId)
			.retryWhen(Retry.fixedDelay(100, Duration.ofMillis(20))
				.filter(FeishuVcRecordingNotReadyException.class::isInstance))
			.block();
		assertThat(recording.url()).startsWith("https://meetings.feishu.cn/minutes/");
		assertThat(recording.meetingId()).isEqualTo(meetingId);
		assertThat(recording.id()).isNotBlank();
		assertThat(recording.duration()).isNotNull();

		hostRecordings.setPermission(meetingId, List.of(RecordingPermissionObject.user("ou_alice"),
				RecordingPermissionObject.tenant()), RecordingPermissionAction.GRANT).block();
		assertThat(this.emulator.meetings().recordingSharedWith(meetingId)).containsExactlyInAnyOrder("1:ou_alice", "3:");
		hostRecordings.setPermission(meetingId, List.of(RecordingPermissionObject.tenant()),
				RecordingPermissionAction.REVOKE).block();
		assertThat(this.emulator.meetings().recordingSharedWith(meetingId)).containsExactly("1:ou_alice");
	}

	@Test
	void shouldLetOnlyTheHostEndAMeetingAndStartARecording() {
		String meetingId = this.emulator.meetings().start(reserve("Standup").id());
		this.emulator.meetings().join(meetingId, "ou_alice");
		MeetingOperations alice = this.meetings.withUserAccessToken(this.emulator.issueUserAccessToken("ou_alice"));
		RecordingOperations aliceRecordings = this.recordings
			.withUserAccessToken(this.emulator.issueUserAccessToken("ou_alice"));
		MeetingOperations outsider = this.meetings.withUserAccessToken(this.emulator.issueUserAccessToken("ou_eve"));

		StepVerifier.create(alice.end(meetingId)).expectError(FeishuVcPermissionDeniedException.class).verify();
		StepVerifier.create(aliceRecordings.start(meetingId, null))
			.expectError(FeishuVcPermissionDeniedException.class)
			.verify();
		StepVerifier.create(outsider.end(meetingId)).expectError(FeishuVcMeetingStateException.class).verify();
		StepVerifier.create(outsider.get(meetingId)).expectError(FeishuVcPermissionDeniedException.class).verify();

		StepVerifier.create(this.meetings.setHost(meetingId, MeetingUser.larkUser("ou_alice"), MeetingUser.larkUser("ou_eve")))
			.expectError(FeishuVcConflictException.class)
			.verify();
		assertThat(this.meetings.setHost(meetingId, MeetingUser.larkUser("ou_alice"), MeetingUser.larkUser(OWNER)).block())
			.isEqualTo(MeetingUser.larkUser("ou_alice"));
		alice.end(meetingId).block();

		StepVerifier.create(alice.end(meetingId)).expectError(FeishuVcMeetingStateException.class).verify();
		StepVerifier.create(this.recordings.get(meetingId)).expectError(FeishuVcNotFoundException.class).verify();
		StepVerifier.create(this.meetings.get("6911188411934400000")).expectError(FeishuVcNotFoundException.class).verify();
	}

	@Test
	void shouldListEveryMeetingOfANumberAcrossPages() {
		Reserve reserve = reserve("Daily");
		Instant before = Instant.now().minusSeconds(1);
		List<String> started = new ArrayList<>();
		for (int i = 0; i < 53; i++) {
			String meetingId = this.emulator.meetings().start(reserve.id());
			started.add(meetingId);
			this.emulator.meetings().end(reserve.id());
		}

		List<String> listed = this.meetings.listByNo(reserve.meetingNo(), before, Instant.now().plusSeconds(1))
			.map(Meeting::id)
			.collectList()
			.block();

		assertThat(listed).containsExactlyInAnyOrderElementsOf(started);
		assertThat(this.emulator.requestCount("meeting.list_by_no")).isEqualTo(2);
	}

	private Reserve reserve(String topic) {
		return this.reserves.apply(ReserveApplyRequest.builder()
			.endTime(Instant.now().plus(Duration.ofDays(1)))
			.ownerId(OWNER)
			.meetingSettings(ReserveMeetingSettingRequest.builder().topic(topic).build())
			.build()).map((result) -> result.reserve()).block();
	}

}
