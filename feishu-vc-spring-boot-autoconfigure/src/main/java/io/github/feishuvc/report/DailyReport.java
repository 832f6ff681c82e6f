package io.github.feishuvc.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * The tenant's meeting use over a window, day by day ({@code meeting_report} of {@code GET /reports/get_daily}).
 * Durations are in seconds on the wire.
 *
 * @param totalMeetingCount how many meetings there were
 * @param totalMeetingDuration how long they lasted, in all
 * @param totalParticipantCount how many took part, in all
 * @param days each day's use
 */
public record DailyReport(long totalMeetingCount, @Nullable Duration totalMeetingDuration, long totalParticipantCount,
		@JsonProperty("daily_report") List<Day> days) {

	/**
	 * Create a report; the list is copied.
	 * @param totalMeetingCount how many meetings there were
	 * @param totalMeetingDuration how long they lasted, in all
	 * @param totalParticipantCount how many took part, in all
	 * @param days each day's use
	 */
	public DailyReport {
		days = Lists.immutable(days);
	}

	/**
	 * One day's meeting use ({@code report_meeting_daily}).
	 *
	 * @param date the day's start
	 * @param meetingCount how many meetings there were
	 * @param meetingDuration how long they lasted, in all
	 * @param participantCount how many took part, in all
	 */
	public record Day(@Nullable Instant date, long meetingCount, @Nullable Duration meetingDuration,
			long participantCount) {
	}

}
