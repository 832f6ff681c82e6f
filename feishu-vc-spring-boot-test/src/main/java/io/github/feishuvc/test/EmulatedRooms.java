package io.github.feishuvc.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.feishuvc.internal.RoomApis;
import io.github.feishuvc.test.Replies.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.first;

/**
 * The room endpoints of the emulated platform (list, get, mget, create, patch, delete, search), over the
 * {@link RoomDirectory}, with the platform's rules: required fields, a room in a level that exists, a status that says
 * whether the room is enabled, devices with names, search by custom ids or by keyword among the rooms the user may
 * book. Every change pushes its {@code vc.room.*} event.
 */
final class EmulatedRooms implements VcRoutes.Endpoints {

	private final Replies replies;

	private final EventSink events;

	private final RoomDirectory directory;

	EmulatedRooms(Replies replies, EventSink events, RoomDirectory directory) {
		this.replies = replies;
		this.events = events;
		this.directory = directory;
	}

	@Override
	public void serve(VcRoutes routes) {
		routes.handle(RoomApis.LIST, (caller, call) -> listRooms(caller, call.query()));
		routes.handle(RoomApis.GET, (caller, call) -> getRoom(caller, call.path("room_id")));
		routes.handle(RoomApis.MGET, (caller, call) -> this.directory.mget(caller, call.body(), "room_ids",
				(tenant, id) -> tenant.rooms.get(id), this.directory::roomView));
		routes.handle(RoomApis.CREATE, (caller, call) -> createRoom(caller, call.body()));
		routes.handle(RoomApis.PATCH, (caller, call) -> patchRoom(caller, call.path("room_id"), call.body()));
		routes.handle(RoomApis.DELETE, (caller, call) -> deleteRoom(caller, call.path("room_id")));
		routes.handle(RoomApis.SEARCH, (caller, call) -> searchRooms(caller, call.body()));
	}

	private Reply listRooms(Caller caller, Map<String, List<String>> query) {
		synchronized (this.directory) {
			RoomTenant tenant = this.directory.tenant(caller.tenantKey());
			String levelId = first(query, "room_level_id");
			List<ObjectNode> rooms = new ArrayList<>();
			for (ObjectNode room : tenant.rooms.values()) {
				if (levelId == null || levelId.isEmpty() || levelId.equals(room.path("room_level_id").asString())) {
					rooms.add(this.directory.roomView(tenant, room));
				}
			}
			return this.replies.paged(rooms, "rooms", first(query, "page_size"), first(query, "page_token"), 20, 1,
					100);
		}
	}

	private Reply getRoom(Caller caller, String roomId) {
		synchronized (this.directory) {
			RoomTenant tenant = this.directory.tenant(caller.tenantKey());
			ObjectNode room = tenant.rooms.get(roomId);
			if (room == null) {
				return this.directory.notFound();
			}
			ObjectNode data = this.replies.object();
			data.set("room", this.directory.roomView(tenant, room));
			return this.replies.success(data);
		}
	}

	private Reply createRoom(Caller caller, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		ObjectNode created;
		synchronized (this.directory) {
			RoomTenant tenant = this.directory.tenant(caller.tenantKey());
			if (request == null || request.path("name").asString("").isBlank() || !request.path("capacity").isInt()
					|| request.path("capacity").asInt() < 1 || request.path("room_level_id").asString("").isBlank()
					|| !validStatus(request.get("room_status")) || !validDevices(request.get("device"))) {
				return this.replies.paramError();
			}
			if (!tenant.isLevel(request.path("room_level_id").asString())) {
				return this.directory.notFound();
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
			created = this.directory.roomView(tenant, room);
		}
		this.events.push(caller.tenantKey(), List.of(RoomEvents.room("vc.room.created_v1", created)));
		ObjectNode data = this.replies.object();
		data.set("room", created);
		return this.replies.success(data);
	}

	private Reply patchRoom(Caller caller, String roomId, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		ObjectNode updated;
		synchronized (this.directory) {
			RoomTenant tenant = this.directory.tenant(caller.tenantKey());
			ObjectNode room = tenant.rooms.get(roomId);
			if (room == null) {
				return this.directory.notFound();
			}
			if (request == null || (request.has("name") && request.path("name").asString("").isBlank())
					|| (request.has("capacity") && (!request.path("capacity").isInt() || request.path("capacity").asInt() < 1))
					|| (request.has("room_status") && !validStatus(request.get("room_status")))
					|| !validDevices(request.get("device"))) {
				return this.replies.paramError();
			}
			String levelId = request.path("room_level_id").asString("");
			if (!levelId.isEmpty() && !tenant.isLevel(levelId)) {
				return this.directory.notFound();
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
			updated = this.directory.roomView(tenant, room);
		}
		this.events.push(caller.tenantKey(), List.of(RoomEvents.room("vc.room.updated_v1", updated)));
		return this.replies.success(this.replies.object());
	}

	private Reply deleteRoom(Caller caller, String roomId) {
		synchronized (this.directory) {
			RoomTenant tenant = this.directory.tenant(caller.tenantKey());
			if (tenant.rooms.remove(roomId) == null) {
				return this.directory.notFound();
			}
			tenant.forget(roomId);
		}
		this.events.push(caller.tenantKey(), List.of(RoomEvents.deletedRoom(roomId)));
		return this.replies.success(this.replies.object());
	}

	/** Rooms by the tenant's own ids, else by keyword within a level; only those the user may book. */
	private Reply searchRooms(Caller caller, byte[] body) {
		synchronized (this.directory) {
			ObjectNode request = this.replies.parseObject(body);
			if (request == null) {
				return this.replies.paramError();
			}
			RoomTenant tenant = this.directory.tenant(caller.tenantKey());
			List<String> customIds = RoomDirectory.ids(request, "custom_room_ids");
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
					found.add(this.directory.roomView(tenant, room));
				}
			}
			JsonNode size = request.get("page_size");
			JsonNode token = request.get("page_token");
			return this.replies.paged(found, "rooms", (size != null) ? size.asString() : null,
					(token != null) ? token.asString() : null, 10, 1, 100);
		}
	}

	/** A room's status as stored: enabled unless said, its future state that of now. */
	private ObjectNode status(@Nullable JsonNode given) {
		ObjectNode status = (given instanceof ObjectNode object) ? object.deepCopy()
				: this.replies.object().put("status", true);
		status.put("schedule_status", status.path("status").asBoolean(true));
		return status;
	}

	/** A status, when sent, says whether the room is enabled. */
	static boolean validStatus(@Nullable JsonNode status) {
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

}
