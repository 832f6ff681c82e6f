package io.github.feishuvc.meeting;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.lark.oapi.Client;
import com.lark.oapi.core.response.EventResp;
import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.event.model.BaseEventV2;
import com.lark.oapi.service.vc.VcService;
import com.lark.oapi.service.vc.v1.model.GetMeetingRecordingReq;
import com.lark.oapi.service.vc.v1.model.GetMeetingReq;
import com.lark.oapi.service.vc.v1.model.ListByNoMeetingReq;
import com.lark.oapi.service.vc.v1.model.ListByNoMeetingRespBody;
import com.lark.oapi.service.vc.v1.model.MeetingEventMeeting;
import com.lark.oapi.service.vc.v1.model.P2MeetingAllMeetingEndedV1;
import com.lark.oapi.service.vc.v1.model.P2MeetingAllMeetingStartedV1;
import com.lark.oapi.service.vc.v1.model.P2MeetingEndedV1;
import com.lark.oapi.service.vc.v1.model.P2MeetingJoinMeetingV1;
import com.lark.oapi.service.vc.v1.model.P2MeetingLeaveMeetingV1;
import com.lark.oapi.service.vc.v1.model.P2MeetingRecordingEndedV1;
import com.lark.oapi.service.vc.v1.model.P2MeetingRecordingReadyV1;
import com.lark.oapi.service.vc.v1.model.P2MeetingRecordingStartedV1;
import com.lark.oapi.service.vc.v1.model.P2MeetingShareEndedV1;
import com.lark.oapi.service.vc.v1.model.P2MeetingShareStartedV1;
import com.lark.oapi.service.vc.v1.model.P2MeetingStartedV1;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.events.webhook.FeishuEventReceiver.EventRequest;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveApplyRequest;
import io.github.feishuvc.reserve.ReserveMeetingSettingRequest;
import io.github.feishuvc.support.EventCapture;
import io.github.feishuvc.support.SdkOracle;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.util.retry.Retry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official SDK as an independent oracle of the emulator's meeting endpoints and pushes: the SDK and the starter
 * read the same meeting, the same page of meetings of a number and the same recording, field by field; and the SDK's
 * own event dispatcher decrypts, verifies and decodes every meeting event the emulator pushes.
 */
class OfficialSdkOracleTests {

	private static final String OWNER = "ou_owner";

	private static final String ENCRYPT_KEY = "oracle-encrypt-key";

	private FeishuVcEmulator emulator;

	private EventCapture pushes;

	private Client sdk;

	private Reserve reserve;

	private String meetingId;

	@BeforeEach
	void runAMeeting() {
		this.emulator = FeishuVcEmulator.builder()
			.encryptKey(ENCRYPT_KEY)
			.recordingProcessingTime(Duration.ofMillis(10))
			.start();
		this.pushes = EventCapture.start();
		this.emulator.deliverEventsTo(this.pushes.url());
		this.sdk = SdkOracle.client(this.emulator);
		this.reserve = TestFeishu.reserveTemplate(this.emulator.baseUrl(), UserIdType.OPEN_ID, Clock.systemUTC())
			.apply(ReserveApplyRequest.builder()
				.endTime(Instant.now().plus(Duration.ofDays(1)))
				.ownerId(OWNER)
				.meetingSettings(ReserveMeetingSettingRequest.builder().topic("Oracle").password("2468").build())
				.build())
			.block()
			.reserve();
		this.meetingId = this.emulator.meetings().start(this.reserve.id());
		this.emulator.meetings().join(this.meetingId, "ou_alice");
		this.emulator.meetings().startSharing(this.meetingId, "ou_alice");
		this.emulator.meetings().stopSharing(this.meetingId);
		this.emulator.meetings().startRecording(this.meetingId);
		this.emulator.meetings().leave(this.meetingId, "ou_alice");
		this.emulator.meetings().end(this.reserve.id());
	}

	@AfterEach
	void stop() {
		this.pushes.close();
		this.emulator.close();
	}

	@Test
	void shouldReadTheSameMeetingAsTheSdk() throws Exception {
		MeetingOperations meetings = TestFeishu.meetingTemplate(this.emulator.baseUrl(), Clock.systemUTC());

		Meeting ours = meetings.get(this.meetingId, MeetingQuery.everything()).block();
		var theirs = SdkOracle.ok(this.sdk.vc()
			.v1()
			.meeting()
			.get(GetMeetingReq.newBuilder()
				.meetingId(this.meetingId)
				.withParticipants(true)
				.withMeetingAbility(true)
				.userIdType("open_id")
				.build()));

		assertThat(ours.participants()).hasSize(2);
		assertThat(ours.noteId()).as("on the API page, not in the SDK's model").isNotBlank();
		SdkOracle.assertSame(MeetingJson.mapper(), ours, theirs.getMeeting(), "note_id");
	}

	@Test
	void shouldListTheSamePageOfMeetingsAsTheSdk() throws Exception {
		Instant from = Instant.now().minus(Duration.ofHours(1));
		Instant to = Instant.now().plus(Duration.ofMinutes(1));
		MeetingOperations meetings = TestFeishu.meetingTemplate(this.emulator.baseUrl(), Clock.systemUTC());

		List<Meeting> ours = meetings.listByNo(this.reserve.meetingNo(), from, to).collectList().block();
		ListByNoMeetingRespBody theirs = SdkOracle.ok(this.sdk.vc()
			.v1()
			.meeting()
			.listByNo(ListByNoMeetingReq.newBuilder()
				.meetingNo(this.reserve.meetingNo())
				.startTime(Long.toString(from.getEpochSecond()))
				.endTime(Long.toString(to.getEpochSecond()))
				.pageSize(50)
				.build()));

		assertThat(theirs.getHasMore()).isFalse();
		assertThat(ours).hasSize(1);
		SdkOracle.assertSame(MeetingJson.mapper(), ours, theirs.getMeetingBriefs());
	}

