package io.github.feishuvc.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.github.feishuvc.internal.DisplayTimes;
import io.github.feishuvc.internal.MeetingApis;
import io.github.feishuvc.internal.ReportApis;
import io.github.feishuvc.test.MeetingHistory.Attendance;
import io.github.feishuvc.test.Replies.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.first;
import static io.github.feishuvc.test.EmulatedJson.seconds;

/**
 * The administrators' meeting data, derived from what happened in the emulator's meetings
 * ({@code vc-meeting-list.md}, {@code vc-reports-exports.md} §1, §2, §9, §10): ended meetings in the meeting list,
 * their joins and leaves in the participant list, a minute of quality data for each minute a participant was in, the
 * reports aggregating them, and the alerts a test raised. Times are shown at the platform's {@code GMT+08:00}. The
 * exports read the same selections ({@link #meetings}, {@link #participants}, {@link #quality}).
 */
final class EmulatedMeetingData implements VcRoutes.Endpoints {

	private static final ZoneOffset SHOWN_AT = ZoneOffset.ofHours(8);

	private static final Pattern DIGITS = Pattern.compile("\\d+");

	private static final Duration KEPT = Duration.ofDays(90);

	private static final int ONGOING = 1;

	private static final int ENDED = 2;

	private static final int UPCOMING = 3;

	private final Replies replies;

	private final Clock clock;

	private final EmulatedMeetings meetings;

