package io.github.feishuvc.report;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.lark.oapi.service.vc.v1.V1;
import com.lark.oapi.service.vc.v1.model.DownloadExportReq;
import com.lark.oapi.service.vc.v1.model.DownloadExportResp;
import com.lark.oapi.service.vc.v1.model.GetDailyReportReq;
import com.lark.oapi.service.vc.v1.model.GetExportReq;
import com.lark.oapi.service.vc.v1.model.GetMeetingListReq;
import com.lark.oapi.service.vc.v1.model.GetParticipantListReq;
import com.lark.oapi.service.vc.v1.model.GetParticipantQualityListReq;
import com.lark.oapi.service.vc.v1.model.GetTopUserReportReq;
import com.lark.oapi.service.vc.v1.model.ListAlertReq;
import com.lark.oapi.service.vc.v1.model.MeetingListExportReq;
import com.lark.oapi.service.vc.v1.model.MeetingListExportReqBody;
import com.lark.oapi.service.vc.v1.model.ParticipantListExportReq;
import com.lark.oapi.service.vc.v1.model.ParticipantListExportReqBody;
import com.lark.oapi.service.vc.v1.model.ParticipantQualityListExportReq;
import com.lark.oapi.service.vc.v1.model.ParticipantQualityListExportReqBody;
import com.lark.oapi.service.vc.v1.model.ResourceReservationListExportReq;
import com.lark.oapi.service.vc.v1.model.ResourceReservationListExportReqBody;
import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.core.UserType;
import io.github.feishuvc.export.ExportTask;
import io.github.feishuvc.room.RoomReservationQuery;
import io.github.feishuvc.support.SdkOracle;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.EmulatorRooms;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import static io.github.feishuvc.support.SdkOracle.assertSame;
import static io.github.feishuvc.support.SdkOracle.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official SDK as an independent oracle of the meeting data, reports, alerts and exports: a meeting is held on the
 * emulator (a host and {@code ou_alice}), then the SDK and the starter read the same meeting list, participants,
 * quality, reports and alerts field by field, export the same data, and download byte-identical spreadsheets, which
 * Apache POI opens.
 */
class MeetingDataSdkOracleTests {

	private static final String ALICE = "ou_alice";

	private FeishuVcEmulator emulator;

	private V1 sdk;

	private TestFeishu.MeetingData starter;

	private MeetingRecord meeting;

	private Instant from;

	private Instant to;

