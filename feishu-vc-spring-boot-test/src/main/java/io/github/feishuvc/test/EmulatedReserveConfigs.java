package io.github.feishuvc.test;

import java.util.List;
import java.util.Map;

import io.github.feishuvc.internal.ReserveConfigApis;
import io.github.feishuvc.test.Replies.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.first;

/**
 * The booking rules of levels and rooms on the emulated platform, over the {@link RoomDirectory}: the restrictions
 * (approval, booking times, who may book, each with its defaults and rules), the booking form, the administrators and
 * who is told when a room is disabled; at most 500 users and departments, each a valid id of the call's type. A change
 * of the restrictions pushes {@code vc.reserve_config.updated_v1}.
 */
final class EmulatedReserveConfigs implements VcRoutes.Endpoints {

	private static final int MAX_IDS = 500;

	private final Replies replies;

	private final EventSink events;

	private final RoomDirectory directory;

	EmulatedReserveConfigs(Replies replies, EventSink events, RoomDirectory directory) {
		this.replies = replies;
		this.events = events;
		this.directory = directory;
	}

	@Override
	public void serve(VcRoutes routes) {
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

	private Reply reserveScope(Caller caller, Map<String, List<String>> query) {
		synchronized (this.directory) {
			RoomTenant tenant = this.directory.tenant(caller.tenantKey());
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
			data.set("approve_config", stored.path("approve_config").isObject()
					? stored.get("approve_config").deepCopy() : this.replies.object().put("approval_switch", 0));
			data.set("time_config", stored.path("time_config").isObject() ? stored.get("time_config").deepCopy()
					: timeConfig(this.replies.object().put("time_switch", 0)));
			data.set("reserve_scope_config", stored.path("reserve_scope_config").isObject()
					? stored.get("reserve_scope_config").deepCopy() : this.replies.object().put("allow_all_users", 1));
			return this.replies.success(data);
		}
	}

	/** The restrictions' rules; the approval is {@code approval_config} here, {@code approve_config} when read. */
	private Reply patchReserveScope(Caller caller, String scopeId, Map<String, List<String>> query, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		ObjectNode event;
		synchronized (this.directory) {
			RoomTenant tenant = this.directory.tenant(caller.tenantKey());
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
			event = RoomEvents.reserveConfig(scopeId, scopeType, stored);
		}
		this.events.push(caller.tenantKey(), List.of(event));
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

	private Reply getPart(Caller caller, VcRoutes.VcCall call, String part) {
		synchronized (this.directory) {
			RoomTenant tenant = this.directory.tenant(caller.tenantKey());
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
	}

	private ObjectNode defaultPart(String part) {
		return switch (part) {
			case "reserve_form_config" -> this.replies.object().put("reserve_form", false).put("time_unit", 3);
			case "disable_inform" -> this.replies.object().put("if_inform", false);
			default -> this.replies.object();
		};
	}

	/** The form, the administrators or who is told: the switch each requires, the ids each may name. */
	private Reply patchPart(Caller caller, VcRoutes.VcCall call, String part) {
		synchronized (this.directory) {
			RoomTenant tenant = this.directory.tenant(caller.tenantKey());
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

	private Reply invalidScope() {
		return this.replies.error(400, 126001,
				"invalid room or level id, check itself or whether the scope_type corresponds to it");
	}

}
