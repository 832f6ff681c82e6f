package io.github.feishuvc.reserve;

import java.time.Duration;
import java.time.Instant;

import io.github.feishuvc.internal.ReserveApis;
import io.github.feishuvc.core.CallInfo;
import io.github.feishuvc.core.FeishuVcInvalidResponseException;
import io.github.feishuvc.meeting.Meeting;
import io.github.feishuvc.meeting.MeetingParticipant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An empty value is an absent one for every type alike; a value that is there but not a number is refused, naming
 * the field.
 */
class LenientDecodingTests {

	private static final CallInfo INFO = new CallInfo("reserve.get", 1, 200, null, null);

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "\"\"", "\"   \"", "null" })
	void shouldReadAnEmptyTimeDurationCountOrCodeAsAbsent(String empty) {
		Meeting meeting = meeting("\"end_time\": " + empty + ", \"start_time\": " + empty + ", \"participant_count\": "
				+ empty + ", \"status\": " + empty + ", \"meeting_connect\": " + empty
				+ ", \"participants\": [{\"id\": \"ou_1\", \"in_meeting_duration\": " + empty + ", \"user_type\": " + empty
				+ ", \"is_host\": " + empty + "}]");

		assertThat(meeting.endTime()).isNull();
		assertThat(meeting.startTime()).isNull();
		assertThat(meeting.participantCount()).isNull();
		assertThat(meeting.statusCode()).isNull();
		assertThat(meeting.meetingConnect()).isNull();
		MeetingParticipant participant = meeting.participants().get(0);
		assertThat(participant.inMeetingDuration()).isNull();
		assertThat(participant.userTypeCode()).isNull();
		assertThat(participant.isHost()).isNull();
		assertThat(reserve("\"end_time\": " + empty + ", \"expire_status\": " + empty).endTime()).isNull();
	}

	@Test
	void shouldReadSecondsWithFractionsAsStringsOrNumbers() {
		Meeting meeting = meeting("\"end_time\": 1608883322, \"start_time\": \"1608883322.25\", \"participants\": "
				+ "[{\"in_meeting_duration\": \"90.5\"}, {\"in_meeting_duration\": 3}]");

		assertThat(meeting.endTime()).isEqualTo(Instant.ofEpochSecond(1608883322));
		assertThat(meeting.startTime()).isEqualTo(Instant.ofEpochSecond(1608883322, 250_000_000));
		assertThat(meeting.participants().get(0).inMeetingDuration()).isEqualTo(Duration.ofMillis(90_500));
		assertThat(meeting.participants().get(1).inMeetingDuration()).isEqualTo(Duration.ofSeconds(3));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "\"end_time\": \"soon\"|data.meeting.end_time",
			"\"end_time\": {}|data.meeting.end_time", "\"end_time\": \"1e999\"|data.meeting.end_time",
			"\"participant_count\": \"many\"|data.meeting.participant_count",
			"\"status\": \"ongoing\"|data.meeting.status", "\"meeting_connect\": \"maybe\"|data.meeting.meeting_connect",
			"\"participants\": [{}, {\"in_meeting_duration\": \"long\"}]|data.meeting.participants[1].in_meeting_duration" })
	void shouldRefuseAValueThatIsNotANumberNamingTheField(String field, String path) {
		assertThatExceptionOfType(FeishuVcInvalidResponseException.class).isThrownBy(() -> meeting(field))
			.withMessageContaining("not the platform's JSON (field " + path + ")");
	}

	private static Meeting meeting(String fields) {
		return ReserveApis.GET_ACTIVE_MEETING.reader().read(INFO, ("{\"code\": 0, \"msg\": \"success\", \"data\": {\"meeting\": {\"id\": \"1\", "
				+ fields + "}}}").getBytes());
	}

	private static Reserve reserve(String fields) {
		return ReserveApis.GET.reader().read(INFO, ("{\"code\": 0, \"msg\": \"success\", \"data\": {\"reserve\": {\"id\": \"1\", "
				+ fields + "}}}").getBytes());
	}

}
