package io.github.feishuvc.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.github.feishuvc.internal.ReserveConfigApis;
import io.github.feishuvc.internal.RoomApis;
import io.github.feishuvc.internal.RoomConfigApis;
import io.github.feishuvc.test.Replies.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.envelope;
import static io.github.feishuvc.test.EmulatedJson.first;
import static io.github.feishuvc.test.EmulatedJson.seconds;
import static io.github.feishuvc.test.EmulatedJson.userIds;

/**
 * The meeting rooms of the emulated platform: each tenant's tree of levels under its root, the rooms in it, the
 * configuration of levels and rooms (and of the legacy fixed hierarchy), their booking rules and bookings, and what
 * the room endpoints do with them, with the platform's rules (required fields, a level that holds anything is deleted
 * only with what it holds, custom ids, the 500-id limit of booking rules, the one-day window of bookings). Every change
 * of a room, a level or a booking restriction, by any client, pushes the event the platform would. Works on JSON trees
 * only, never on the starter's models.
 */
final class EmulatedRooms {

	/** The reference level of the default tenant, under its root. */
	static final String REFERENCE_LEVEL_ID = "omb_4ad1a2c7a2fbc5fc9570f38456931293";

	/** The reference rooms of the default tenant, in the reference level. */
	static final List<String> REFERENCE_ROOM_IDS = List.of("omm_4de32cf10a4358788ff4e09e37ebbf9b",
			"omm_608d34d82d531b27fa993902d350a307");

	private static final int MAX_IDS = 500;

	private static final Set<String> ROOM_CONFIG_FIELDS = Set.of("room_background", "display_background",
			"digital_signage", "room_box_digital_signage", "room_status");

	private static final DateTimeFormatter DISPLAY_TIME = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm:ss '(GMT+08:00)'")
		.withZone(ZoneOffset.ofHours(8));

	private final Replies replies;

	private final Clock clock;

	private final EventSink events;

	private final String defaultTenant;

	private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();

	EmulatedRooms(Replies replies, Clock clock, EventSink events, String defaultTenant) {
		this.replies = replies;
		this.clock = clock;
		this.events = events;
		this.defaultTenant = defaultTenant;
		Tenant tenant = tenant(defaultTenant);
		tenant.levels.put(REFERENCE_LEVEL_ID, this.replies.object()
			.put("room_level_id", REFERENCE_LEVEL_ID)
			.put("name", "Headquarters")
			.put("parent_id", tenant.rootId)
			.put("custom_group_id", "HQ"));
		String[][] rooms = { { "Everest", "12", "EV-1" }, { "Kilimanjaro", "6", "KI-1" } };
		for (int i = 0; i < rooms.length; i++) {
			ObjectNode room = this.replies.object()
				.put("room_id", REFERENCE_ROOM_IDS.get(i))
				.put("name", rooms[i][0])
				.put("capacity", Integer.parseInt(rooms[i][1]))
				.put("description", "")
				.put("display_id", "LM" + (134742334 + i))
				.put("custom_room_id", rooms[i][2])
				.put("room_level_id", REFERENCE_LEVEL_ID);
			room.putObject("room_status").put("status", true).put("schedule_status", true);
			room.putArray("device").addObject().put("name", "Phone");
			tenant.rooms.put(REFERENCE_ROOM_IDS.get(i), room);
		}
	}

	/** Serves the room, level, configuration and booking endpoints. */
	void serve(VcRoutes routes) {
		routes.handle(RoomApis.LIST, (caller, call) -> listRooms(caller, call.query()));
		routes.handle(RoomApis.GET, (caller, call) -> getRoom(caller, call.path("room_id")));
		routes.handle(RoomApis.MGET, (caller, call) -> mget(caller, call.body(), "room_ids", (tenant, id) -> {
			ObjectNode room = tenant.rooms.get(id);
			return (room != null) ? roomView(tenant, room) : null;
		}));
		routes.handle(RoomApis.CREATE, (caller, call) -> createRoom(caller, call.body()));
		routes.handle(RoomApis.PATCH, (caller, call) -> patchRoom(caller, call.path("room_id"), call.body()));
		routes.handle(RoomApis.DELETE, (caller, call) -> deleteRoom(caller, call.path("room_id")));
		routes.handle(RoomApis.SEARCH, (caller, call) -> searchRooms(caller, call.body()));
		routes.handle(RoomApis.LEVEL_LIST, (caller, call) -> listLevels(caller, call.query()));
		routes.handle(RoomApis.LEVEL_GET, (caller, call) -> getLevel(caller, call.path("room_level_id")));
		routes.handle(RoomApis.LEVEL_MGET, (caller, call) -> mget(caller, call.body(), "level_ids", (tenant, id) -> {
			ObjectNode level = tenant.level(id);
			return (level != null) ? levelView(tenant, level) : null;
		}));
		routes.handle(RoomApis.LEVEL_CREATE, (caller, call) -> createLevel(caller, call.body()));
		routes.handle(RoomApis.LEVEL_PATCH,
				(caller, call) -> patchLevel(caller, call.path("room_level_id"), call.body()));
		routes.handle(RoomApis.LEVEL_DELETE, (caller, call) -> deleteLevel(caller, call.body()));
		routes.handle(RoomApis.LEVEL_SEARCH, (caller, call) -> searchLevels(caller, call.query()));
		routes.handle(RoomApis.RESERVATIONS, (caller, call) -> reservations(caller, call.query()));
		routes.handle(RoomConfigApis.SET, (caller, call) -> setScopeConfig(caller, call.body()));
		routes.handle(RoomConfigApis.GET, (caller, call) -> getScopeConfig(caller, call.query()));
		routes.handle(RoomConfigApis.QUERY, (caller, call) -> queryLegacy(caller, call.query()));
		routes.handle(RoomConfigApis.LEGACY_SET, (caller, call) -> setLegacy(caller, call.body()));
		routes.handle(RoomConfigApis.CHECKBOARD_ACCESS_CODE, (caller, call) -> accessCode(call.body()));
		routes.handle(RoomConfigApis.ROOM_ACCESS_CODE, (caller, call) -> accessCode(call.body()));
		routes.handle(ReserveConfigApis.RESERVE_SCOPE, (caller, call) -> reserveScope(caller, call.query()));
		routes.handle(ReserveConfigApis.PATCH,
				(caller, call) -> patchReserveScope(caller, call.path("reserve_config_id"), call.query(), call.body()));
		routes.handle(ReserveConfigApis.FORM, (caller, call) -> getPart(caller, call, "reserve_form_config"));
		routes.handle(ReserveConfigApis.FORM_PATCH, (caller, call) -> patchPart(caller, call, "reserve_form_config"));
		routes.handle(ReserveConfigApis.ADMIN, (caller, call) -> getPart(caller, call, "reserve_admin_config"));
		routes.handle(ReserveConfigApis.ADMIN_PATCH, (caller, call) -> patchPart(caller, call, "reserve_admin_config"));
		routes.handle(ReserveConfigApis.DISABLE_INFORM, (caller, call) -> getPart(caller, call, "disable_inform"));
		routes.handle(ReserveConfigApis.DISABLE_INFORM_PATCH,
				(caller, call) -> patchPart(caller, call, "disable_inform"));
	}