	@Test
	void shouldReadTheSameRecordingAsTheSdk() throws Exception {
		RecordingOperations recordings = TestFeishu.recordingTemplate(this.emulator.baseUrl());

		Recording ours = recordings.get(this.meetingId)
			.retryWhen(Retry.fixedDelay(100, Duration.ofMillis(20)))
			.block();
		var theirs = SdkOracle.ok(this.sdk.vc().v1().meetingRecording().get(GetMeetingRecordingReq.newBuilder()
			.meetingId(this.meetingId)
			.build()));

		assertThat(ours.url()).startsWith("https://meetings.feishu.cn/minutes/");
		SdkOracle.assertSame(MeetingJson.mapper(), ours, theirs.getRecording());
	}

	@Test
	void shouldPushMeetingEventsTheSdksDispatcherDecodes() throws Throwable {
		Map<String, String> decoded = new ConcurrentHashMap<>();
		EventDispatcher dispatcher = dispatcher(decoded);
		int pushed = 0;
		while (decoded.size() < TestFeishu.heldMeetingEvents().size()) {
			EventRequest push = this.pushes.take();
			pushed++;
			EventResp response = dispatcher.handle(SdkOracle.eventRequest(push));
			assertThat(response.getStatusCode()).as(new String(response.getBody(), StandardCharsets.UTF_8))
				.isEqualTo(200);
		}

		assertThat(pushed).as("two leaves, every other type once").isEqualTo(12);
		assertThat(decoded.keySet()).containsExactlyInAnyOrderElementsOf(TestFeishu.heldMeetingEvents());
		assertThat(decoded.values()).containsOnly(this.meetingId);
	}

	private EventDispatcher dispatcher(Map<String, String> decoded) {
		return EventDispatcher.newBuilder(FeishuVcEmulator.DEFAULT_VERIFICATION_TOKEN, ENCRYPT_KEY)
			.onP2MeetingStartedV1(new VcService.P2MeetingStartedV1Handler() {
				@Override
				public void handle(P2MeetingStartedV1 event) {
					seen(decoded, event, event.getEvent().getMeeting());
				}
			})
			.onP2MeetingEndedV1(new VcService.P2MeetingEndedV1Handler() {
				@Override
				public void handle(P2MeetingEndedV1 event) {
					seen(decoded, event, event.getEvent().getMeeting());
				}
			})
			.onP2MeetingJoinMeetingV1(new VcService.P2MeetingJoinMeetingV1Handler() {
				@Override
				public void handle(P2MeetingJoinMeetingV1 event) {
					seen(decoded, event, event.getEvent().getMeeting());
				}
			})
			.onP2MeetingLeaveMeetingV1(new VcService.P2MeetingLeaveMeetingV1Handler() {
				@Override
				public void handle(P2MeetingLeaveMeetingV1 event) {
					assertThat(event.getEvent().getLeaveReason()).isIn(1, 2);
					seen(decoded, event, event.getEvent().getMeeting());
				}
			})
			.onP2MeetingRecordingStartedV1(new VcService.P2MeetingRecordingStartedV1Handler() {
				@Override
				public void handle(P2MeetingRecordingStartedV1 event) {
					seen(decoded, event, event.getEvent().getMeeting());
				}
			})
			.onP2MeetingRecordingEndedV1(new VcService.P2MeetingRecordingEndedV1Handler() {
				@Override
				public void handle(P2MeetingRecordingEndedV1 event) {
					seen(decoded, event, event.getEvent().getMeeting());
				}
			})
			.onP2MeetingRecordingReadyV1(new VcService.P2MeetingRecordingReadyV1Handler() {
				@Override
				public void handle(P2MeetingRecordingReadyV1 event) {
					assertThat(event.getEvent().getUrl()).startsWith("https://meetings.feishu.cn/minutes/");
					seen(decoded, event, event.getEvent().getMeeting());
				}
			})
			.onP2MeetingShareStartedV1(new VcService.P2MeetingShareStartedV1Handler() {
				@Override
				public void handle(P2MeetingShareStartedV1 event) {
					seen(decoded, event, event.getEvent().getMeeting());
				}
			})
			.onP2MeetingShareEndedV1(new VcService.P2MeetingShareEndedV1Handler() {
				@Override
				public void handle(P2MeetingShareEndedV1 event) {
					seen(decoded, event, event.getEvent().getMeeting());
				}
			})
			.onP2MeetingAllMeetingStartedV1(new VcService.P2MeetingAllMeetingStartedV1Handler() {
				@Override
				public void handle(P2MeetingAllMeetingStartedV1 event) {
					seen(decoded, event, event.getEvent().getMeeting());
				}
			})
			.onP2MeetingAllMeetingEndedV1(new VcService.P2MeetingAllMeetingEndedV1Handler() {
				@Override
				public void handle(P2MeetingAllMeetingEndedV1 event) {
					seen(decoded, event, event.getEvent().getMeeting());
				}
			})
			.build();
	}

	private static void seen(Map<String, String> decoded, BaseEventV2 event, MeetingEventMeeting meeting) {
		assertThat(event.getHeader().getEventId()).isNotBlank();
		decoded.put(event.getHeader().getEventType(), meeting.getId());
	}

}
