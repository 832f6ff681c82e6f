package io.github.feishuvc.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.feishuvc.internal.RoomConfigApis;
import io.github.feishuvc.test.Replies.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.first;

/**
 * The configuration of levels and rooms on the emulated platform, over the {@link RoomDirectory}: set and get a
 * scope's configuration (each value from the nearest scope that sets it), the legacy fixed hierarchy's configuration
 * (country, district, building, floor, room) and the deletion of one of its configurations, and the access codes of
 * its check-in boards and rooms and of a level's or a room's devices.
 */
final class EmulatedRoomConfigs implements VcRoutes.Endpoints {

	private static final Set<String> ROOM_CONFIG_FIELDS = Set.of("room_background", "display_background",
			"digital_signage", "room_box_digital_signage", "room_status");

	private final Replies replies;

	private final RoomDirectory directory;

	EmulatedRoomConfigs(Replies replies, RoomDirectory directory) {
		this.replies = replies;
		this.directory = directory;
	}

	@Override
	public void serve(VcRoutes routes) {
		routes.handle(RoomConfigApis.SET, (caller, call) -> setScopeConfig(caller, call.body()));
		routes.handle(RoomConfigApis.GET, (caller, call) -> getScopeConfig(caller, call.query()));
		routes.handle(RoomConfigApis.QUERY, (caller, call) -> queryLegacy(caller, call.query()));
		routes.handle(RoomConfigApis.LEGACY_SET, (caller, call) -> setLegacy(caller, call.body()));
		routes.handle(RoomConfigApis.CHECKBOARD_ACCESS_CODE, (caller, call) -> accessCode(call.body()));
		routes.handle(RoomConfigApis.ROOM_ACCESS_CODE, (caller, call) -> accessCode(call.body()));
		routes.handle(RoomConfigApis.SCOPE_ACCESS_CODE, (caller, call) -> scopeAccessCode(caller, call.body()));
		routes.handle(RoomConfigApis.LEGACY_DELETE, (caller, call) -> deleteLegacy(caller, call.body()));
	}

	/** {@code POST /scope_config/access_code}: a level or a room of the tenant, valid 1, 7 or 30 days. */
	private Reply scopeAccessCode(Caller caller, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		int scopeType = (request != null) ? request.path("scope_type").asInt(0) : 0;
		String scopeId = (request != null) ? request.path("scope_id").asString("") : "";
		int validDay = (request != null) ? request.path("valid_day").asInt(0) : 0;
		if ((scopeType != 1 && scopeType != 2) || scopeId.isBlank()
				|| (validDay != 1 && validDay != 7 && validDay != 30)) {
			return this.replies.paramError();
		}
		synchronized (this.directory) {
			if (!this.directory.tenant(caller.tenantKey()).isScope(scopeType, scopeId)) {
				return this.directory.notFound();
			}
		}
		return this.replies.success(this.replies.object().put("access_code", newCode()));
	}

	/**
	 * {@code POST /room_configs/del}: the platform does not say what {@code config} names; here, one field of the
	 * scope's configuration, which the scope then no longer sets.
	 */
	private Reply deleteLegacy(Caller caller, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		String key = (request != null) ? legacyKey(request) : null;
		String config = (request != null) ? request.path("config").asString("") : "";
		if (key == null || !ROOM_CONFIG_FIELDS.contains(config)) {
			return this.replies.paramError();
		}
		synchronized (this.directory) {
			ObjectNode stored = this.directory.tenant(caller.tenantKey()).legacyConfigs.get(key);
			if (stored != null) {
				stored.remove(config);
			}
		}
		return this.replies.success(this.replies.object());
	}