	// Test hooks

	/** The root level of a tenant. */
	synchronized String rootLevelId(@Nullable String tenantKey) {
		return tenant(tenantKey).rootId;
	}

	/** The ids of a tenant's rooms, in the order they were made. */
	synchronized List<String> roomIds(@Nullable String tenantKey) {
		return List.copyOf(tenant(tenantKey).rooms.keySet());
	}

	/** The ids of a tenant's levels but its root, in the order they were made. */
	synchronized List<String> levelIds(@Nullable String tenantKey) {
		return List.copyOf(tenant(tenantKey).levels.keySet());
	}

	/** A room as the platform stores it. */
	synchronized @Nullable ObjectNode room(@Nullable String tenantKey, String roomId) {
		ObjectNode room = tenant(tenantKey).rooms.get(roomId);
		return (room != null) ? roomView(tenant(tenantKey), room) : null;
	}

	/** Book a room for a meeting: what the booking data reports. */
	synchronized void book(@Nullable String tenantKey, String roomId, Instant start, Instant end, String title,
			String reserverId) {
		Tenant tenant = tenant(tenantKey);
		ObjectNode room = tenant.rooms.get(roomId);
		if (room == null) {
			throw new IllegalArgumentException("No room " + roomId);
		}
		tenant.bookings.add(new Booking(roomId, start, end, title, reserverId));
	}

	// Rooms

	private synchronized Reply listRooms(Caller caller, Map<String, List<String>> query) {
		Tenant tenant = tenant(caller.tenantKey());
		String levelId = first(query, "room_level_id");
		List<ObjectNode> rooms = new ArrayList<>();
		for (ObjectNode room : tenant.rooms.values()) {
			if (levelId == null || levelId.isEmpty() || levelId.equals(room.path("room_level_id").asString())) {
				rooms.add(roomView(tenant, room));
			}
		}
		return this.replies.paged(rooms, "rooms", first(query, "page_size"), first(query, "page_token"), 20, 1, 100);
	}

	private synchronized Reply getRoom(Caller caller, String roomId) {
		Tenant tenant = tenant(caller.tenantKey());
		ObjectNode room = tenant.rooms.get(roomId);
		if (room == null) {
			return notFound();
		}
		ObjectNode data = this.replies.object();
		data.set("room", roomView(tenant, room));
		return this.replies.success(data);
	}

	private Reply createRoom(Caller caller, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		ObjectNode created;
		synchronized (this) {
			Tenant tenant = tenant(caller.tenantKey());
			if (request == null || request.path("name").asString("").isBlank() || !request.path("capacity").isInt()
					|| request.path("capacity").asInt() < 1 || request.path("room_level_id").asString("").isBlank()
					|| !validStatus(request.get("room_status")) || !validDevices(request.get("device"))) {
				return this.replies.paramError();
			}
			if (!tenant.isLevel(request.path("room_level_id").asString())) {
				return notFound();
			}
			String id = "omm_" + this.replies.randomHex(16);
			ObjectNode room = this.replies.object()
				.put("room_id", id)
				.put("name", request.path("name").asString())
				.put("capacity", request.path("capacity").asInt())
				.put("description", request.path("description").asString(""))
				.put("display_id", "LM" + this.replies.randomDigits(9))
				.put("custom_room_id", request.path("custom_room_id").asString(""))
				.put("room_level_id", request.path("room_level_id").asString());
			room.set("room_status", status(request.get("room_status")));
			room.set("device", (request.get("device") instanceof ArrayNode devices) ? devices.deepCopy()
					: this.replies.mapper().createArrayNode());
			tenant.rooms.put(id, room);
			created = roomView(tenant, room);
		}
		push(caller, roomEvent("vc.room.created_v1", created));
		ObjectNode data = this.replies.object();
		data.set("room", created);
		return this.replies.success(data);
	}

