package io.github.feishuvc.report;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.github.feishuvc.core.FeishuVcInvalidParameterException;
import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The meeting data's, reports' and alerts' documented rules, checked before anything is sent (the emulator counts
 * what arrives), the platform's codes of this family as typed exceptions, and the display strings read into types.
 */
class MeetingDataTemplateTests {

	private FeishuVcEmulator emulator;

	private TestFeishu.MeetingData templates;

	private final Instant now = Instant.now();

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.start();
		this.templates = TestFeishu.meetingData(this.emulator.baseUrl());
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void shouldRefuseQueriesThatBreakTheDocumentedRulesBeforeSendingAnything() {
		MeetingDataOperations data = this.templates.meetingData();
		MeetingListQuery day = MeetingListQuery.between(this.now.minus(Duration.ofDays(1)), this.now);
		assertThatIllegalArgumentException().isThrownBy(() -> data.meetings(day.byMeetingNo("123456789").byUser("ou_a")))
			.withMessageContaining("at most one of meetingNo, userId, roomId and meetingType");
		assertThatIllegalArgumentException().isThrownBy(() -> data.meetings(day.byMeetingNo("12345")))
			.withMessageContaining("meetingNo must be 9 digits");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> data.meetings(MeetingListQuery.between(this.now.minus(Duration.ofDays(400)), this.now)))
			.withMessageContaining("at most a year");
		assertThatIllegalArgumentException().isThrownBy(() -> data.meetings(day.withStatus(MeetingDataStatus.UPCOMING)))
			.withMessageContaining("UPCOMING");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> data.participants(ParticipantQuery.of("123456789", this.now.minus(Duration.ofDays(2)),
					this.now)))
			.withMessageContaining("at most a day");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> data.participants(ParticipantQuery.of("123456789", this.now.minusSeconds(60), this.now)
				.byUser("ou_a")
				.byRoom("omm_a")))
			.withMessageContaining("userId and roomId cannot both be set");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> data.participantQuality(new ParticipantQualityQuery("123456789",
					this.now.minusSeconds(60), this.now, this.now.minusSeconds(30), null, null)))
			.withMessageContaining("exactly one of userId and roomId");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.templates.reports().topUsers(TopUserQuery.byMeetingCount(day.from(), day.to())
				.withLimit(101)))
			.withMessageContaining("limit must be between 1 and 100");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.templates.reports().daily(this.now, this.now.minusSeconds(1)))
			.withMessageContaining("to must be after from");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.templates.alerts().list(new AlertQuery(day.from(), day.to(), null, "omm_a")))
			.withMessageContaining("targetId needs its targetKind");
		MeetingListQuery future = MeetingListQuery.between(this.now.plus(Duration.ofHours(1)),
				this.now.plus(Duration.ofHours(2)));
		assertThatIllegalArgumentException().isThrownBy(() -> data.meetings(future))
			.withMessageContaining("from must not be in the future");
		assertThatIllegalArgumentException().isThrownBy(() -> this.templates.exports().meetings(future))
			.withMessageContaining("from must not be in the future");
		StepVerifier.create(this.templates.reports().daily(this.now.minus(Duration.ofDays(91)), this.now))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("last 90 days"))
			.verify(Duration.ofSeconds(5));
		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void shouldTypeThePlatformsCodesOfTheMeetingData() {
		StepVerifier.create(this.templates.meetingData()
			.participants(ParticipantQuery.of("987654321", this.now.minusSeconds(600), this.now)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(FeishuVcInvalidParameterException.class,
					(invalid) -> assertThat(invalid.code()).isEqualTo(126009)))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void shouldServeAlertsToSelfBuiltAppsOnly() {
		this.emulator.alerts().raise("{\"alertRule\": \"Room offline\", \"monitor_target\": 1}");
		assertThat(this.templates.alerts()
			.list(AlertQuery.between(this.now.minusSeconds(60), this.now.plusSeconds(60)))
			.collectList()
			.block()).singleElement()
			.satisfies((alert) -> assertThat(alert.monitorTarget()).isEqualTo(AlertMonitorTarget.ROOM));
		try (FeishuVcEmulator store = FeishuVcEmulator.builder().storeApp("tenant-a").start()) {
			String answer = WebClient.create(store.baseUrl())
				.get()
				.uri("/open-apis/vc/v1/alerts?start_time=1&end_time=2")
				.header("Authorization", "Bearer " + store.issueUserAccessToken("ou_admin"))
				.exchangeToMono((response) -> response.bodyToMono(String.class))
				.block();
			assertThat(answer).contains("\"code\":121002");
		}
	}

	@Test
	void shouldReadTheDisplayStringsIntoTypesAndWriteThemBackAlike() {
		MeetingRecord record = FeishuVcJson.mapper().readValue("""
				{"meeting_id": "705605196", "meeting_start_time": "2022.12.23 11:16:59 (GMT+08:00)",
				 "meeting_end_time": "sometime", "meeting_duration": "125:01:52", "number_of_participants": "3",
				 "meeting_type": 9, "is_external": true}""", MeetingRecord.class);
		assertThat(record.meetingNo()).isEqualTo("705605196");
		assertThat(record.startTime()).isEqualTo(OffsetDateTime.of(2022, 12, 23, 11, 16, 59, 0, ZoneOffset.ofHours(8)));
		assertThat(record.endTime()).as("another shape reads as absent").isNull();
		assertThat(record.duration()).isEqualTo(Duration.ofHours(125).plusMinutes(1).plusSeconds(52));
		assertThat(record.participantCount()).isEqualTo(3);
		assertThat(record.meetingType()).isEqualTo(MeetingDataType.UNKNOWN);
		assertThat(record.meetingTypeCode()).isEqualTo(9);
		assertThat(record.external()).isTrue();
		assertThat(FeishuVcJson.mapper().writeValueAsString(record)).contains(
				"\"meeting_start_time\":\"2022.12.23 11:16:59 (GMT+08:00)\"", "\"meeting_duration\":\"125:01:52\"");
		TopUser user = FeishuVcJson.mapper().readValue("{\"meeting_duration\": \"90\", \"meeting_count\": \"4\"}",
				TopUser.class);
		assertThat(user.meetingDuration()).as("minutes, unlike the daily report").isEqualTo(Duration.ofMinutes(90));
		DailyReport daily = FeishuVcJson.mapper().readValue("""
				{"total_meeting_duration": "300000", "daily_report": [{"date": "1609113600",
				 "meeting_duration": "147680"}]}""", DailyReport.class);
		assertThat(daily.totalMeetingDuration()).isEqualTo(Duration.ofSeconds(300000));
		assertThat(daily.days().get(0).date()).isEqualTo(Instant.ofEpochSecond(1609113600));
		assertThat(AlertProcessStatus.fromCode(0)).isEqualTo(AlertProcessStatus.PENDING);
		assertThat(AlertProcessStatus.fromCode(3)).isEqualTo(AlertProcessStatus.RECOVERED);
	}

}
