package io.github.feishuvc.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One tenant's levels, rooms, configurations and bookings, and how they hang together (paths, subtrees, who may
 * book); guarded by the {@link RoomDirectory} that holds it.
 */
final class RoomTenant {

	final String rootId;

	final ObjectNode root;

	final Map<String, ObjectNode> levels = new LinkedHashMap<>();

	final Map<String, ObjectNode> rooms = new LinkedHashMap<>();

	final Map<String, ObjectNode> scopeConfigs = new HashMap<>();

	final Map<String, ObjectNode> reserveConfigs = new HashMap<>();

	final Map<String, ObjectNode> legacyConfigs = new HashMap<>();

	final List<Booking> bookings = new ArrayList<>();

	RoomTenant(String rootId) {
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

	/** A booking of a room. */
	record Booking(String roomId, Instant start, Instant end, String title, String reserverId) {
	}

}