	private final List<Raised> alerts = new CopyOnWriteArrayList<>();

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
		routes.handle(ReportApis.DAILY, (caller, call) -> daily(caller, call.query()));
		routes.handle(ReportApis.TOP_USERS, (caller, call) -> topUsers(caller, call.query()));
		routes.handle(ReportApis.ALERTS, (caller, call) -> alerts(caller, call.query()));
		routes.handle(MeetingApis.SEARCH, (caller, call) -> search(caller, call.query(), call.body()));
	}

	/**
	 * {@code POST /meetings/search}: the ended meetings the user hosted or joined, by keyword (in the topic) and
	 * filters, 15 a page unless asked (at most 30), 150 in all; every refusal with HTTP 500, as the platform's page
	 * documents them.
	 */
	private Reply search(Caller caller, Map<String, List<String>> query, byte[] bytes) {
		ObjectNode body = this.replies.parseObject(bytes);
		String keyword = (body != null && body.hasNonNull("query")) ? body.path("query").asString() : null;
		if (keyword != null && keyword.length() > 50) {
			return this.replies.error(500, 121011, "query is too long");
		}
		if (keyword != null && keyword.isEmpty()) {
			return this.replies.error(500, 121001, "invalid param");
		}
		JsonNode filter = (body != null) ? body.path("meeting_filter") : this.replies.object();
		if (!filter.isMissingNode() && !filter.isObject()) {
			return this.replies.error(500, 121012, "invalid filter");
		}
		List<String> organizers = strings(filter.path("organizer_ids"));
		List<String> participants = strings(filter.path("participant_ids"));
		List<String> rooms = strings(filter.path("open_room_ids"));
		if (organizers.size() > 128 || participants.size() > 128 || rooms.size() > 128) {
			return this.replies.error(500, 121001, "invalid param");
		}
		if (rooms.stream().anyMatch((room) -> !room.startsWith("omm_"))) {
			return this.replies.error(500, 122604, "invalid meeting room ID format");
		}
		Instant from;
		Instant until;
		try {
			from = iso(filter.path("start_time").path("start_time").asString(""));
			until = iso(filter.path("start_time").path("end_time").asString(""));
		}
		catch (DateTimeParseException ex) {
			return this.replies.error(500, 122601, "meeting time format is invalid");
		}
		List<ObjectNode> found = new ArrayList<>();
		for (MeetingHistory meeting : this.meetings.history(caller.tenantKey())) {
			List<String> attendees = meeting.attendances().stream().map(Attendance::userId).toList();
			boolean visible = meeting.end() != null
					&& (meeting.hostId().equals(caller.userId()) || attendees.contains(caller.userId()));
			boolean matches = (keyword == null
					|| meeting.topic().toLowerCase(Locale.ROOT).contains(keyword.toLowerCase(Locale.ROOT)))
					&& (organizers.isEmpty() || organizers.contains(meeting.hostId()))
					&& (participants.isEmpty() || attendees.stream().anyMatch(participants::contains))
					&& rooms.isEmpty()
					&& (from == null || !meeting.start().isBefore(from))
					&& (until == null || !meeting.start().isAfter(until));
			if (visible && matches && found.size() < 150) {
				found.add(searchItem(meeting));
			}
		}
		String size = first(query, "page_size");
		if (size != null && (!DIGITS.matcher(size).matches() || Integer.parseInt(size) > 30)) {
			return this.replies.error(500, 121021, "page_size exceeds maximum allowed value");
		}
		String token = first(query, "page_token");
		if (token != null && !token.isEmpty() && !DIGITS.matcher(token).matches()) {
			return this.replies.error(500, 121020, "page_token is invalid or expired");
		}
		ObjectNode data = this.replies.page(found, "items", size, token, 15, 1, 30);
		if (data == null) {
			return this.replies.paramError();
		}
		return this.replies.success(data.put("total", found.size()));
	}

	private ObjectNode searchItem(MeetingHistory meeting) {
		String description = shown(meeting.start()) + " | 组织者：" + meeting.hostId() + " | ID：" + meeting.meetingNo();
		ObjectNode item = this.replies.object()
			.put("id", meeting.id())
			.put("display_info", meeting.topic() + " \n " + description);
		item.putObject("meta_data")
			.put("app_link", "https://applink.feishu.cn/client/videochat/open?id=" + meeting.id())
			.put("avatar", "https://lf-package-cn.feishucdn.com/obj/vc-avatar.png")
			.put("description", description);
		return item;
	}

	private static @Nullable Instant iso(String text) {
		return text.isEmpty() ? null : OffsetDateTime.parse(text).toInstant();
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString("")));
		return values;
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
				rows.add(meetingView(meeting));
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
				rows.add(participantView(attendance));
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
			rows.add(qualityView(minute, i));
		}
		return new Rows(null, rows);
	}

	private Reply page(Rows rows, String field, Map<String, List<String>> query) {
		Reply refusal = rows.refusal();
		return (refusal != null) ? refusal
				: this.replies.paged(rows.rows(), field, first(query, "page_size"), first(query, "page_token"), 20, 20,
						100);
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
		if (reported == null || limit == null || !DIGITS.matcher(limit).matches() || Integer.parseInt(limit) < 1
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

	/** Raise an alert in a tenant: the platform's fields, the id and time filled in when missing. */
	String raise(String tenantKey, ObjectNode alert) {
		if (!alert.hasNonNull("alert_id")) {
			alert.put("alert_id", this.replies.randomDigits(19));
		}
		if (!alert.hasNonNull("alert_time")) {
			alert.put("alert_time", Long.toString(this.clock.instant().getEpochSecond()));
		}
		this.alerts.add(new Raised(tenantKey, alert.deepCopy()));
		return alert.path("alert_id").asString();
	}

	private Reply alerts(Caller caller, Map<String, List<String>> query) {
		Instant start = seconds(first(query, "start_time"));
		Instant end = seconds(first(query, "end_time"));
		String type = first(query, "query_type");
		String value = first(query, "query_value");
		if (start == null || end == null || end.isBefore(start) || (type != null && !type.matches("[1-3]"))) {
			return this.replies.paramError();
		}
		List<ObjectNode> found = new ArrayList<>();
		for (Raised raised : this.alerts) {
			Instant time = seconds(raised.alert().path("alert_time").asString(""));
			boolean target = value == null || value.equals(raised.alert().path("monitor_target_room_id").asString(""));
			if (raised.tenantKey().equals(caller.tenantKey()) && time != null && !time.isBefore(start)
					&& !time.isAfter(end) && target) {
				found.add(raised.alert());
			}
		}
		return this.replies.paged(found, "items", first(query, "page_size"), first(query, "page_token"), 100, 1, 200);
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
		if (!DIGITS.matcher(meetingNo).matches()) {
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

	private ObjectNode meetingView(MeetingHistory meeting) {
		Instant until = (meeting.end() != null) ? meeting.end() : this.clock.instant();
		String count = Integer.toString(meeting.attendances().size());
		ObjectNode view = this.replies.object()
			.put("meeting_id", meeting.meetingNo())
			.put("meeting_topic", meeting.topic())
			.put("meeting_type", 2)
			.put("organizer", meeting.hostId())
			.put("department", "")
			.put("user_id", meeting.hostId())
			.put("employee_id", "")
			.put("email", "")
			.put("mobile", "")
			.put("meeting_start_time", shown(meeting.start()))
			.put("meeting_end_time", (meeting.end() != null) ? shown(meeting.end()) : "")
			.put("meeting_duration", DisplayTimes.format(Duration.between(meeting.start(), until)))
			.put("number_of_participants", count)
			.put("number_of_devices", count)
			.put("audio", true)
			.put("video", true)
			.put("sharing", meeting.shared())
			.put("recording", meeting.recorded())
			.put("telephone", false);
		view.putArray("reserved_rooms");
		return view.put("has_related_document", false)
			.put("ai_note", false)
			.put("is_external", false)
			.put("meeting_subtype", 0)
			.put("meeting_instance_id", meeting.id())
			.put("number_of_webinar_viewers", "0");
	}

	private ObjectNode participantView(Attendance attendance) {
		return this.replies.object()
			.put("participant_name", attendance.userId())
			.put("department", "")
			.put("user_id", attendance.userId())
			.put("meeting_room_id", "")
			.put("employee_id", "")
			.put("phone", "")
			.put("email", "")
			.put("device", "mac")
			.put("app_version", "7.30.0")
			.put("public_ip", "203.0.113.7")
			.put("internal_ip", "192.168.1.7")
			.put("use_rtc_proxy", false)
			.put("location", "中国大陆")
			.put("network_type", "wifi")
			.put("protocol", "udp")
			.put("microphone", "与系统一致")
			.put("speaker", "与系统一致")
			.put("camera", "FaceTime HD Camera")
			.put("audio", true)
			.put("video", true)
			.put("sharing", false)
			.put("join_time", shown(attendance.firstJoin()))
			.put("leave_time", (attendance.finalLeave() != null) ? shown(attendance.finalLeave()) : "")
			.put("time_in_meeting", DisplayTimes.format(attendance.attended()))
			.put("leave_reason", attendance.endedByHost() ? "主持人结束会议" : "主动离会")
			.put("accept_status", 4)
			.put("is_external", false)
			.put("webinar_user_role", "0");
	}

	/** One minute of quality, its values made up but fixed for the minute's place in the join. */
	private ObjectNode qualityView(Instant minute, int index) {
		String time = shown(minute);
		ObjectNode view = this.replies.object();
		view.putObject("network")
			.put("time", time)
			.put("network_delay", (40 + index % 7) + "ms")
			.put("bitrate_received", (900 + index % 11) + "kbps")
			.put("packet_loss_avg_received", (index % 3) + "%")
			.put("packet_loss_max_received", (index % 3 + 1) + "%")
			.put("bitrate_sent", (800 + index % 13) + "kbps")
			.put("packet_loss_avg_sent", (index % 2) + "%")
			.put("packet_loss_max_sent", (index % 2 + 1) + "%");
		view.putObject("audio")
			.put("time", time)
			.put("mic_input_volume", "6dB")
			.put("speaker_volume", "8dB")
			.put("bitrate_received", "32kbps")
			.put("latency_received", (30 + index % 5) + "ms")
			.put("jitter_received", (index % 4) + "ms")
			.put("bitrate_sent", "32kbps")
			.put("latency_sent", (31 + index % 5) + "ms")
			.put("jitter_sent", (index % 3) + "ms");
		view.set("video", media(time, index, "1080P"));
		view.set("screen_sharing", media(time, index, "720P"));
		view.putObject("cpu_usage")
			.put("time", time)
			.put("client_avg_cpu_usage", (5 + index % 4) + "%")
			.put("client_max_cpu_usage", (9 + index % 4) + "%")
			.put("system_avg_cpu_usage", (20 + index % 6) + "%")
			.put("system_max_cpu_usage", (35 + index % 6) + "%");
		return view;
	}

	private ObjectNode media(String time, int index, String resolution) {
		return this.replies.object()
			.put("time", time)
			.put("bitrate_received", (1200 + index % 17) + "kbps")
			.put("latency_received", (45 + index % 5) + "ms")
			.put("jitter_received", (index % 5) + "ms")
			.put("maximum_resolution_received", resolution)
			.put("framerate_received", "30fps")
			.put("bitrate_sent", (1100 + index % 19) + "kbps")
			.put("latency_sent", (44 + index % 5) + "ms")
			.put("jitter_sent", (index % 4) + "ms")
			.put("maximum_resolution_sent", resolution)
			.put("framerate_sent", "30fps");
	}

	static String shown(Instant time) {
		return DisplayTimes.format(time.atOffset(SHOWN_AT));
	}

	/** An alert a test raised in a tenant. */
	private record Raised(String tenantKey, ObjectNode alert) {
	}

}
