package io.github.feishuvc.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.feishuvc.internal.ExportApis;
import io.github.feishuvc.test.EmulatedMeetingData.Rows;
import io.github.feishuvc.test.Replies.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.first;
import static io.github.feishuvc.test.EmulatedJson.seconds;

/**
 * The export tasks ({@code vc-reports-exports.md} §3-§8): a task reads its rows from the meeting data (or the rooms'
 * bookings) when it is created, is processing for {@link FeishuVcEmulator.Builder#exportProcessingTime}, then done,
 * its file a real {@code .xlsx} written to disk and served from there. Only who created a task (the app, or that user)
 * may read it and download its file, as the platform's overview says. Tests can make the next task fail, pad the next
 * file to a size, or answer the next download with JSON.
 */
final class EmulatedExports implements VcRoutes.Endpoints {

	private static final List<String> MEETING_COLUMNS = List.of("会议ID", "会议主题", "会议组织者", "部门", "用户ID", "工号",
			"邮箱", "手机", "会议开始时间", "会议结束时间", "会议持续时间", "参会人数量", "音频", "视频", "共享", "录制", "电话");

	private static final List<String> MEETING_FIELDS = List.of("meeting_id", "meeting_topic", "organizer",
			"department", "user_id", "employee_id", "email", "mobile", "meeting_start_time", "meeting_end_time",
			"meeting_duration", "number_of_participants", "audio", "video", "sharing", "recording", "telephone");

	private static final List<String> PARTICIPANT_COLUMNS = List.of("参会人", "部门", "用户ID", "工号", "电话", "邮箱", "设备",
			"客户端版本", "公网IP", "内网IP", "代理服务", "位置", "网络类型", "麦克风", "扬声器", "摄像头", "音频", "视频", "共享", "入会时间",
			"离会时间", "参会时长", "离会原因");

	private static final List<String> PARTICIPANT_FIELDS = List.of("participant_name", "department", "user_id",
			"employee_id", "phone", "email", "device", "app_version", "public_ip", "internal_ip", "use_rtc_proxy",
			"location", "network_type", "microphone", "speaker", "camera", "audio", "video", "sharing", "join_time",
			"leave_time", "time_in_meeting", "leave_reason");

	private static final List<String> RESERVATION_COLUMNS = List.of("会议室名称", "会议主题", "预定人", "预定人所属部门", "邀请人数",
			"接受人数", "会议开始时间", "会议结束时间", "会议时长", "会议室预定状态", "签到设备", "会议室签到状态", "会议室签到时间", "释放人", "释放时间");

	private static final List<String> RESERVATION_FIELDS = List.of("room_name", "event_title", "reserver",
			"department_of_reserver", "guests_number", "accepted_number", "event_start_time", "event_end_time",
			"event_duration", "reservation_status", "check_in_device", "room_check_in_status", "check_in_time",
			"releasing_person", "releasing_time");

	private static final List<String> MEDIA = List.of("音频", "视频", "共享屏幕");

	private static final List<String> MEDIA_FIELDS = List.of("audio", "video", "screen_sharing");

	private final Replies replies;

	private final Clock clock;

	private final EmulatedMeetingData data;

	private final EmulatedRoomBookings bookings;

	private final Duration processingTime;

	private final ScratchDirectory directory = new ScratchDirectory("feishu-vc-emulator-exports");

	private final Map<String, Task> tasks = new ConcurrentHashMap<>();

	private final Map<String, Task> files = new ConcurrentHashMap<>();

	private @Nullable String nextFailure;

	private long nextPadding;

	private @Nullable Reply nextDownload;

	EmulatedExports(Replies replies, Clock clock, EmulatedMeetingData data, EmulatedRoomBookings bookings,
			Duration processingTime) {
		this.replies = replies;
		this.clock = clock;
		this.data = data;
		this.bookings = bookings;
		this.processingTime = processingTime;
	}

