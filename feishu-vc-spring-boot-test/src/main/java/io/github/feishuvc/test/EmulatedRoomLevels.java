package io.github.feishuvc.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.feishuvc.internal.RoomApis;
import io.github.feishuvc.test.Replies.Reply;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.first;

/**
 * The room level endpoints of the emulated platform (list, get, mget, create, patch, delete, search by custom ids),
 * over the {@link RoomDirectory}, with the platform's rules: a level under a level that exists and never under itself,
 * level {@code 0} for the root, and a level that holds levels or rooms deleted only with them, when asked. Every change
 * pushes its {@code vc.room_level.*} event (and a deleted room's {@code vc.room.deleted_v1}).
 */
final class EmulatedRoomLevels implements VcRoutes.Endpoints {

	private final Replies replies;

	private final EventSink events;

	private final RoomDirectory directory;

	EmulatedRoomLevels(Replies replies, EventSink events, RoomDirectory directory) {
		this.replies = replies;
		this.events = events;
		this.directory = directory;
	}

	@Override
	public void serve(VcRoutes routes) {
		routes.handle(RoomApis.LEVEL_LIST, (caller, call) -> listLevels(caller, call.query()));
		routes.handle(RoomApis.LEVEL_GET, (caller, call) -> getLevel(caller, call.path("room_level_id")));
		routes.handle(RoomApis.LEVEL_MGET, (caller, call) -> this.directory.mget(caller, call.body(), "level_ids",
				RoomTenant::level, this.directory::levelView));
		routes.handle(RoomApis.LEVEL_CREATE, (caller, call) -> createLevel(caller, call.body()));
		routes.handle(RoomApis.LEVEL_PATCH,
				(caller, call) -> patchLevel(caller, call.path("room_level_id"), call.body()));
		routes.handle(RoomApis.LEVEL_DELETE, (caller, call) -> deleteLevel(caller, call.body()));
		routes.handle(RoomApis.LEVEL_SEARCH, (caller, call) -> searchLevels(caller, call.query()));
	}

	private Reply listLevels(Caller caller, Map<String, List<String>> query) {
		synchronized (this.directory) {
			RoomTenant tenant = this.directory.tenant(caller.tenantKey());
			String parentId = first(query, "room_level_id");
			String parent = (parentId == null || parentId.isEmpty()) ? tenant.rootId : parentId;
			List<ObjectNode> levels = new ArrayList<>();
			for (ObjectNode level : tenant.levels.values()) {
				if (parent.equals(level.path("parent_id").asString())) {
					levels.add(this.directory.levelView(tenant, level));
				}
			}
			return this.replies.paged(levels, "items", first(query, "page_size"), first(query, "page_token"), 20, 1,
					100);
		}
	}

	private Reply getLevel(Caller caller, String levelId) {
		synchronized (this.directory) {
			RoomTenant tenant = this.directory.tenant(caller.tenantKey());
			ObjectNode level = tenant.level("0".equals(levelId) ? tenant.rootId : levelId);
			if (level == null) {
				return this.directory.notFound();
			}
			ObjectNode data = this.replies.object();
			data.set("room_level", this.directory.levelView(tenant, level));
			return this.replies.success(data);
		}
	}

	private Reply createLevel(Caller caller, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		ObjectNode created;
		synchronized (this.directory) {
			RoomTenant tenant = this.directory.tenant(caller.tenantKey());
			if (request == null || request.path("name").asString("").isBlank()
					|| request.path("parent_id").asString("").isBlank()) {
				return this.replies.paramError();
			}
			if (!tenant.isLevel(request.path("parent_id").asString())) {
				return this.directory.notFound();
			}
			String id = "omb_" + this.replies.randomHex(16);
			ObjectNode level = this.replies.object()
				.put("room_level_id", id)
				.put("name", request.path("name").asString())
				.put("parent_id", request.path("parent_id").asString())
				.put("custom_group_id", request.path("custom_group_id").asString(""));
			tenant.levels.put(id, level);
			created = this.directory.levelView(tenant, level);
		}
		this.events.push(caller.tenantKey(), List.of(RoomEvents.level("vc.room_level.created_v1", created)));
		ObjectNode data = this.replies.object();
		data.set("room_level", created);
		return this.replies.success(data);
	}

	private Reply patchLevel(Caller caller, String levelId, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		ObjectNode updated;
		synchronized (this.directory) {
			RoomTenant tenant = this.directory.tenant(caller.tenantKey());
			ObjectNode level = tenant.levels.get(levelId);
			if (level == null) {
				return this.directory.notFound();
			}
			String parentId = (request != null) ? request.path("parent_id").asString("") : "";
			if (request == null || request.path("name").asString("").isBlank() || parentId.isBlank()) {
				return this.replies.paramError();
			}
			if (!tenant.isLevel(parentId)) {
				return this.directory.notFound();
			}
			if (parentId.equals(levelId) || tenant.levelPath(parentId).contains(levelId)) {
				return this.replies.paramError();
			}
			level.put("name", request.path("name").asString()).put("parent_id", parentId);
			if (request.has("custom_group_id")) {
				level.put("custom_group_id", request.path("custom_group_id").asString(""));
			}
			updated = this.directory.levelView(tenant, level);
		}
		this.events.push(caller.tenantKey(), List.of(RoomEvents.level("vc.room_level.updated_v1", updated)));
		return this.replies.success(this.replies.object());
	}

	/** A level that holds levels or rooms goes only with them, when asked. */
	private Reply deleteLevel(Caller caller, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		List<ObjectNode> events = new ArrayList<>();
		synchronized (this.directory) {
			RoomTenant tenant = this.directory.tenant(caller.tenantKey());
			String levelId = (request != null) ? request.path("room_level_id").asString("") : "";
			if (levelId.isBlank()) {
				return this.replies.paramError();
			}
			if (!tenant.levels.containsKey(levelId)) {
				return levelId.equals(tenant.rootId) ? this.replies.paramError() : this.directory.notFound();
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
				events.add(RoomEvents.deletedRoom(roomId));
			}
			for (int i = levels.size() - 1; i >= 0; i--) {
				tenant.levels.remove(levels.get(i));
				tenant.forget(levels.get(i));
				events.add(RoomEvents.deletedLevel(levels.get(i), withChildren));
			}
		}
		this.events.push(caller.tenantKey(), events);
		return this.replies.success(this.replies.object());
	}

	/** The levels of the tenant's own ids, given as one comma-separated string. */
	private Reply searchLevels(Caller caller, Map<String, List<String>> query) {
		synchronized (this.directory) {
			String ids = first(query, "custom_level_ids");
			if (ids == null || ids.isBlank()) {
				return this.replies.paramError();
			}
			List<String> wanted = List.of(ids.split(","));
			RoomTenant tenant = this.directory.tenant(caller.tenantKey());
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
	}

}