	private Reply setScopeConfig(Caller caller, byte[] body) {
		synchronized (this.directory) {
			ObjectNode request = this.replies.parseObject(body);
			RoomTenant tenant = this.directory.tenant(caller.tenantKey());
			int scopeType = (request != null && request.path("scope_type").isInt()) ? request.path("scope_type").asInt()
					: 0;
			String scopeId = (request != null) ? request.path("scope_id").asString("") : "";
			if ((scopeType != 1 && scopeType != 2) || scopeId.isBlank()
					|| (request.has("scope_config") && !request.get("scope_config").isObject())) {
				return this.replies.paramError();
			}
			if (!tenant.isScope(scopeType, scopeId)) {
				return this.directory.notFound();
			}
			ObjectNode config = (request.get("scope_config") instanceof ObjectNode given) ? given.deepCopy()
					: this.replies.object();
			config.retain(ROOM_CONFIG_FIELDS);
			if (config.has("room_status") && !EmulatedRooms.validStatus(config.get("room_status"))) {
				return this.replies.paramError();
			}
			tenant.scopeConfigs.put(scopeId, config);
			return this.replies.success(this.replies.object());
		}
	}

	/** What applies to a scope, each value from the nearest scope that sets it, and what each scope sets. */
	private Reply getScopeConfig(Caller caller, Map<String, List<String>> query) {
		synchronized (this.directory) {
			RoomTenant tenant = this.directory.tenant(caller.tenantKey());
			String type = first(query, "scope_type");
			String scopeId = first(query, "scope_id");
			int scopeType = "1".equals(type) ? 1 : "2".equals(type) ? 2 : 0;
			if (scopeType == 0 || scopeId == null || scopeId.isBlank()) {
				return this.replies.paramError();
			}
			if (!tenant.isScope(scopeType, scopeId)) {
				return this.directory.notFound();
			}
			List<String> chain = new ArrayList<>();
			chain.add(scopeId);
			List<String> above = (scopeType == 2) ? tenant.roomPath(tenant.rooms.get(scopeId))
					: tenant.levelPath(scopeId);
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
				ObjectNode origin = origins.addObject()
					.put("scope_type", (i == 0) ? scopeType : 1)
					.put("scope_id", chain.get(i));
				origin.set("scope_config", own.deepCopy());
			}
			ObjectNode data = this.replies.object();
			ObjectNode currentConfig = data.putObject("current_config")
				.put("scope_type", scopeType)
				.put("scope_id", scopeId);
			currentConfig.set("scope_config", current);
			data.set("origin_configs", origins);
			return this.replies.success(data);
		}
	}

	private Reply queryLegacy(Caller caller, Map<String, List<String>> query) {
		synchronized (this.directory) {
			ObjectNode location = this.replies.object();
			query.forEach((name, values) -> location.put(name, values.get(0)));
			String key = legacyKey(location);
			if (key == null) {
				return this.replies.paramError();
			}
			return this.replies.success(this.directory.tenant(caller.tenantKey())
				.legacyConfigs.getOrDefault(key, this.replies.object())
				.deepCopy());
		}
	}

	private Reply setLegacy(Caller caller, byte[] body) {
		synchronized (this.directory) {
			ObjectNode request = this.replies.parseObject(body);
			String key = (request != null) ? legacyKey(request) : null;
			if (key == null || !(request.get("room_config") instanceof ObjectNode config)) {
				return this.replies.paramError();
			}
			ObjectNode stored = config.deepCopy();
			stored.retain(ROOM_CONFIG_FIELDS);
			this.directory.tenant(caller.tenantKey()).legacyConfigs.put(key, stored);
			return this.replies.success(this.replies.object());
		}
	}

	private Reply accessCode(byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		int validDay = (request != null) ? request.path("valid_day").asInt(0) : 0;
		if (request == null || legacyKey(request) == null || (validDay != 1 && validDay != 7 && validDay != 30)) {
			return this.replies.paramError();
		}
		return this.replies.success(this.replies.object().put("access_code", newCode()));
	}

	/** Nine capital letters, as the platform's example {@code YNMLTJOUZ}. */
	private String newCode() {
		StringBuilder code = new StringBuilder();
		for (char c : this.replies.randomHex(5).substring(0, 9).toCharArray()) {
			code.append((char) ('A' + Character.digit(c, 16)));
		}
		return code.toString();
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

}