	private Reply patchRoom(Caller caller, String roomId, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		ObjectNode updated;
		synchronized (this) {
			Tenant tenant = tenant(caller.tenantKey());
			ObjectNode room = tenant.rooms.get(roomId);
			if (room == null) {
				return notFound();
			}
			if (request == null || (request.has("name") && request.path("name").asString("").isBlank())
					|| (request.has("capacity") && (!request.path("capacity").isInt() || request.path("capacity").asInt() < 1))
					|| (request.has("room_status") && !validStatus(request.get("room_status")))
					|| !validDevices(request.get("device"))) {
				return this.replies.paramError();
			}
			String levelId = request.path("room_level_id").asString("");
			if (!levelId.isEmpty() && !tenant.isLevel(levelId)) {
				return notFound();
			}
			for (String field : List.of("name", "capacity", "description", "custom_room_id", "room_level_id")) {
				if (request.has(field) && !request.get(field).isNull()) {
					room.set(field, request.get(field));
				}
			}
			if (request.has("room_status")) {
				room.set("room_status", status(request.get("room_status")));
			}
			if (request.get("device") instanceof ArrayNode devices) {
				room.set("device", devices.deepCopy());
			}
			updated = roomView(tenant, room);
		}
		push(caller, roomEvent("vc.room.updated_v1", updated));
		return this.replies.success(this.replies.object());
	}

	private Reply deleteRoom(Caller caller, String roomId) {
		synchronized (this) {
			Tenant tenant = tenant(caller.tenantKey());
			if (tenant.rooms.remove(roomId) == null) {
				return notFound();
			}
			tenant.forget(roomId);
		}
		push(caller, deletedRoomEvent(roomId));
		return this.replies.success(this.replies.object());
	}

	/** Rooms by the tenant's own ids, else by keyword within a level; only those the user may book. */
	private synchronized Reply searchRooms(Caller caller, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		if (request == null) {
			return this.replies.paramError();
		}
		Tenant tenant = tenant(caller.tenantKey());
		List<String> customIds = ids(request, "custom_room_ids");
		String keyword = request.path("keyword").asString("");
		String levelId = request.path("room_level_id").asString("");
		boolean levelNames = request.path("search_level_name").asBoolean(false);
		List<ObjectNode> found = new ArrayList<>();
		for (ObjectNode room : tenant.rooms.values()) {
			boolean matches;
			if (customIds != null && !customIds.isEmpty()) {
				matches = customIds.contains(room.path("custom_room_id").asString(""));
			}
			else {
				List<String> path = tenant.roomPath(room);
				matches = (levelId.isEmpty() || path.contains(levelId))
						&& (room.path("name").asString("").contains(keyword) || (levelNames && path.stream()
							.anyMatch((id) -> tenant.levelName(id).contains(keyword))));
			}
			if (matches && tenant.mayBook(room, caller.userId())) {
				found.add(roomView(tenant, room));
			}
		}
		JsonNode size = request.get("page_size");
		JsonNode token = request.get("page_token");
		return this.replies.paged(found, "rooms", (size != null) ? size.asString() : null,
				(token != null) ? token.asString() : null, 10, 1, 100);
	}

	// Levels

	private synchronized Reply listLevels(Caller caller, Map<String, List<String>> query) {
		Tenant tenant = tenant(caller.tenantKey());
		String parentId = first(query, "room_level_id");
		String parent = (parentId == null || parentId.isEmpty()) ? tenant.rootId : parentId;
		List<ObjectNode> levels = new ArrayList<>();
		for (ObjectNode level : tenant.levels.values()) {
			if (parent.equals(level.path("parent_id").asString())) {
				levels.add(levelView(tenant, level));
			}
		}
		return this.replies.paged(levels, "items", first(query, "page_size"), first(query, "page_token"), 20, 1, 100);
	}

	private synchronized Reply getLevel(Caller caller, String levelId) {
		Tenant tenant = tenant(caller.tenantKey());
		ObjectNode level = tenant.level("0".equals(levelId) ? tenant.rootId : levelId);
		if (level == null) {
			return notFound();
		}
		ObjectNode data = this.replies.object();
		data.set("room_level", levelView(tenant, level));
		return this.replies.success(data);
	}

	/** Rooms or levels by id: those found, in the order asked. */
	private synchronized Reply mget(Caller caller, byte[] body, String idsField,
			BiFunction<Tenant, String, @Nullable ObjectNode> view) {
		List<String> ids = ids(this.replies.parseObject(body), idsField);
		if (ids == null) {
			return this.replies.paramError();
		}
		Tenant tenant = tenant(caller.tenantKey());
		ObjectNode data = this.replies.object();
		ArrayNode items = data.putArray("items");
		for (String id : ids) {
			ObjectNode item = view.apply(tenant, id);
			if (item != null) {
				items.add(item);
			}
		}
		return this.replies.success(data);
	}

	private Reply createLevel(Caller caller, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		ObjectNode created;
		synchronized (this) {
			Tenant tenant = tenant(caller.tenantKey());
			if (request == null || request.path("name").asString("").isBlank()
					|| request.path("parent_id").asString("").isBlank()) {
				return this.replies.paramError();
			}
			if (!tenant.isLevel(request.path("parent_id").asString())) {
				return notFound();
			}
			String id = "omb_" + this.replies.randomHex(16);
			ObjectNode level = this.replies.object()
				.put("room_level_id", id)
				.put("name", request.path("name").asString())
				.put("parent_id", request.path("parent_id").asString())
				.put("custom_group_id", request.path("custom_group_id").asString(""));
			tenant.levels.put(id, level);
			created = levelView(tenant, level);
		}
		push(caller, levelEvent("vc.room_level.created_v1", created));
		ObjectNode data = this.replies.object();
		data.set("room_level", created);
		return this.replies.success(data);
	}

