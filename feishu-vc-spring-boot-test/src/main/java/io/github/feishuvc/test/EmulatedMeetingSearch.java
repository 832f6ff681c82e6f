package io.github.feishuvc.test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.feishuvc.internal.MeetingApis;
import io.github.feishuvc.test.MeetingHistory.Attendance;
import io.github.feishuvc.test.Replies.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.first;
import static io.github.feishuvc.test.EmulatedJson.isDigits;

/**
 * The meeting search of the emulated platform ({@code POST /meetings/search}), over the meetings'
 * {@link EmulatedMeetings#history history}: the ended meetings the user hosted or joined, by keyword and filters.
 */
final class EmulatedMeetingSearch implements VcRoutes.Endpoints {

	private final Replies replies;

	private final EmulatedMeetings meetings;

	EmulatedMeetingSearch(Replies replies, EmulatedMeetings meetings) {
		this.replies = replies;
		this.meetings = meetings;
	}

	@Override
	public void serve(VcRoutes routes) {
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
		if (size != null && (!isDigits(size) || Integer.parseInt(size) > 30)) {
			return this.replies.error(500, 121021, "page_size exceeds maximum allowed value");
		}
		String token = first(query, "page_token");
		if (token != null && !token.isEmpty() && !isDigits(token)) {
			return this.replies.error(500, 121020, "page_token is invalid or expired");
		}
		ObjectNode data = this.replies.page(found, "items", size, token, 15, 1, 30);
		if (data == null) {
			return this.replies.paramError();
		}
		return this.replies.success(data.put("total", found.size()));
	}

	private ObjectNode searchItem(MeetingHistory meeting) {
		String description = MeetingDataViews.shown(meeting.start()) + " | 组织者：" + meeting.hostId() + " | ID：" + meeting.meetingNo();
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

}
