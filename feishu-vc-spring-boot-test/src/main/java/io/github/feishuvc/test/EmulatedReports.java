package io.github.feishuvc.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.feishuvc.internal.ReportApis;
import io.github.feishuvc.test.MeetingHistory.Attendance;
import io.github.feishuvc.test.Replies.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.first;
import static io.github.feishuvc.test.EmulatedJson.isDigits;
import static io.github.feishuvc.test.EmulatedJson.seconds;

/**
 * The reports of the emulated platform ({@code vc-reports-exports.md} §1, §2): the daily report and the top users,
 * aggregating the ended meetings that started in a window of the last 90 days.
 */
final class EmulatedReports implements VcRoutes.Endpoints {

	private static final Duration KEPT = Duration.ofDays(90);

	private final Replies replies;

	private final Clock clock;

	private final EmulatedMeetings meetings;

	EmulatedReports(Replies replies, Clock clock, EmulatedMeetings meetings) {
		this.replies = replies;
		this.clock = clock;
		this.meetings = meetings;
	}

	@Override
	public void serve(VcRoutes routes) {
		routes.handle(ReportApis.DAILY, (caller, call) -> daily(caller, call.query()));
		routes.handle(ReportApis.TOP_USERS, (caller, call) -> topUsers(caller, call.query()));
	}

	private Reply daily(Caller caller, Map<String, List<String>> query) {
		List<MeetingHistory> reported = reported(caller, query);
		if (reported == null) {
			return this.replies.paramError();
		}
		Map<Instant, long[]> days = new TreeMap<>();
		for (MeetingHistory meeting : reported) {
			long[] day = days.computeIfAbsent(meeting.start().truncatedTo(ChronoUnit.DAYS), (key) -> new long[3]);
			day[0]++;
			day[1] += Duration.between(meeting.start(), meeting.end()).toSeconds();
			day[2] += meeting.attendances().size();
		}
		ObjectNode report = this.replies.object();
		long[] total = new long[3];
		ArrayNode daily = report.putArray("daily_report");
		days.forEach((date, day) -> {
			daily.addObject()
				.put("date", Long.toString(date.getEpochSecond()))
				.put("meeting_count", Long.toString(day[0]))
				.put("meeting_duration", Long.toString(day[1]))
				.put("participant_count", Long.toString(day[2]));
			for (int i = 0; i < 3; i++) {
				total[i] += day[i];
			}
		});
		report.put("total_meeting_count", Long.toString(total[0]))
			.put("total_meeting_duration", Long.toString(total[1]))
			.put("total_participant_count", Long.toString(total[2]));
		ObjectNode data = this.replies.object();
		data.set("meeting_report", report);
		return this.replies.success(data);
	}

	private Reply topUsers(Caller caller, Map<String, List<String>> query) {
		List<MeetingHistory> reported = reported(caller, query);
		String limit = first(query, "limit");
		String orderBy = first(query, "order_by");
		if (reported == null || limit == null || !isDigits(limit) || Integer.parseInt(limit) < 1
				|| Integer.parseInt(limit) > 100 || !("1".equals(orderBy) || "2".equals(orderBy))) {
			return this.replies.paramError();
		}
		Map<String, long[]> users = new LinkedHashMap<>();
		for (MeetingHistory meeting : reported) {
			for (Attendance attendance : meeting.attendances()) {
				long[] user = users.computeIfAbsent(attendance.userId(), (key) -> new long[2]);
				user[0]++;
				user[1] += attendance.attended().toSeconds();
			}
		}
		int rank = "1".equals(orderBy) ? 0 : 1;
		ObjectNode data = this.replies.object();
		ArrayNode top = data.putArray("top_user_report");
		users.entrySet()
			.stream()
			.sorted(Comparator.comparingLong((Map.Entry<String, long[]> user) -> -user.getValue()[rank])
				.thenComparing(Map.Entry::getKey))
			.limit(Integer.parseInt(limit))
			.forEach((user) -> top.addObject()
				.put("id", user.getKey())
				.put("name", user.getKey())
				.put("user_type", 1)
				.put("meeting_count", Long.toString(user.getValue()[0]))
				.put("meeting_duration", Long.toString(user.getValue()[1] / 60)));
		return this.replies.success(data);
	}

	/**
	 * The ended meetings a report reads: those that started in its window, which lies in the last 90 days, of a data
	 * region the platform knows; {@code null} for a query the platform refuses.
	 */
	private @Nullable List<MeetingHistory> reported(Caller caller, Map<String, List<String>> query) {
		Instant start = seconds(first(query, "start_time"));
		Instant end = seconds(first(query, "end_time"));
		String unit = first(query, "unit");
		if (start == null || end == null || !end.isAfter(start) || start.isBefore(this.clock.instant().minus(KEPT))
				|| (unit != null && !unit.matches("[0-3]"))) {
			return null;
		}
		return this.meetings.history(caller.tenantKey())
			.stream()
			.filter((meeting) -> meeting.end() != null && !meeting.start().isBefore(start)
					&& !meeting.start().isAfter(end))
			.toList();
	}

}