	@Override
	public void serve(VcRoutes routes) {
		routes.handle(ExportApis.MEETING_LIST, (caller, call) -> create(caller, "会议明细", "meeting_list",
				call.body(), (body) -> this.data.meetings(caller, fields(body), true), MEETING_COLUMNS,
				(row) -> cells(row, MEETING_FIELDS)));
		routes.handle(ExportApis.PARTICIPANT_LIST, (caller, call) -> create(caller, "参会人明细", "participant_list",
				call.body(), (body) -> this.data.participants(caller, fields(body)), PARTICIPANT_COLUMNS,
				(row) -> cells(row, PARTICIPANT_FIELDS)));
		routes.handle(ExportApis.PARTICIPANT_QUALITY_LIST, (caller, call) -> create(caller, "参会人会议质量数据",
				"participant_quality_list", call.body(), (body) -> this.data.quality(caller, fields(body)),
				qualityColumns(), EmulatedExports::qualityCells));
		routes.handle(ExportApis.RESERVATION_LIST, (caller, call) -> create(caller, "会议室预定数据",
				"resource_reservation_list", call.body(), (body) -> reservations(caller, body), RESERVATION_COLUMNS,
				(row) -> cells(row, RESERVATION_FIELDS)));
		routes.handle(ExportApis.GET, (caller, call) -> get(caller, call.path("task_id")));
		routes.handle(ExportApis.DOWNLOAD, (caller, call) -> download(caller, call.query()));
	}

	synchronized void failNext(String failMessage) {
		this.nextFailure = failMessage;
	}

	synchronized void padNext(long bytes) {
		this.nextPadding = bytes;
	}

	synchronized void answerNextDownload(int status, int code, String msg) {
		this.nextDownload = this.replies.json(status, this.replies.object().put("code", code).put("msg", msg));
	}

	/** The number of tasks created so far. */
	int taskCount() {
		return this.tasks.size();
	}

	/** Delete the files written. */
	void close() {
		this.directory.delete();
	}

	private synchronized Reply create(Caller caller, String kind, String fileKind, byte[] bytes,
			Function<ObjectNode, Rows> select, List<String> columns,
			Function<ObjectNode, List<String>> cells) {
		ObjectNode body = this.replies.parseObject(bytes);
		if (body == null) {
			return this.replies.paramError();
		}
		Rows rows = select.apply(body);
		if (rows.refusal() != null) {
			return rows.refusal();
		}
		List<List<String>> table = new ArrayList<>();
		table.add(columns);
		rows.rows().forEach((row) -> table.add(cells.apply(row)));
		String id = this.replies.randomDigits(19);
		Task task = new Task(id, caller, kind, fileKind + "_" + id + ".xlsx", table,
				this.clock.instant().plus(this.processingTime), this.nextFailure, this.nextPadding);
		this.nextFailure = null;
		this.nextPadding = 0;
		this.tasks.put(id, task);
		ObjectNode data = this.replies.object().put("task_id", id);
		return this.replies.success(data);
	}

	private Rows reservations(Caller caller, ObjectNode body) {
		Function<String, @Nullable String> fields = fields(body);
		String level = fields.apply("room_level_id");
		Instant start = seconds(fields.apply("start_time"));
		Instant end = seconds(fields.apply("end_time"));
		if (level == null || level.isBlank() || start == null || end == null || end.isBefore(start)) {
			return Rows.refused(this.replies.paramError());
		}
		List<String> rooms = new ArrayList<>();
		body.path("room_ids").forEach((room) -> rooms.add(room.asString("")));
		return new Rows(null, this.bookings.bookings(caller, level, start, end, rooms,
				"true".equals(fields.apply("is_exclude")), "true".equals(fields.apply("need_topic"))));
	}

	private Reply get(Caller caller, String taskId) {
		Task task = this.tasks.get(taskId);
		if (task == null || !task.owner.equals(caller)) {
			return this.replies.error(404, 121004, "data not exist");
		}
		ObjectNode data = this.replies.object();
		if (this.clock.instant().isBefore(task.readyAt)) {
			data.put("status", 1);
		}
		else if (task.failure != null) {
			data.put("status", 2).put("fail_msg", task.failure);
		}
		else {
			String token = written(task);
			data.put("status", 3)
				.put("url", "https://lf1-ttcdn-tos.pstatp.com/obj/" + task.id)
				.put("file_token", token);
		}
		return this.replies.success(data);
	}

