package io.github.feishuvc.test;

import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.envelope;
import static io.github.feishuvc.test.EmulatedJson.userIds;

/**
 * The events the platform pushes when a room, a level or a booking restriction changes, by any client: rooms and
 * levels as their views show them, users as the three ids of each.
 */
final class RoomEvents {

	private RoomEvents() {
	}

	/** A room as its events show it: contacts as the three ids of each. */
	static ObjectNode room(String eventType, ObjectNode room) {
		ObjectNode event = envelope(eventType);
		ObjectNode shown = room.deepCopy();
		if (shown.get("room_status") instanceof ObjectNode status && status.get("contact_ids") instanceof ArrayNode ids) {
			ArrayNode contacts = status.putArray("contact_ids");
			ids.forEach((id) -> contacts.add(userIds(id.asString())));
		}
		((ObjectNode) event.get("event")).set("room", shown);
		return event;
	}

	static ObjectNode deletedRoom(String roomId) {
		ObjectNode event = envelope("vc.room.deleted_v1");
		((ObjectNode) event.get("event")).putObject("room").put("room_id", roomId);
		return event;
	}

	static ObjectNode level(String eventType, ObjectNode level) {
		ObjectNode event = envelope(eventType);
		((ObjectNode) event.get("event")).set("room_level", level.deepCopy());
		return event;
	}

	static ObjectNode deletedLevel(String levelId, boolean withChildren) {
		ObjectNode event = envelope("vc.room_level.deleted_v1");
		((ObjectNode) event.get("event")).put("room_level_id", levelId).put("delete_child", withChildren);
		return event;
	}

	/** The restrictions as their event shows them: users as the three ids of each. */
	static ObjectNode reserveConfig(String scopeId, int scopeType, ObjectNode stored) {
		ObjectNode event = envelope("vc.reserve_config.updated_v1");
		ObjectNode body = ((ObjectNode) event.get("event")).put("scope_id", scopeId).put("scope_type", scopeType);
		Function<JsonNode, ArrayNode> users = (list) -> {
			ArrayNode shown = JsonNodeFactory.instance.arrayNode();
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

}
