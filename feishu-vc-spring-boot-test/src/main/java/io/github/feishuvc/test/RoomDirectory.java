package io.github.feishuvc.test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import io.github.feishuvc.test.Replies.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The meeting rooms' state on the emulated platform: each tenant's tree of levels under its root, the rooms in it,
 * their configurations and bookings ({@link RoomTenant}), and the views of rooms and levels the endpoints answer with.
 * The room families ({@link EmulatedRooms}, {@link EmulatedRoomLevels}, {@link EmulatedRoomConfigs},
 * {@link EmulatedReserveConfigs}, {@link EmulatedRoomBookings}) read and change it holding its lock, and push their
 * events once they let go of it. Works on JSON trees only, never on the starter's models.
 */
final class RoomDirectory {

	/** The reference level of the default tenant, under its root. */
	static final String REFERENCE_LEVEL_ID = "omb_4ad1a2c7a2fbc5fc9570f38456931293";

	/** The reference rooms of the default tenant, in the reference level. */
	static final List<String> REFERENCE_ROOM_IDS = List.of("omm_4de32cf10a4358788ff4e09e37ebbf9b",
			"omm_608d34d82d531b27fa993902d350a307");

	private final Replies replies;

	private final String defaultTenant;

	private final Map<String, RoomTenant> tenants = new ConcurrentHashMap<>();

	/**
	 * Each tenant's root level id, drawn once per emulator: a reset builds the rooms afresh, but a client that holds a
	 * root's id (as {@code GET /room_levels/0} gave it) must find it still.
	 */
	private final Map<String, String> roots;

	RoomDirectory(Replies replies, String defaultTenant, Map<String, String> roots) {
		this.replies = replies;
		this.defaultTenant = defaultTenant;
		this.roots = roots;
		RoomTenant tenant = tenant(defaultTenant);
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

	/** A tenant's rooms, made with its root on first use; read and change them holding this object's lock. */
	RoomTenant tenant(@Nullable String tenantKey) {
		return this.tenants.computeIfAbsent((tenantKey != null) ? tenantKey : this.defaultTenant,
				(key) -> new RoomTenant(
						this.roots.computeIfAbsent(key, (tenant) -> "omb_" + this.replies.randomHex(16))));
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

	/**
	 * Every tenant's levels but its root, for the emulator's state, as stored, parents before their children; a level
	 * under its tenant's root says {@code "0"}, as the platform's paths name the root, since another emulator draws
	 * its roots' ids afresh.
	 */
	synchronized ArrayNode levelState() {
		ArrayNode state = this.replies.mapper().createArrayNode();
		// The tree from its root down, not the order the levels were made: a level moved under a later one comes
		// after it, so that loading the document finds every parent before its children.
		this.tenants.forEach((tenantKey, tenant) -> tenant.subtree(tenant.rootId).stream().skip(1).forEach((id) -> {
			ObjectNode entry = state.addObject().put("tenantKey", tenantKey);
			entry.set("level", rootAsZero(tenant, tenant.levels.get(id), "parent_id"));
		}));
		return state;
	}

	/** Each of a tenant's levels but its root, by id, with its parent's id. */
	synchronized Map<String, String> levelParents(String tenantKey) {
		Map<String, String> parents = new HashMap<>();
		tenant(tenantKey).levels.forEach((id, level) -> parents.put(id, level.path("parent_id").asString("")));
		return parents;
	}

	/** Every tenant's rooms for the emulator's state, as stored; one on its tenant's root says {@code "0"}. */
	synchronized ArrayNode roomState() {
		ArrayNode state = this.replies.mapper().createArrayNode();
		this.tenants.forEach((tenantKey, tenant) -> tenant.rooms.values().forEach((room) -> {
			ObjectNode entry = state.addObject().put("tenantKey", tenantKey);
			entry.set("room", rootAsZero(tenant, room, "room_level_id"));
		}));
		return state;
	}

	private static ObjectNode rootAsZero(RoomTenant tenant, ObjectNode stored, String field) {
		ObjectNode copy = stored.deepCopy();
		if (tenant.rootId.equals(copy.path(field).asString())) {
			copy.put(field, "0");
		}
		return copy;
	}

	/** Add (or replace) a level of the emulator's state, under a level its tenant has (checked before). */
	synchronized void loadLevel(String tenantKey, ObjectNode level) {
		RoomTenant tenant = tenant(tenantKey);
		tenant.levels.put(level.path("room_level_id").asString(), rootAsId(tenant, level, "parent_id"));
	}

	/** Add (or replace) a room of the emulator's state, on a level its tenant has (checked before). */
	synchronized void loadRoom(String tenantKey, ObjectNode room) {
		RoomTenant tenant = tenant(tenantKey);
		tenant.rooms.put(room.path("room_id").asString(), rootAsId(tenant, room, "room_level_id"));
	}

	private static ObjectNode rootAsId(RoomTenant tenant, ObjectNode loaded, String field) {
		ObjectNode copy = loaded.deepCopy();
		String level = copy.path(field).asString("");
		if (level.isEmpty() || level.equals("0")) {
			copy.put(field, tenant.rootId);
		}
		return copy;
	}

	// What the endpoints share

	/** Rooms or levels by id: those found, in the order asked, as the view shows them. */
	synchronized Reply mget(Caller caller, byte[] body, String idsField,
			BiFunction<RoomTenant, String, @Nullable ObjectNode> find,
			BiFunction<RoomTenant, ObjectNode, ObjectNode> view) {
		List<String> ids = ids(this.replies.parseObject(body), idsField);
		if (ids == null) {
			return this.replies.paramError();
		}
		RoomTenant tenant = tenant(caller.tenantKey());
		ObjectNode data = this.replies.object();
		ArrayNode items = data.putArray("items");
		for (String id : ids) {
			ObjectNode item = find.apply(tenant, id);
			if (item != null) {
				items.add(view.apply(tenant, item));
			}
		}
		return this.replies.success(data);
	}

	ObjectNode roomView(RoomTenant tenant, ObjectNode room) {
		ObjectNode view = room.deepCopy();
		ArrayNode path = view.putArray("path");
		tenant.roomPath(room).forEach(path::add);
		return view;
	}

	ObjectNode levelView(RoomTenant tenant, ObjectNode level) {
		ObjectNode view = level.deepCopy();
		String id = level.path("room_level_id").asString();
		ArrayNode path = view.putArray("path");
		tenant.levelPath(id).forEach(path::add);
		view.put("has_child", tenant.levels.values().stream().anyMatch((other) -> id.equals(other.path("parent_id").asString())));
		return view;
	}

	Reply notFound() {
		return this.replies.error(404, 121004, "data not exist");
	}

	/** The ids of a list field of a body, or {@code null} if it is missing, empty or holds a blank. */
	static @Nullable List<String> ids(@Nullable ObjectNode body, String field) {
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

}
