package io.github.feishuvc.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.feishuvc.internal.DisplayTimes;
import io.github.feishuvc.test.MeetingHistory.Attendance;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rows of the meeting data as the platform shows them: a meeting of the meeting list, a participant of the
 * participant list, a minute of quality; times at the platform's {@code GMT+08:00}, the values the emulator cannot
 * know made up but fixed.
 */
final class MeetingDataViews {

	private static final ZoneOffset SHOWN_AT = ZoneOffset.ofHours(8);

	private MeetingDataViews() {
	}

	/** A row of the meeting list. */
	static ObjectNode meeting(MeetingHistory meeting, Clock clock) {
		Instant until = (meeting.end() != null) ? meeting.end() : clock.instant();
		String count = Integer.toString(meeting.attendances().size());
		ObjectNode view = JsonNodeFactory.instance.objectNode()
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

	/** A row of the participant list. */
	static ObjectNode participant(Attendance attendance) {
		return JsonNodeFactory.instance.objectNode()
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
	static ObjectNode quality(Instant minute, int index) {
		String time = shown(minute);
		ObjectNode view = JsonNodeFactory.instance.objectNode();
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

	private static ObjectNode media(String time, int index, String resolution) {
		return JsonNodeFactory.instance.objectNode()
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

}
