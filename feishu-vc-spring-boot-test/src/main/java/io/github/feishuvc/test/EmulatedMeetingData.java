package io.github.feishuvc.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.feishuvc.internal.ReportApis;
import io.github.feishuvc.test.MeetingHistory.Attendance;
import io.github.feishuvc.test.Replies.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.first;
import static io.github.feishuvc.test.EmulatedJson.isDigits;
import static io.github.feishuvc.test.EmulatedJson.seconds;

/**
 * The administrators' meeting data, derived from what happened in the emulator's meetings
 * ({@code vc-meeting-list.md}, {@code vc-reports-exports.md} §9): ended meetings in the meeting list, their joins and
 * leaves in the participant list, a minute of quality data for each minute a participant was in, each query with the
 * platform's rules and its rows shown as {@link MeetingDataViews} shows them. The exports read the same selections
 * ({@link #meetings}, {@link #participants}, {@link #quality}); the reports are {@link EmulatedReports}', the alerts
 * {@link EmulatedAlerts}', the meeting search {@link EmulatedMeetingSearch}'.
 */
final class EmulatedMeetingData implements VcRoutes.Endpoints {

	private static final int ONGOING = 1;

	private static final int ENDED = 2;

	private static final int UPCOMING = 3;

	private final Replies replies;

	private final Clock clock;

	private final EmulatedMeetings meetings;

	EmulatedMeetingData(Replies replies, Clock clock, EmulatedMeetings meetings) {
		this.replies = replies;
		this.clock = clock;
		this.meetings = meetings;
	}

	@Override
	public void serve(VcRoutes routes) {
		routes.handle(ReportApis.MEETING_LIST, (caller, call) -> page(meetings(caller, query(call.query()), false),
				"meeting_list", call.query()));
		routes.handle(ReportApis.PARTICIPANT_LIST, (caller, call) -> page(participants(caller, query(call.query())),
				"participants", call.query()));
		routes.handle(ReportApis.PARTICIPANT_QUALITY_LIST,
				(caller, call) -> page(quality(caller, query(call.query())), "participant_quality_list", call.query()));
	}

	/** The parameters of a query, by name. */
	static Function<String, @Nullable String> query(Map<String, List<String>> query) {
		return (name) -> first(query, name);
	}

	/** Rows of the meeting data, or the platform's refusal of the parameters. */
	record Rows(@Nullable Reply refusal, List<ObjectNode> rows) {

		static Rows refused(Reply refusal) {
			return new Rows(refusal, List.of());
		}

	}

	/**
	 * The meetings of {@code GET /meeting_list} and {@code POST /exports/meeting_list}, with their rules; an export
	 * may ask for upcoming meetings, of which the emulator has none.
	 */
	Rows meetings(Caller caller, Function<String, @Nullable String> params, boolean export) {
		Instant start = seconds(params.apply("start_time"));
		Instant end = seconds(params.apply("end_time"));
		Integer status = status(params.apply("meeting_status"));
		if (start == null || end == null || status == null || (status == UPCOMING && !export)) {
			return Rows.refused(this.replies.paramError());
		}
		Reply refusal = (status == UPCOMING)
				? this.replies.windowRefusal(start, end, Duration.ofDays(31), 126016, "end time cannot exceed start "
						+ "time for one month or smaller than start time for future schedule list")
				: this.replies.windowRefusal(start, end, Duration.ofDays(365), 126006,
						"end time cannot exceed start time for one year or smaller than start time");
		String meetingNo = params.apply("meeting_no");
		String userId = params.apply("user_id");
		String roomId = params.apply("room_id");
		String meetingType = params.apply("meeting_type");
		long filters = java.util.stream.Stream.of(meetingNo, userId, roomId, meetingType)
			.filter((value) -> value != null && !value.isEmpty())
			.count();
		if (refusal == null && filters > 1) {
			refusal = this.replies.error(400, 126008, "filter condition should be set only one");
		}
		if (refusal == null && meetingNo != null) {
			refusal = meetingNo(meetingNo);
		}
		if (refusal != null) {
			return Rows.refused(refusal);
		}
		List<ObjectNode> rows = new ArrayList<>();
		if (status == UPCOMING || "3".equals(meetingType) || roomId != null) {
			return new Rows(null, rows);
		}
		for (MeetingHistory meeting : this.meetings.history(caller.tenantKey())) {
			boolean inState = (status == ONGOING) == (meeting.end() == null);
			boolean inWindow = !meeting.start().isBefore(start) && !meeting.start().isAfter(end);
			boolean matches = (meetingNo == null || meetingNo.equals(meeting.meetingNo())) && (userId == null
					|| meeting.attendances().stream().anyMatch((attendance) -> attendance.userId().equals(userId)));
			if (inState && inWindow && matches) {
				rows.add(MeetingDataViews.meeting(meeting, this.clock));
			}
		}
		return new Rows(null, rows);
	}