	@BeforeEach
	void holdAMeeting() {
		this.emulator = FeishuVcEmulator.builder().exportProcessingTime(Duration.ofMillis(50)).start();
		this.sdk = SdkOracle.client(this.emulator)
			.vc()
			.v1();
		this.starter = TestFeishu.meetingData(this.emulator.baseUrl());
		String reserveId = TestFeishu
			.reserve(TestFeishu.reserveTemplate(this.emulator.baseUrl(), UserIdType.OPEN_ID, Clock.systemUTC()),
					"ou_host", "Quarterly review")
			.id();
		TestFeishu.holdMeeting(this.emulator, reserveId);
		this.from = Instant.now().minus(Duration.ofHours(1));
		this.to = Instant.now().plus(Duration.ofMinutes(1));
		this.meeting = this.starter.meetingData().meetings(MeetingListQuery.between(this.from, this.to)).blockLast();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void shouldReadTheMeetingDataAsTheSdkDoes() throws Exception {
		assertThat(this.meeting.topic()).isEqualTo("Quarterly review");
		assertThat(this.meeting.participantCount()).isEqualTo(2);
		assertThat(this.meeting.recording()).isTrue();
		assertThat(this.meeting.sharing()).isTrue();
		assertThat(this.meeting.endTime()).isNotNull();
		assertThat(this.meeting.endTime().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
		assertSame(FeishuVcJson.mapper(), List.of(this.meeting), List.of(ok(this.sdk.meetingList()
			.get(GetMeetingListReq.newBuilder()
				.startTime(seconds(this.from))
				.endTime(seconds(this.to))
				.userIdType("open_id")
				.build())).getMeetingList()));

		Instant start = this.meeting.startTime().toInstant();
		Instant end = this.meeting.endTime().toInstant().plusSeconds(1);
		List<ParticipantRecord> participants = this.starter.meetingData()
			.participants(ParticipantQuery.of(this.meeting.meetingNo(), start, end))
			.collectList()
			.block();
		assertThat(participants).extracting(ParticipantRecord::userId).containsExactlyInAnyOrder("ou_host", ALICE);
		assertThat(participants).filteredOn((participant) -> ALICE.equals(participant.userId()))
			.singleElement()
			.satisfies((alice) -> assertThat(alice.leaveReason()).isEqualTo("主动离会"));
		assertSame(FeishuVcJson.mapper(), participants, ok(this.sdk.participantList()
			.get(GetParticipantListReq.newBuilder()
				.meetingNo(this.meeting.meetingNo())
				.meetingStartTime(seconds(start))
				.meetingEndTime(seconds(end))
				.build())).getParticipants());

		ParticipantRecord alice = participants.stream().filter((p) -> ALICE.equals(p.userId())).findFirst().get();
		List<ParticipantQuality> quality = this.starter.meetingData()
			.participantQuality(ParticipantQualityQuery.ofUser(this.meeting.meetingNo(), start, end,
					alice.joinTime().toInstant(), ALICE))
			.collectList()
			.block();
		assertThat(quality).isNotEmpty();
		assertThat(quality.get(0).video().maximumResolutionSent()).isEqualTo("1080P");
		assertSame(FeishuVcJson.mapper(), quality, ok(this.sdk.participantQualityList()
			.get(GetParticipantQualityListReq.newBuilder()
				.meetingNo(this.meeting.meetingNo())
				.meetingStartTime(seconds(start))
				.meetingEndTime(seconds(end))
				.joinTime(seconds(alice.joinTime().toInstant()))
				.userId(ALICE)
				.pageToken("")
				.build())).getParticipantQualityList());
	}

	@Test
	void shouldReadTheReportsAndAlertsAsTheSdkDoes() throws Exception {
		DailyReport daily = this.starter.reports().daily(this.from, this.to).block();
		assertThat(daily.totalMeetingCount()).isEqualTo(1);
		assertThat(daily.totalParticipantCount()).isEqualTo(2);
		assertThat(daily.days()).singleElement().satisfies((day) -> assertThat(day.meetingCount()).isEqualTo(1));
		assertSame(FeishuVcJson.mapper(), daily, ok(this.sdk.report()
			.getDaily(GetDailyReportReq.newBuilder().startTime(seconds(this.from)).endTime(seconds(this.to)).build()))
			.getMeetingReport());

		List<TopUser> top = this.starter.reports()
			.topUsers(TopUserQuery.byMeetingCount(this.from, this.to).withLimit(5))
			.block();
		assertThat(top).extracting(TopUser::id).containsExactlyInAnyOrder("ou_host", ALICE);
		assertThat(top).allSatisfy((user) -> assertThat(user.userType()).isEqualTo(UserType.LARK_USER));
		assertSame(FeishuVcJson.mapper(), top, ok(this.sdk.report()
			.getTopUser(GetTopUserReportReq.newBuilder()
				.startTime(seconds(this.from))
				.endTime(seconds(this.to))
				.limit(5)
				.orderBy(1)
				.build())).getTopUserReport());

		String alertId = this.emulator.alerts().raise("""
				{"resource_scope": "Everest", "monitor_target": 1, "alert_strategy": "offline for 1 minute",
				 "alert_level": 2, "contacts": [{"contact_type": 1, "contact_name": "Zhang San"}],
				 "notifyMethods": [0, 1], "alertRule": "Room offline", "process_status": 1,
				 "alert_rule_id": "100", "monitor_target_room_id": "%s", "monitor_target_room_mac": "52:60:19:9c:97:21"}
				""".formatted(EmulatorRooms.REFERENCE_ROOM_IDS.get(0)));
		List<Alert> alerts = this.starter.alerts()
			.list(AlertQuery.between(this.from, this.to).of(AlertTargetKind.ROOM, EmulatorRooms.REFERENCE_ROOM_IDS.get(0)))
			.collectList()
			.block();
		assertThat(alerts).singleElement().satisfies((alert) -> {
			assertThat(alert.alertId()).isEqualTo(alertId);
			assertThat(alert.alertRule()).isEqualTo("Room offline");
			assertThat(alert.notifyMethods()).containsExactly(AlertNotifyMethod.BOT, AlertNotifyMethod.EMAIL);
			assertThat(alert.alertLevel()).isEqualTo(AlertLevel.SERIOUS);
			assertThat(alert.processStatus()).isEqualTo(AlertProcessStatus.PENDING);
		});
		assertSame(FeishuVcJson.mapper(), alerts, ok(this.sdk.alert()
			.list(ListAlertReq.newBuilder().startTime(seconds(this.from)).endTime(seconds(this.to)).build()))
			.getItems());
	}

	@Test
	void shouldExportAndDownloadTheSameSpreadsheetsAsTheSdk(@TempDir Path directory) throws Exception {
		ExportTask ours = this.starter.exports()
			.meetings(MeetingListQuery.between(this.from, this.to))
			.flatMap(this.starter.exports()::awaitFile)
			.block();
		Path written = this.starter.exports().downloadTo(ours.fileToken(), directory).block();
		DownloadExportResp theirs = this.sdk.export()
			.download(DownloadExportReq.newBuilder().fileToken(ours.fileToken()).build());
		assertThat(theirs.getCode()).isZero();
		assertThat(Files.readAllBytes(written)).isEqualTo(theirs.getData().toByteArray());
		assertThat(written.getFileName().toString()).isEqualTo(theirs.getFileName())
			.isEqualTo("meeting_list_" + ours.taskId() + ".xlsx");
		assertThat(directory.toFile().list()).containsExactly(written.getFileName().toString());
		try (InputStream in = Files.newInputStream(written); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter cells = new DataFormatter();
			Row header = sheet.getRow(0);
			assertThat(cells.formatCellValue(header.getCell(0))).isEqualTo("会议ID");
			assertThat(cells.formatCellValue(header.getCell(1))).isEqualTo("会议主题");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(cells.formatCellValue(sheet.getRow(1).getCell(0))).isEqualTo(this.meeting.meetingNo());
			assertThat(cells.formatCellValue(sheet.getRow(1).getCell(1))).isEqualTo("Quarterly review");
		}

		String sdkTask = ok(this.sdk.export()
			.meetingList(MeetingListExportReq.newBuilder()
				.userIdType("open_id")
				.meetingListExportReqBody(MeetingListExportReqBody.newBuilder()
					.startTime(seconds(this.from))
					.endTime(seconds(this.to))
					.build())
				.build())).getTaskId();
		ExportTask finished = this.starter.exports().awaitFile(sdkTask).block();
		assertThat(ok(this.sdk.export().get(GetExportReq.newBuilder().taskId(sdkTask).build())).getFileToken())
			.isEqualTo(finished.fileToken());
		byte[] sdkExport = this.sdk.export()
			.download(DownloadExportReq.newBuilder().fileToken(finished.fileToken()).build())
			.getData()
			.toByteArray();
		assertThat(sdkExport).isEqualTo(Files.readAllBytes(written));
	}

	@Test
	void shouldExportEveryKindTheSdkExports(@TempDir Path directory) throws Exception {
		Instant start = this.meeting.startTime().toInstant();
		Instant end = this.meeting.endTime().toInstant().plusSeconds(1);
		ParticipantRecord alice = this.starter.meetingData()
			.participants(ParticipantQuery.of(this.meeting.meetingNo(), start, end).byUser(ALICE))
			.blockLast();
		Instant joined = alice.joinTime().toInstant();
		this.emulator.rooms()
			.book(EmulatorRooms.REFERENCE_ROOM_IDS.get(0), this.from.plusSeconds(60), this.from.plusSeconds(1800),
					"Design review", "ou_host");
		List<Exported> exports = List.of(
				new Exported(this.starter.exports().participants(ParticipantQuery.of(this.meeting.meetingNo(), start, end)),
						ok(this.sdk.export()
							.participantList(ParticipantListExportReq.newBuilder()
								.participantListExportReqBody(ParticipantListExportReqBody.newBuilder()
									.meetingNo(this.meeting.meetingNo())
									.meetingStartTime(seconds(start))
									.meetingEndTime(seconds(end))
									.build())
								.build())).getTaskId(), "参会人", 3),
				new Exported(this.starter.exports().participantQuality(ParticipantQualityQuery
					.ofUser(this.meeting.meetingNo(), start, end, joined, ALICE)),
						ok(this.sdk.export()
							.participantQualityList(ParticipantQualityListExportReq.newBuilder()
								.participantQualityListExportReqBody(ParticipantQualityListExportReqBody.newBuilder()
									.meetingNo(this.meeting.meetingNo())
									.meetingStartTime(seconds(start))
									.meetingEndTime(seconds(end))
									.joinTime(seconds(joined))
									.userId(ALICE)
									.build())
								.build())).getTaskId(), "时间", -1),
				new Exported(this.starter.exports()
					.roomReservations(new RoomReservationQuery(EmulatorRooms.REFERENCE_LEVEL_ID, this.from, this.to,
							List.of(), false, true)),
						ok(this.sdk.export()
							.resourceReservationList(ResourceReservationListExportReq.newBuilder()
								.resourceReservationListExportReqBody(ResourceReservationListExportReqBody.newBuilder()
									.roomLevelId(EmulatorRooms.REFERENCE_LEVEL_ID)
									.needTopic(true)
									.startTime(seconds(this.from))
									.endTime(seconds(this.to))
									.build())
								.build())).getTaskId(), "会议室名称", 2));
		for (Exported export : exports) {
			String ourTask = export.ours().block();
			Path ours = this.starter.exports()
				.awaitFile(ourTask)
				.flatMap((task) -> this.starter.exports().downloadTo(task.fileToken(), directory.resolve(ourTask)))
				.block();
			ExportTask theirTask = this.starter.exports().awaitFile(export.theirs()).block();
			byte[] theirs = this.sdk.export()
				.download(DownloadExportReq.newBuilder().fileToken(theirTask.fileToken()).build())
				.getData()
				.toByteArray();
			assertThat(Files.readAllBytes(ours)).isEqualTo(theirs);
			try (InputStream in = Files.newInputStream(ours); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
				Sheet sheet = workbook.getSheetAt(0);
				assertThat(new DataFormatter().formatCellValue(sheet.getRow(0).getCell(0))).isEqualTo(export.firstColumn());
				if (export.rows() >= 0) {
					assertThat(sheet.getLastRowNum()).isEqualTo(export.rows() - 1);
				}
				else {
					assertThat(sheet.getLastRowNum()).isPositive();
				}
			}
		}
	}

	private static String seconds(Instant instant) {
		return Long.toString(instant.getEpochSecond());
	}

	/** One export made by each client: ours, the SDK's task, the file's first column and its rows with the header. */
	private record Exported(Mono<String> ours, String theirs, String firstColumn, int rows) {
	}

}
