package io.github.feishuvc.test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.feishuvc.internal.RoomApis;
import io.github.feishuvc.test.Replies.Reply;
import io.github.feishuvc.test.RoomTenant.Booking;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.first;
import static io.github.feishuvc.test.EmulatedJson.seconds;

/**
 * The rooms' bookings: those a test makes (the platform makes them from calendars, not through the API), what
 * {@code GET /resource_reservation_list} reports of them in a window of at most a day that started by now, and what the
 * booking data's export reads.
 */
final class EmulatedRoomBookings implements VcRoutes.Endpoints {

	private static final DateTimeFormatter DISPLAY_TIME = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm:ss '(GMT+08:00)'")
		.withZone(ZoneOffset.ofHours(8));

	private final Replies replies;

	private final RoomDirectory directory;

	EmulatedRoomBookings(Replies replies, RoomDirectory directory) {
		this.replies = replies;
		this.directory = directory;
	}

	@Override
	public void serve(VcRoutes routes) {
		routes.handle(RoomApis.RESERVATIONS, (caller, call) -> reservations(caller, call.query()));
	}

	/** Book a room for a meeting: what the booking data reports. */
	void book(@Nullable String tenantKey, String roomId, Instant start, Instant end, String title, String reserverId) {
		synchronized (this.directory) {
			RoomTenant tenant = this.directory.tenant(tenantKey);
			ObjectNode room = tenant.rooms.get(roomId);
			if (room == null) {
				throw new IllegalArgumentException("No room " + roomId);
			}
			tenant.bookings.add(new Booking(roomId, start, end, title, reserverId));
		}
	}

	/** The bookings of some rooms of a level in a window of at most a day that started by now. */
	private Reply reservations(Caller caller, Map<String, List<String>> query) {
		String levelId = first(query, "room_level_id");
		Instant start = seconds(first(query, "start_time"));
		Instant end = seconds(first(query, "end_time"));
		List<String> roomIds = query.getOrDefault("room_ids", List.of());
		if (levelId == null || levelId.isBlank() || start == null || end == null || roomIds.isEmpty()) {
			return this.replies.paramError();
		}
		Reply refusal = this.replies.windowRefusal(start, end, Duration.ofDays(1), 126006, Replies.LONGER_THAN_A_DAY);
		if (refusal != null) {
			return refusal;
		}
		List<ObjectNode> found = bookings(caller, levelId, start, end, roomIds,
				"true".equals(first(query, "is_exclude")), "true".equals(first(query, "need_topic")));
		return this.replies.paged(found, "room_reservation_list", first(query, "page_size"),
				first(query, "page_token"), 20, 20, 100);
	}

	/**
	 * The bookings of a tenant's rooms that overlap a window: those of some rooms, or of every room of a level but
	 * some ({@code exclude}, or no rooms named at all); an unknown level is the tenant's root.
	 */
	List<ObjectNode> bookings(Caller caller, String levelId, Instant start, Instant end, List<String> roomIds,
			boolean exclude, boolean withTopic) {
		synchronized (this.directory) {
			RoomTenant tenant = this.directory.tenant(caller.tenantKey());
			String level = tenant.isLevel(levelId) ? levelId : tenant.rootId;
			boolean wholeLevel = exclude || roomIds.isEmpty();
			List<ObjectNode> found = new ArrayList<>();
			for (Booking booking : tenant.bookings) {
				ObjectNode room = tenant.rooms.get(booking.roomId());
				boolean chosen = wholeLevel
						? room != null && tenant.roomPath(room).contains(level) && !roomIds.contains(booking.roomId())
						: roomIds.contains(booking.roomId());
				if (room != null && chosen && booking.start().isBefore(end) && booking.end().isAfter(start)) {
					found.add(bookingView(room, booking, withTopic));
				}
			}
			return found;
		}
	}

	private ObjectNode bookingView(ObjectNode room, Booking booking, boolean withTopic) {
		ObjectNode view = this.replies.object()
			.put("room_id", booking.roomId())
			.put("room_name", room.path("name").asString(""));
		if (withTopic) {
			view.put("event_title", booking.title());
		}
		Duration length = Duration.between(booking.start(), booking.end());
		return view.put("reserver", booking.reserverId())
			.put("reserver_user_id", booking.reserverId() + "(UserID)")
			.put("department_of_reserver", "")
			.put("guests_number", "1")
			.put("accepted_number", "1")
			.put("event_start_time", DISPLAY_TIME.format(booking.start()))
			.put("event_end_time", DISPLAY_TIME.format(booking.end()))
			.put("event_duration", String.format("%d:%02d:%02d", length.toHours(), length.toMinutesPart(),
					length.toSecondsPart()))
			.put("reservation_status", "预定成功")
			.put("check_in_device", "")
			.put("room_check_in_status", "无需签到")
			.put("check_in_time", "")
			.put("is_release_early", "")
			.put("releasing_person", "")
			.put("releasing_time", "");
	}

}