	/**
	 * The participants of one meeting, for {@code GET /participant_list} and {@code POST /exports/participant_list}.
	 */
	Rows participants(Caller caller, Function<String, @Nullable String> params) {
		Instant start = seconds(params.apply("meeting_start_time"));
		Instant end = seconds(params.apply("meeting_end_time"));
		Integer status = status(params.apply("meeting_status"));
		String meetingNo = params.apply("meeting_no");
		if (start == null || end == null || status == null || meetingNo == null) {
			return Rows.refused(this.replies.paramError());
		}
		Reply refusal = oneMeeting(start, end, meetingNo, params);
		if (refusal != null) {
			return Rows.refused(refusal);
		}
		MeetingHistory meeting = find(caller, meetingNo, start, end, status);
		if (meeting == null) {
			return Rows.refused(noMeeting());
		}
		String userId = params.apply("user_id");
		List<ObjectNode> rows = new ArrayList<>();
		if (params.apply("room_id") != null) {
			return new Rows(null, rows);
		}
		for (Attendance attendance : meeting.attendances()) {
			if (userId == null || userId.equals(attendance.userId())) {
				rows.add(MeetingDataViews.participant(attendance));
			}
		}
		return new Rows(null, rows);
	}

	/** A minute of quality for each minute of one join, for the quality list and its export. */
	Rows quality(Caller caller, Function<String, @Nullable String> params) {
		Instant start = seconds(params.apply("meeting_start_time"));
		Instant end = seconds(params.apply("meeting_end_time"));
		Instant joined = seconds(params.apply("join_time"));
		String meetingNo = params.apply("meeting_no");
		String userId = params.apply("user_id");
		if (start == null || end == null || joined == null || meetingNo == null
				|| (userId == null && params.apply("room_id") == null)) {
			return Rows.refused(this.replies.paramError());
		}
		Reply refusal = oneMeeting(start, end, meetingNo, params);
		if (refusal != null) {
			return Rows.refused(refusal);
		}
		MeetingHistory meeting = find(caller, meetingNo, start, end, ENDED);
		if (meeting == null) {
			return Rows.refused(noMeeting());
		}
		Attendance join = meeting.attendances()
			.stream()
			.filter((attendance) -> attendance.userId().equals(userId)
					&& attendance.firstJoin().getEpochSecond() == joined.getEpochSecond())
			.findFirst()
			.orElse(null);
		if (join == null) {
			return Rows.refused(this.replies.error(400, 126010,
					"cannot find device according to the params you provide"));
		}
		Instant left = (join.finalLeave() != null) ? join.finalLeave() : meeting.end();
		List<ObjectNode> rows = new ArrayList<>();
		Instant minute = join.firstJoin().truncatedTo(ChronoUnit.MINUTES);
		for (int i = 0; rows.isEmpty() || minute.isBefore(left); i++, minute = minute.plus(Duration.ofMinutes(1))) {
			rows.add(MeetingDataViews.quality(minute, i));
		}
		return new Rows(null, rows);
	}

	private Reply page(Rows rows, String field, Map<String, List<String>> query) {
		Reply refusal = rows.refusal();
		return (refusal != null) ? refusal
				: this.replies.paged(rows.rows(), field, first(query, "page_size"), first(query, "page_token"), 20, 20,
						100);
	}


	/** The rules of a query of one meeting: its number, its window of at most a day, one of a user and a room. */
	private @Nullable Reply oneMeeting(Instant start, Instant end, String meetingNo,
			Function<String, @Nullable String> params) {
		Reply refusal = meetingNo(meetingNo);
		if (refusal == null) {
			refusal = this.replies.windowRefusal(start, end, Duration.ofDays(1), 126006, Replies.LONGER_THAN_A_DAY);
		}
		if (refusal == null && params.apply("user_id") != null && params.apply("room_id") != null) {
			refusal = this.replies.error(400, 126007, "userID and roomID cannot be set concurrently");
		}
		return refusal;
	}

	private @Nullable Reply meetingNo(String meetingNo) {
		if (!isDigits(meetingNo)) {
			return this.replies.error(400, 126003, "meeting number invalid (cannot smaller than 0)");
		}
		return (meetingNo.length() != 9)
				? this.replies.error(400, 126004, "meeting number length not correct (supposed to be 9)") : null;
	}

	private Reply noMeeting() {
		return this.replies.error(400, 126009, "cannot find meeting according to the params you provide");
	}

	/** A meeting of this number that started in the window (give or take the minute the platform rounds to). */
	private @Nullable MeetingHistory find(Caller caller, String meetingNo, Instant start, Instant end, int status) {
		for (MeetingHistory meeting : this.meetings.history(caller.tenantKey())) {
			boolean inState = (status == ONGOING) == (meeting.end() == null);
			if (meeting.meetingNo().equals(meetingNo) && inState
					&& !meeting.start().isBefore(start.minus(Duration.ofMinutes(1))) && !meeting.start().isAfter(end)) {
				return meeting;
			}
		}
		return null;
	}

	private static @Nullable Integer status(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return ENDED;
		}
		return value.matches("[1-3]") ? Integer.valueOf(value) : null;
	}

}