	private Reply download(Caller caller, Map<String, List<String>> query) {
		synchronized (this) {
			Reply next = this.nextDownload;
			if (next != null) {
				this.nextDownload = null;
				return next;
			}
		}
		String token = first(query, "file_token");
		Task task = (token != null) ? this.files.get(token) : null;
		if (task == null) {
			return this.replies.error(404, 121004, "data not exist");
		}
		if (!task.owner.equals(caller)) {
			return this.replies.error(403, 121005, "no permission");
		}
		return this.replies.file(Objects.requireNonNull(task.file), XlsxFile.CONTENT_TYPE, task.fileName);
	}

	/** The task's file, written once when first asked for; its token. */
	private synchronized String written(Task task) {
		if (task.token == null) {
			Path file = this.directory.resolve(task.id + ".xlsx");
			try {
				XlsxFile.write(file, task.kind, task.table, task.padding);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			task.file = file;
			// Base64-like, with the "+", "/" and "=" a client must encode in the query.
			task.token = "6yHu+" + this.replies.randomHex(16) + "/Y==";
			this.files.put(task.token, task);
		}
		return task.token;
	}

	/** A body's fields as text, as the meeting data reads its parameters. */
	private static Function<String, @Nullable String> fields(ObjectNode body) {
		return (name) -> {
			JsonNode value = body.get(name);
			return (value == null || value.isNull()) ? null : value.asString("");
		};
	}

	private static List<String> cells(ObjectNode row, List<String> fields) {
		return fields.stream().map((field) -> cell(row.get(field))).toList();
	}

	private static String cell(@Nullable JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		return value.isBoolean() ? (value.asBoolean() ? "是" : "否") : value.asString("");
	}

	private static List<String> qualityColumns() {
		List<String> columns = new ArrayList<>();
		columns.add("时间");
		for (String medium : MEDIA) {
			for (String direction : List.of("接收", "发送")) {
				for (String metric : List.of("码率", "延迟", "抖动", "丢包平均", "丢包最大")) {
					columns.add(medium + "-" + metric + "（" + direction + "）");
				}
			}
		}
		columns.addAll(List.of("客户端最小 CPU 占用", "客户端平均 CPU 占用", "客户端最大 CPU 占用", "系统最大 CPU 占用"));
		return columns;
	}

	private static List<String> qualityCells(ObjectNode minute) {
		List<String> cells = new ArrayList<>();
		JsonNode network = minute.path("network");
		cells.add(network.path("time").asString(""));
		for (String medium : MEDIA_FIELDS) {
			JsonNode values = minute.path(medium);
			for (String direction : List.of("received", "sent")) {
				cells.add(values.path("bitrate_" + direction).asString(""));
				cells.add(values.path("latency_" + direction).asString(""));
				cells.add(values.path("jitter_" + direction).asString(""));
				cells.add(network.path("packet_loss_avg_" + direction).asString(""));
				cells.add(network.path("packet_loss_max_" + direction).asString(""));
			}
		}
		JsonNode cpu = minute.path("cpu_usage");
		cells.add(cpu.path("client_avg_cpu_usage").asString(""));
		cells.add(cpu.path("client_avg_cpu_usage").asString(""));
		cells.add(cpu.path("client_max_cpu_usage").asString(""));
		cells.add(cpu.path("system_max_cpu_usage").asString(""));
		return cells;
	}

	/** An export task and, once done, its file. */
	private static final class Task {

		final String id;

		final Caller owner;

		final String kind;

		final String fileName;

		final List<List<String>> table;

		final Instant readyAt;

		final @Nullable String failure;

		final long padding;

		@Nullable String token;

		@Nullable Path file;

		Task(String id, Caller owner, String kind, String fileName, List<List<String>> table, Instant readyAt,
				@Nullable String failure, long padding) {
			this.id = id;
			this.owner = owner;
			this.kind = kind;
			this.fileName = fileName;
			this.table = table;
			this.readyAt = readyAt;
			this.failure = failure;
			this.padding = padding;
		}

	}

}