	private Reply patchLevel(Caller caller, String levelId, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		ObjectNode updated;
		synchronized (this) {
			Tenant tenant = tenant(caller.tenantKey());
			ObjectNode level = tenant.levels.get(levelId);
			if (level == null) {
				return notFound();
			}
			String parentId = (request != null) ? request.path("parent_id").asString("") : "";
			if (request == null || request.path("name").asString("").isBlank() || parentId.isBlank()) {
				return this.replies.paramError();
			}
			if (!tenant.isLevel(parentId)) {
				return notFound();
			}
			if (parentId.equals(levelId) || tenant.levelPath(parentId).contains(levelId)) {
				return this.replies.paramError();
			}
			level.put("name", request.path("name").asString()).put("parent_id", parentId);
			if (request.has("custom_group_id")) {
				level.put("custom_group_id", request.path("custom_group_id").asString(""));
			}
			updated = levelView(tenant, level);
		}
		push(caller, levelEvent("vc.room_level.updated_v1", updated));
		return this.replies.success(this.replies.object());
	}

	/** A level that holds levels or rooms goes only with them, when asked. */
	private Reply deleteLevel(Caller caller, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		List<ObjectNode> events = new ArrayList<>();
		synchronized (this) {
			Tenant tenant = tenant(caller.tenantKey());
			String levelId = (request != null) ? request.path("room_level_id").asString("") : "";
			if (levelId.isBlank()) {
				return this.replies.paramError();
			}
			if (!tenant.levels.containsKey(levelId)) {
				return levelId.equals(tenant.rootId) ? this.replies.paramError() : notFound();
			}
			boolean withChildren = request.path("delete_child").asBoolean(false);
			List<String> levels = tenant.subtree(levelId);
			List<String> rooms = tenant.rooms.values()
				.stream()
				.filter((room) -> levels.contains(room.path("room_level_id").asString()))
				.map((room) -> room.path("room_id").asString())
				.toList();
			if (!withChildren && (levels.size() > 1 || !rooms.isEmpty())) {
				return this.replies.error(404, 125001, "cannot delete child at this level");
			}
			for (String roomId : rooms) {
				tenant.rooms.remove(roomId);
				tenant.forget(roomId);
				events.add(deletedRoomEvent(roomId));
			}
			for (int i = levels.size() - 1; i >= 0; i--) {
				tenant.levels.remove(levels.get(i));
				tenant.forget(levels.get(i));
				ObjectNode event = envelope("vc.room_level.deleted_v1");
				((ObjectNode) event.get("event")).put("room_level_id", levels.get(i)).put("delete_child", withChildren);
				events.add(event);
			}
		}
		this.events.push(caller.tenantKey(), events);
		return this.replies.success(this.replies.object());
	}

	/** The levels of the tenant's own ids, given as one comma-separated string. */
	private synchronized Reply searchLevels(Caller caller, Map<String, List<String>> query) {
		String ids = first(query, "custom_level_ids");
		if (ids == null || ids.isBlank()) {
			return this.replies.paramError();
		}
		List<String> wanted = List.of(ids.split(","));
		Tenant tenant = tenant(caller.tenantKey());
		ObjectNode data = this.replies.object();
		ArrayNode found = data.putArray("level_ids");
		for (ObjectNode level : tenant.levels.values()) {
			String custom = level.path("custom_group_id").asString("");
			if (!custom.isEmpty() && wanted.contains(custom)) {
				found.add(level.path("room_level_id").asString());
			}
		}
		return this.replies.success(data);
	}

	// Bookings

