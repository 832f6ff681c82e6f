package io.github.feishuvc.meeting.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.feishuvc.core.UserType;
import io.github.feishuvc.events.FeishuEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * {@link MeetingEventDecoder} on the documentation's example and on each event's own fields.
 */
class MeetingEventDecoderTests {

	private static final String USER = """
			{"id": {"union_id": "on_1", "user_id": "e33ggbyz", "open_id": "ou_1"}, "user_role": 2, "user_type": 1}""";

	private static final String DOCUMENTED_MEETING = """
			{"id": "6911188411934433028", "topic": "my meeting", "meeting_no": "235812466", "meeting_source": 1,
			 "start_time": "1608883322", "end_time": "1608883899", "host_user": %1$s, "owner": %1$s,
			 "calendar_event_id": "efa67a98-06a8-4df5-8559-746c8f4477ef_0", "meeting_sub_type": 1,
			 "security_setting": {"security_level": 1, "group_ids": ["oc_1"], "user_ids": [{"open_id": "ou_2"}],
			                      "room_ids": ["omm_1"], "has_set_security_contacts_and_group": true},
			 "webinar_setting": {"webinar_type": 1}}""".formatted(USER);

	private final MeetingEventDecoder decoder = new MeetingEventDecoder();

	@Test
	void shouldDecodeEveryFieldOfTheDocumentedExample() {
		MeetingEvent event = decode(MeetingStartedEvent.TYPE,
				"{\"meeting\": " + DOCUMENTED_MEETING + ", \"operator\": " + USER + "}");

		assertThat(event).isInstanceOf(MeetingStartedEvent.class);
		assertThat(event.eventId()).isEqualTo("5e3702a84e847582be8db7fb73283c02");
		assertThat(event.tenantKey()).isEqualTo("2ca1d211f64f6438");
		assertThat(event.createTime()).isEqualTo(Instant.ofEpochMilli(1608725989000L));
		EventMeeting meeting = event.meeting();
		assertThat(meeting.id()).isEqualTo("6911188411934433028");
		assertThat(meeting.topic()).isEqualTo("my meeting");
		assertThat(meeting.meetingNo()).isEqualTo("235812466");
		assertThat(meeting.meetingSource()).isEqualTo(MeetingSource.CALENDAR);
		assertThat(meeting.startTime()).isEqualTo(Instant.ofEpochSecond(1608883322L));
		assertThat(meeting.endTime()).isEqualTo(Instant.ofEpochSecond(1608883899L));
		assertThat(meeting.calendarEventId()).isEqualTo("efa67a98-06a8-4df5-8559-746c8f4477ef_0");
		assertThat(meeting.meetingSubType()).isEqualTo(MeetingSubType.PRE_MEETING_CASTING);
		assertThat(meeting.securitySetting().securityLevel()).isEqualTo(SecurityLevel.ANYONE);
		assertThat(meeting.securitySetting().groupIds()).containsExactly("oc_1");
		assertThat(meeting.securitySetting().userIds()).containsExactly(new EventUserIds(null, null, "ou_2"));
		assertThat(meeting.securitySetting().roomIds()).containsExactly("omm_1");
		assertThat(meeting.securitySetting().hasSetSecurityContactsAndGroup()).isTrue();
		assertThat(meeting.webinarSetting().webinarType()).isEqualTo(WebinarType.STANDARD);
		for (EventUser user : List.of(meeting.hostUser(), meeting.owner(), event.operator())) {
			assertThat(user.id()).isEqualTo(new EventUserIds("on_1", "e33ggbyz", "ou_1"));
			assertThat(user.userRole()).isEqualTo(UserRole.HOST);
			assertThat(user.userType()).isEqualTo(UserType.LARK_USER);
		}
	}

	@Test
	void shouldDecodeWhoLeftAndWhy() {
		LeaveMeetingEvent event = (LeaveMeetingEvent) decode(LeaveMeetingEvent.TYPE, "{\"meeting\": "
				+ DOCUMENTED_MEETING + ", \"operator\": " + USER + ", \"leave_reason\": 3, \"leave_user\": " + USER + "}");

		assertThat(event.leaveReason()).isEqualTo(LeaveReason.KICKED_OUT);
		assertThat(event.leaveUser().id().openId()).isEqualTo("ou_1");
	}