	/** The bookings of some rooms of a level in a window of at most a day that started by now. */
	private synchronized Reply reservations(Caller caller, Map<String, List<String>> query) {
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
	synchronized List<ObjectNode> bookings(Caller caller, String levelId, Instant start, Instant end,
			List<String> roomIds, boolean exclude, boolean withTopic) {
		Tenant tenant = tenant(caller.tenantKey());
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

	// Configurations

	private synchronized Reply setScopeConfig(Caller caller, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		Tenant tenant = tenant(caller.tenantKey());
		int scopeType = (request != null && request.path("scope_type").isInt()) ? request.path("scope_type").asInt() : 0;
		String scopeId = (request != null) ? request.path("scope_id").asString("") : "";
		if ((scopeType != 1 && scopeType != 2) || scopeId.isBlank()
				|| (request.has("scope_config") && !request.get("scope_config").isObject())) {
			return this.replies.paramError();
		}
		if (!tenant.isScope(scopeType, scopeId)) {
			return notFound();
		}
		ObjectNode config = (request.get("scope_config") instanceof ObjectNode given) ? given.deepCopy()
				: this.replies.object();
		config.retain(ROOM_CONFIG_FIELDS);
		if (config.has("room_status") && !validStatus(config.get("room_status"))) {
			return this.replies.paramError();
		}
		tenant.scopeConfigs.put(scopeId, config);
		return this.replies.success(this.replies.object());
	}

	/** What applies to a scope, each value from the nearest scope that sets it, and what each scope sets. */
	private synchronized Reply getScopeConfig(Caller caller, Map<String, List<String>> query) {
		Tenant tenant = tenant(caller.tenantKey());
		String type = first(query, "scope_type");
		String scopeId = first(query, "scope_id");
		int scopeType = "1".equals(type) ? 1 : "2".equals(type) ? 2 : 0;
		if (scopeType == 0 || scopeId == null || scopeId.isBlank()) {
			return this.replies.paramError();
		}
		if (!tenant.isScope(scopeType, scopeId)) {
			return notFound();
		}
		List<String> chain = new ArrayList<>();
		chain.add(scopeId);
		List<String> above = (scopeType == 2) ? tenant.roomPath(tenant.rooms.get(scopeId)) : tenant.levelPath(scopeId);
		for (int i = above.size() - 1; i >= 0; i--) {
			chain.add(above.get(i));
		}
		ObjectNode current = this.replies.object();
		ArrayNode origins = this.replies.mapper().createArrayNode();
		for (int i = 0; i < chain.size(); i++) {
			ObjectNode own = tenant.scopeConfigs.getOrDefault(chain.get(i), this.replies.object());
			for (String field : ROOM_CONFIG_FIELDS) {
				if (!current.has(field) && own.has(field)) {
					current.set(field, own.get(field).deepCopy());
				}
			}
			ObjectNode origin = origins.addObject().put("scope_type", (i == 0) ? scopeType : 1).put("scope_id", chain.get(i));
			origin.set("scope_config", own.deepCopy());
		}
		ObjectNode data = this.replies.object();
		ObjectNode currentConfig = data.putObject("current_config").put("scope_type", scopeType).put("scope_id", scopeId);
		currentConfig.set("scope_config", current);
		data.set("origin_configs", origins);
		return this.replies.success(data);
	}

	private synchronized Reply queryLegacy(Caller caller, Map<String, List<String>> query) {
		ObjectNode location = this.replies.object();
		query.forEach((name, values) -> location.put(name, values.get(0)));
		String key = legacyKey(location);
		if (key == null) {
			return this.replies.paramError();
		}
		return this.replies.success(tenant(caller.tenantKey()).legacyConfigs.getOrDefault(key, this.replies.object())
			.deepCopy());
	}

	private synchronized Reply setLegacy(Caller caller, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		String key = (request != null) ? legacyKey(request) : null;
		if (key == null || !(request.get("room_config") instanceof ObjectNode config)) {
			return this.replies.paramError();
		}
		ObjectNode stored = config.deepCopy();
		stored.retain(ROOM_CONFIG_FIELDS);
		tenant(caller.tenantKey()).legacyConfigs.put(key, stored);
		return this.replies.success(this.replies.object());
	}

	private Reply accessCode(byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		int validDay = (request != null) ? request.path("valid_day").asInt(0) : 0;
		if (request == null || legacyKey(request) == null || (validDay != 1 && validDay != 7 && validDay != 30)) {
			return this.replies.paramError();
		}
		StringBuilder code = new StringBuilder();
		for (char c : this.replies.randomHex(5).substring(0, 9).toCharArray()) {
			code.append((char) ('A' + Character.digit(c, 16)));
		}
		return this.replies.success(this.replies.object().put("access_code", code.toString()));
	}

	/** A legacy scope as one key, or {@code null} if it lacks an id its kind needs. */
	private static @Nullable String legacyKey(ObjectNode location) {
		int scope = location.path("scope").asInt(0);
		String[] needed = switch (scope) {
			case 1 -> new String[0];
			case 2 -> new String[] { "country_id" };
			case 3 -> new String[] { "country_id", "district_id" };
			case 4 -> new String[] { "building_id" };
			case 5 -> new String[] { "building_id", "floor_name" };
			case 6 -> new String[] { "room_id" };
			default -> null;
		};
		if (needed == null) {
			return null;
		}
		StringBuilder key = new StringBuilder().append(scope);
		for (String field : needed) {
			String value = location.path(field).asString("");
			if (value.isBlank()) {
				return null;
			}
			key.append('/').append(value);
		}
		return key.toString();
	}

	// Booking configuration

	private synchronized Reply reserveScope(Caller caller, Map<String, List<String>> query) {
		Tenant tenant = tenant(caller.tenantKey());
		String scopeId = first(query, "scope_id");
		String type = first(query, "scope_type");
		if (scopeId == null || scopeId.isBlank() || !("1".equals(type) || "2".equals(type))) {
			return this.replies.paramError();
		}
		if (!tenant.isScope(Integer.parseInt(type), scopeId)) {
			return invalidScope();
		}
		ObjectNode stored = tenant.reserveConfig(scopeId);
		ObjectNode data = this.replies.object();
		data.set("approve_config", stored.path("approve_config").isObject() ? stored.get("approve_config").deepCopy()
				: this.replies.object().put("approval_switch", 0));
		data.set("time_config", stored.path("time_config").isObject() ? stored.get("time_config").deepCopy()
				: timeConfig(this.replies.object().put("time_switch", 0)));
		data.set("reserve_scope_config", stored.path("reserve_scope_config").isObject()
				? stored.get("reserve_scope_config").deepCopy() : this.replies.object().put("allow_all_users", 1));
		return this.replies.success(data);
	}

	/** The restrictions' rules; the approval is {@code approval_config} here, {@code approve_config} when read. */
	private Reply patchReserveScope(Caller caller, String scopeId, Map<String, List<String>> query, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		ObjectNode event;
		synchronized (this) {
			Tenant tenant = tenant(caller.tenantKey());
			JsonNode type = (request != null) ? request.get("scope_type") : null;
			if (type == null || !type.isString() || !("1".equals(type.asString()) || "2".equals(type.asString()))) {
				return this.replies.paramError();
			}
			int scopeType = Integer.parseInt(type.asString());
			if (!tenant.isScope(scopeType, scopeId)) {
				return invalidScope();
			}
			ObjectNode approval = (request.get("approval_config") instanceof ObjectNode given) ? given.deepCopy() : null;
			ObjectNode time = (request.get("time_config") instanceof ObjectNode given) ? given.deepCopy() : null;
			ObjectNode allowed = (request.get("reserve_scope_config") instanceof ObjectNode given) ? given.deepCopy()
					: null;
			ObjectNode stored = tenant.reserveConfig(scopeId);
			if ((approval != null && !approval(approval, stored.get("approve_config")))
					|| (time != null && !time(time)) || (allowed != null && !allowed(allowed))) {
				return this.replies.paramError();
			}
			Reply refused = checkIds(query, (approval != null) ? approval.get("approvers") : null,
					(allowed != null) ? allowed.get("allow_users") : null,
					(allowed != null) ? allowed.get("allow_depts") : null);
			if (refused != null) {
				return refused;
			}
			if (approval != null) {
				stored.set("approve_config", approval);
			}
			if (time != null) {
				stored.set("time_config", time);
			}
			if (allowed != null) {
				stored.set("reserve_scope_config", allowed);
			}
			event = reserveConfigEvent(scopeId, scopeType, stored);
		}
		push(caller, event);
		return this.replies.success(this.replies.object());
	}

	/** The approval's rules, with its defaults; {@code before} is the approval as it stands. */
	private static boolean approval(ObjectNode approval, @Nullable JsonNode before) {
		JsonNode on = approval.get("approval_switch");
		if (on != null && !(on.isInt() && (on.asInt() == 0 || on.asInt() == 1))) {
			return false;
		}
		int switchedTo = (on != null) ? on.asInt()
				: (before != null) ? before.path("approval_switch").asInt(0) : 0;
		if (on != null && switchedTo == 0) {
			return true;
		}
		JsonNode condition = approval.get("approval_condition");
		if (condition == null || !(condition.isInt() && (condition.asInt() == 0 || condition.asInt() == 1))) {
			return false;
		}
		JsonNode duration = approval.get("meeting_duration");
		if (condition.asInt() == 1 && (duration == null || !duration.isNumber() || duration.asDouble() < 0.1
				|| duration.asDouble() > 99)) {
			return false;
		}
		if (duration == null) {
			approval.put("meeting_duration", 99);
		}
		else {
			approval.put("meeting_duration", Math.round(duration.asDouble() * 100) / 100.0);
		}
		approval.put("approval_switch", switchedTo);
		return switchedTo == 0 || (approval.get("approvers") instanceof ArrayNode approvers && !approvers.isEmpty());
	}

	/** The booking times' rules, with their defaults, rounded to whole minutes. */
	private static boolean time(ObjectNode time) {
		JsonNode on = time.get("time_switch");
		if (on == null || !(on.isInt() && (on.asInt() == 0 || on.asInt() == 1))) {
			return false;
		}
		Integer days = intOr(time.get("days_in_advance"), 365);
		Integer opening = secondsOfDay(time.get("opening_hour"), 28800);
		Integer start = secondsOfDay(time.get("start_time"), 0);
		Integer end = secondsOfDay(time.get("end_time"), 86400);
		Integer longest = intOr(time.get("max_duration"), 2);
		if (days == null || days < 1 || days > 730 || opening == null || start == null || end == null
				|| end - start < 30 || longest == null || longest < 1 || longest > 99) {
			return false;
		}
		timeOf(time, days, opening, start, end, longest);
		return true;
	}

	private ObjectNode timeConfig(ObjectNode time) {
		return timeOf(time, 365, 28800, 0, 86400, 2);
	}

	private static ObjectNode timeOf(ObjectNode time, int days, int opening, int start, int end, int longest) {
		return time.put("days_in_advance", days)
			.put("opening_hour", Integer.toString(opening))
			.put("start_time", Integer.toString(start))
			.put("end_time", Integer.toString(end))
			.put("max_duration", longest);
	}

	private static boolean allowed(ObjectNode allowed) {
		JsonNode all = allowed.get("allow_all_users");
		if (all == null || !(all.isInt() && (all.asInt() == 0 || all.asInt() == 1))) {
			return false;
		}
		return all.asInt() == 1 || allowed.path("allow_users").size() + allowed.path("allow_depts").size() > 0;
	}

	private synchronized Reply getPart(Caller caller, VcRoutes.VcCall call, String part) {
		Tenant tenant = tenant(caller.tenantKey());
		String type = first(call.query(), "scope_type");
		if (!("1".equals(type) || "2".equals(type))) {
			return this.replies.paramError();
		}
		String scopeId = call.path("reserve_config_id");
		if (!tenant.isScope(Integer.parseInt(type), scopeId)) {
			return invalidScope();
		}
		JsonNode stored = tenant.reserveConfig(scopeId).get(part);
		ObjectNode data = this.replies.object();
		data.set(part, (stored != null) ? stored.deepCopy() : defaultPart(part));
		return this.replies.success(data);
	}

	private ObjectNode defaultPart(String part) {
		return switch (part) {
			case "reserve_form_config" -> this.replies.object().put("reserve_form", false).put("time_unit", 3);
			case "disable_inform" -> this.replies.object().put("if_inform", false);
			default -> this.replies.object();
		};
	}

	/** The form, the administrators or who is told: the switch each requires, the ids each may name. */
	private synchronized Reply patchPart(Caller caller, VcRoutes.VcCall call, String part) {
		Tenant tenant = tenant(caller.tenantKey());
		ObjectNode request = this.replies.parseObject(call.body());
		JsonNode type = (request != null) ? request.get("scope_type") : null;
		if (type == null || !type.isInt() || (type.asInt() != 1 && type.asInt() != 2)
				|| !(request.get(part) instanceof ObjectNode given)) {
			return this.replies.paramError();
		}
		String scopeId = call.path("reserve_config_id");
		if (!tenant.isScope(type.asInt(), scopeId)) {
			return invalidScope();
		}
		ObjectNode value = given.deepCopy();
		Reply refused = switch (part) {
			case "reserve_form_config" -> form(value, call.query());
			case "disable_inform" -> value.path("if_inform").isBoolean()
					? checkIds(call.query(), value.get("informed_users"), null, value.get("informed_depts"))
					: this.replies.paramError();
			default -> checkIds(call.query(), value.get("users"), null, value.get("depts"));
		};
		if (refused != null) {
			return refused;
		}
		tenant.reserveConfig(scopeId).set(part, value);
		return this.replies.success(this.replies.object());
	}

	/** The form's rules: a switch, a unit of 1 to 3, a notice within its unit's range (the emulator's own). */
	private @Nullable Reply form(ObjectNode form, Map<String, List<String>> query) {
		JsonNode unit = form.get("time_unit");
		if (!form.path("reserve_form").isBoolean() || (unit != null && !(unit.isInt() && unit.asInt() >= 1
				&& unit.asInt() <= 3))) {
			return this.replies.paramError();
		}
		int most = switch ((unit != null) ? unit.asInt() : 3) {
			case 1 -> 1440;
			case 2 -> 168;
			default -> 30;
		};
		JsonNode time = form.get("notified_time");
		if (time != null && (!time.isInt() || time.asInt() < 0 || time.asInt() > most)) {
			return this.replies.error(400, 126011, "notify time exceeds the scope to which the time unit appoints");
		}
		return checkIds(query, form.get("notified_users"), null, null);
	}

	/** At most 500 users and departments, each a valid id of the call's type ({@code od-} for departments). */
	private @Nullable Reply checkIds(Map<String, List<String>> query, @Nullable JsonNode users,
			@Nullable JsonNode moreUsers, @Nullable JsonNode departments) {
		int count = 0;
		String prefix = switch (String.valueOf(first(query, "user_id_type"))) {
			case "union_id" -> "on_";
			case "user_id" -> "";
			default -> "ou_";
		};
		for (JsonNode list : new JsonNode[] { users, moreUsers }) {
			if (list != null) {
				for (JsonNode user : list) {
					count++;
					String id = user.path("user_id").asString("");
					if (id.isBlank() || !id.startsWith(prefix)) {
						return this.replies.error(400, 126013, "some userIDs you put is invalid");
					}
				}
			}
		}
		if (departments != null) {
			for (JsonNode department : departments) {
				count++;
				if (!department.path("department_id").asString("").startsWith("od-")) {
					return this.replies.error(400, 126014, "some deptIDs you put is invalid");
				}
			}
		}
		return (count > MAX_IDS) ? this.replies.error(400, 126012, "updated sum of userIDs and deptIDs exceed 500")
				: null;
	}

	// Events

	private void push(Caller caller, ObjectNode event) {
		this.events.push(caller.tenantKey(), List.of(event));
	}

	/** A room as its events show it: contacts as the three ids of each. */
	private ObjectNode roomEvent(String eventType, ObjectNode room) {
		ObjectNode event = envelope(eventType);
		ObjectNode shown = room.deepCopy();
		if (shown.get("room_status") instanceof ObjectNode status && status.get("contact_ids") instanceof ArrayNode ids) {
			ArrayNode contacts = status.putArray("contact_ids");
			ids.forEach((id) -> contacts.add(userIds(id.asString())));
		}
		((ObjectNode) event.get("event")).set("room", shown);
		return event;
	}

	private ObjectNode deletedRoomEvent(String roomId) {
		ObjectNode event = envelope("vc.room.deleted_v1");
		((ObjectNode) event.get("event")).putObject("room").put("room_id", roomId);
		return event;
	}

	private ObjectNode levelEvent(String eventType, ObjectNode level) {
		ObjectNode event = envelope(eventType);
		((ObjectNode) event.get("event")).set("room_level", level.deepCopy());
		return event;
	}

	/** The restrictions as their event shows them: users as the three ids of each. */
	private ObjectNode reserveConfigEvent(String scopeId, int scopeType, ObjectNode stored) {
		ObjectNode event = envelope("vc.reserve_config.updated_v1");
		ObjectNode body = ((ObjectNode) event.get("event")).put("scope_id", scopeId).put("scope_type", scopeType);
		Function<JsonNode, ArrayNode> users = (list) -> {
			ArrayNode shown = this.replies.mapper().createArrayNode();
			list.forEach((user) -> shown.addObject().set("user_id", userIds(user.path("user_id").asString())));
			return shown;
		};
		if (stored.get("approve_config") instanceof ObjectNode approval) {
			ObjectNode shown = approval.deepCopy();
			shown.set("approvers", users.apply(approval.path("approvers")));
			body.set("approve_config", shown);
		}
		if (stored.get("time_config") instanceof ObjectNode time) {
			body.set("time_config", time.deepCopy());
		}
		if (stored.get("reserve_scope_config") instanceof ObjectNode allowed) {
			ObjectNode shown = allowed.deepCopy();
			shown.remove("if_cover_child_scope");
			shown.set("allow_users", users.apply(allowed.path("allow_users")));
			body.set("reserve_scope_config", shown);
		}
		return event;
	}

	// JSON

	private ObjectNode roomView(Tenant tenant, ObjectNode room) {
		ObjectNode view = room.deepCopy();
		ArrayNode path = view.putArray("path");
		tenant.roomPath(room).forEach(path::add);
		return view;
	}

	private ObjectNode levelView(Tenant tenant, ObjectNode level) {
		ObjectNode view = level.deepCopy();
		String id = level.path("room_level_id").asString();
		ArrayNode path = view.putArray("path");
		tenant.levelPath(id).forEach(path::add);
		view.put("has_child", tenant.levels.values().stream().anyMatch((other) -> id.equals(other.path("parent_id").asString())));
		return view;
	}

	/** A room's status as stored: enabled unless said, its future state that of now. */
	private ObjectNode status(@Nullable JsonNode given) {
		ObjectNode status = (given instanceof ObjectNode object) ? object.deepCopy()
				: this.replies.object().put("status", true);
		status.put("schedule_status", status.path("status").asBoolean(true));
		return status;
	}

	/** A status, when sent, says whether the room is enabled. */
	private static boolean validStatus(@Nullable JsonNode status) {
		return status == null || status.isNull() || (status.isObject() && status.path("status").isBoolean());
	}

	private static boolean validDevices(@Nullable JsonNode devices) {
		if (devices == null || devices.isNull()) {
			return true;
		}
		if (!devices.isArray()) {
			return false;
		}
		for (JsonNode device : devices) {
			if (device.path("name").asString("").isBlank()) {
				return false;
			}
		}
		return true;
	}

	/** One page of a list, the page token an offset. */
	/** The ids of a list field of a body, or {@code null} if it is missing, empty or holds a blank. */
	private static @Nullable List<String> ids(@Nullable ObjectNode body, String field) {
		if (body == null || !(body.get(field) instanceof ArrayNode array) || array.isEmpty()) {
			return null;
		}
		List<String> ids = new ArrayList<>();
		for (JsonNode id : array) {
			if (!id.isString() || id.asString().isBlank()) {
				return null;
			}
			ids.add(id.asString());
		}
		return ids;
	}

	private static @Nullable Integer intOr(@Nullable JsonNode value, int otherwise) {
		if (value == null || value.isNull()) {
			return otherwise;
		}
		return value.isInt() ? value.asInt() : null;
	}

	/** Seconds of the day, a string of 0 to 86400, rounded to the nearest minute. */
	private static @Nullable Integer secondsOfDay(@Nullable JsonNode value, int otherwise) {
		if (value == null || value.isNull()) {
			return otherwise;
		}
		try {
			int seconds = Integer.parseInt(value.asString());
			return (seconds >= 0 && seconds <= 86400) ? Math.round(seconds / 60.0f) * 60 : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private Reply notFound() {
		return this.replies.error(404, 121004, "data not exist");
	}

	private Reply invalidScope() {
		return this.replies.error(400, 126001,
				"invalid room or level id, check itself or whether the scope_type corresponds to it");
	}

	private Tenant tenant(@Nullable String tenantKey) {
		return this.tenants.computeIfAbsent((tenantKey != null) ? tenantKey : this.defaultTenant,
				(key) -> new Tenant("omb_" + this.replies.randomHex(16)));
	}

	/** A booking of a room. */
	private record Booking(String roomId, Instant start, Instant end, String title, String reserverId) {
	}

	/** One tenant's levels, rooms, configurations and bookings; guarded by the {@link EmulatedRooms}. */
	private static final class Tenant {

		final String rootId;

		final ObjectNode root;

		final Map<String, ObjectNode> levels = new LinkedHashMap<>();

		final Map<String, ObjectNode> rooms = new LinkedHashMap<>();

		final Map<String, ObjectNode> scopeConfigs = new HashMap<>();

		final Map<String, ObjectNode> reserveConfigs = new HashMap<>();

		final Map<String, ObjectNode> legacyConfigs = new HashMap<>();

		final List<Booking> bookings = new ArrayList<>();

		Tenant(String rootId) {
			this.rootId = rootId;
			this.root = JsonNodeFactory.instance.objectNode()
				.put("room_level_id", rootId)
				.put("name", "")
				.put("parent_id", "")
				.put("custom_group_id", "");
		}

		@Nullable ObjectNode level(String id) {
			return this.rootId.equals(id) ? this.root : this.levels.get(id);
		}

		boolean isLevel(String id) {
			return level(id) != null;
		}

		boolean isScope(int scopeType, String id) {
			return (scopeType == 1) ? isLevel(id) : this.rooms.containsKey(id);
		}

		String levelName(String id) {
			ObjectNode level = level(id);
			return (level != null) ? level.path("name").asString("") : "";
		}

		/** The ids of the levels above a level, from the root down. */
		List<String> levelPath(String id) {
			List<String> path = new ArrayList<>();
			ObjectNode level = level(id);
			while (level != null && !this.rootId.equals(level.path("room_level_id").asString())) {
				String parent = level.path("parent_id").asString("");
				path.add(0, parent);
				level = level(parent);
			}
			return path;
		}

		/** The ids of the levels above a room, from the root down to its own. */
		List<String> roomPath(ObjectNode room) {
			String levelId = room.path("room_level_id").asString();
			List<String> path = new ArrayList<>(levelPath(levelId));
			path.add(levelId);
			return path;
		}

		/** A level and every level below it, parents before children. */
		List<String> subtree(String id) {
			List<String> subtree = new ArrayList<>(List.of(id));
			for (int i = 0; i < subtree.size(); i++) {
				String parent = subtree.get(i);
				this.levels.values()
					.stream()
					.filter((level) -> parent.equals(level.path("parent_id").asString()))
					.forEach((level) -> subtree.add(level.path("room_level_id").asString()));
			}
			return subtree;
		}

		ObjectNode reserveConfig(String scopeId) {
			return this.reserveConfigs.computeIfAbsent(scopeId,
					(id) -> JsonNodeFactory.instance.objectNode());
		}

		void forget(String scopeId) {
			this.scopeConfigs.remove(scopeId);
			this.reserveConfigs.remove(scopeId);
		}

		/** Whether a user may book a room: the nearest scope that says who may, from the room up, allows them. */
		boolean mayBook(ObjectNode room, @Nullable String userId) {
			List<String> scopes = new ArrayList<>(roomPath(room));
			scopes.add(room.path("room_id").asString());
			for (int i = scopes.size() - 1; i >= 0; i--) {
				ObjectNode config = this.reserveConfigs.get(scopes.get(i));
				if (config != null && config.get("reserve_scope_config") instanceof ObjectNode allowed) {
					if (allowed.path("allow_all_users").asInt(1) == 1) {
						return true;
					}
					for (JsonNode user : allowed.path("allow_users")) {
						if (user.path("user_id").asString("").equals(userId)) {
							return true;
						}
					}
					return false;
				}
			}
			return true;
		}

	}

}