	@Test
	void shouldDecodeTheRecordingOfTheReducedMeetingOfRecordingReady() {
		RecordingReadyEvent event = (RecordingReadyEvent) decode(RecordingReadyEvent.TYPE, """
				{"meeting": {"id": "6911", "topic": "t", "meeting_no": "235812466", "meeting_source": 4,
				  "owner": {"id": {"open_id": "ou_1"}}},
				 "url": "https://meetings.feishu.cn/minutes/obcn37dxcftoc3656rgyejm7", "duration": "30000"}
				""");

		assertThat(event.url()).isEqualTo("https://meetings.feishu.cn/minutes/obcn37dxcftoc3656rgyejm7");
		assertThat(event.duration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(event.operator()).isNull();
		assertThat(event.meeting().hostUser()).isNull();
		assertThat(event.meeting().owner().id().openId()).isEqualTo("ou_1");
	}

	@Test
	void shouldKeepCodesThisVersionDoesNotKnowAndIgnoreNewFields() {
		MeetingEvent event = decode(AllMeetingEndedEvent.TYPE, """
				{"meeting": {"id": "1", "meeting_source": 7, "meeting_sub_type": 70, "future_field": {"x": 1},
				  "security_setting": {"security_level": 9}, "webinar_setting": {"webinar_type": 5}},
				 "operator": {"id": {"open_id": "ou_1"}, "user_role": 8, "user_type": 42}}
				""");

		assertThat(event.meeting().meetingSource()).isEqualTo(MeetingSource.UNKNOWN);
		assertThat(event.meeting().meetingSourceCode()).isEqualTo(7);
		assertThat(event.meeting().meetingSubTypeCode()).isEqualTo(70);
		assertThat(event.meeting().securitySetting().securityLevelCode()).isEqualTo(9);
		assertThat(event.meeting().webinarSetting().webinarTypeCode()).isEqualTo(5);
		assertThat(event.operator().userRoleCode()).isEqualTo(8);
		assertThat(event.operator().userType()).isEqualTo(UserType.UNKNOWN);
	}

	@Test
	void shouldDecodeEachOfTheTwelveTypesToItsRecord() {
		for (String type : MeetingEventDecoder.types()) {
			MeetingEvent event = decode(type, "{\"meeting\": " + DOCUMENTED_MEETING + ", \"operator\": " + USER + "}");

			assertThat(event.getClass().getSimpleName()).as(type)
				.isEqualTo(recordName(type.substring("vc.meeting.".length(), type.length() - "_v1".length())));
		}
		assertThat(MeetingEventDecoder.types()).hasSize(12);
	}

	@Test
	void shouldLeaveOtherEventsAlone() {
		assertThat(this.decoder.decode(new FeishuEvent("im.message.receive_v1", "e1", "t1", null, "{}"))).isNull();
	}

	@Test
	void shouldRefuseAMeetingEventWithoutItsMeetingOrId() {
		assertThatIllegalArgumentException().isThrownBy(() -> decode(MeetingEndedEvent.TYPE, "{\"operator\": " + USER + "}"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.decoder
			.decode(new FeishuEvent(MeetingEndedEvent.TYPE, null, null, null, "{\"event\": {\"meeting\": {\"id\": \"1\"}}}")));
		assertThatRuntimeException().isThrownBy(() -> decode(MeetingEndedEvent.TYPE, "{\"meeting\": \"not an object\"}"));
	}

	/** {@code meeting_started} is {@code MeetingStartedEvent}, {@code join_meeting} is {@code JoinMeetingEvent}. */
	private static String recordName(String words) {
		StringBuilder name = new StringBuilder();
		for (String word : words.split("_")) {
			name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
		}
		return name + "Event";
	}

	private MeetingEvent decode(String type, String body) {
		String json = """
				{"schema": "2.0",
				 "header": {"event_id": "5e3702a84e847582be8db7fb73283c02", "event_type": "%s",
				   "create_time": "1608725989000", "app_id": "cli_9f5343c580712544", "tenant_key": "2ca1d211f64f6438"},
				 "event": %s}
				""".formatted(type, body);
		return this.decoder.decode(new FeishuEvent(type, "5e3702a84e847582be8db7fb73283c02", "2ca1d211f64f6438",
				"cli_9f5343c580712544", json));
	}

}
