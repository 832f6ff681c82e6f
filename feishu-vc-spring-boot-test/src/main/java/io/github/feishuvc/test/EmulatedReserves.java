package io.github.feishuvc.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.feishuvc.internal.ReserveApis;
import io.github.feishuvc.test.Replies.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.first;

/**
 * The reservations of the emulated platform and what the VC reserve endpoints do with them. Works on JSON trees
 * only, never on the starter's models, so that it checks the starter rather than mirroring it.
 *
 * <p>A reservation belongs to whoever made it: the app (tenant access token) or a user (user access token), in one
 * tenant. The user named as its {@code reserve_user_id} (the {@code owner_id} of an app's apply) may use it too;
 * other tenants do not see it at all.
 */
final class EmulatedReserves implements VcRoutes.Endpoints {

	static final String REFERENCE_RESERVE_ID = "6911188411934973028";

	private static final Duration MAX_RESERVATION = Duration.ofDays(30);

	private static final int MAX_ASSIGNED_HOSTS = 10;

	private static final String APP_LINK = "https://applink.feishu.cn/client/videochat/open?source=openplatform"
			+ "&action=join&idtype=reservationid&id={?}&preview={?}&mic={?}&speaker={?}&camera={?}";

	private final Replies replies;

	private final Clock clock;

	private final Map<String, StoredReserve> reserves = new ConcurrentHashMap<>();

	private final Set<String> meetingNumbers = ConcurrentHashMap.newKeySet();

	private final EmulatedMeetings meetings;

	EmulatedReserves(Replies replies, Clock clock, String referenceTenant, EmulatedMeetings meetings) {
		this.replies = replies;
		this.clock = clock;
		this.meetings = meetings;
		ObjectNode reference = (ObjectNode) readResource("reserve-get-response.json").path("data").path("reserve");
		ObjectNode meeting = (ObjectNode) readResource("get-active-meeting-response.json").path("data").path("meeting");
		this.reserves.put(REFERENCE_RESERVE_ID, new StoredReserve(reference, Caller.app(referenceTenant), false,
				meetings.addRunning(meeting, referenceTenant)));
		this.meetingNumbers.add(reference.path("meeting_no").asString());
	}

	// Endpoints

	/** Serves the reservation endpoints. */
	@Override
	public void serve(VcRoutes routes) {
		routes.handle(ReserveApis.APPLY, (caller, call) -> apply(caller, call.query(), call.body()));
		routes.handle(ReserveApis.GET, (caller, call) -> get(caller, call.path("reserve_id"), call.query()));
		routes.handle(ReserveApis.UPDATE,
				(caller, call) -> update(caller, call.path("reserve_id"), call.query(), call.body()));
		routes.handle(ReserveApis.DELETE, (caller, call) -> delete(caller, call.path("reserve_id")));
		routes.handle(ReserveApis.GET_ACTIVE_MEETING,
				(caller, call) -> activeMeeting(caller, call.path("reserve_id"), call.query()));
	}

	Reply apply(Caller caller, Map<String, List<String>> query, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		if (request == null) {
			return paramError();
		}
		if (!(request.get("meeting_settings") instanceof ObjectNode settings)) {
			return paramError();
		}
		boolean call = settings.path("meeting_initial_type").asInt(1) == 2;
		Instant endTime = parseSeconds(request.get("end_time"));
		boolean endTimeUnreadable = request.has("end_time") && endTime == null;
		if (endTimeUnreadable || (endTime == null && !call) || (endTime != null && !isValidEndTime(endTime))) {
			return paramError();
		}
		String owner = caller.isApp() ? request.path("owner_id").asString("") : caller.userId();
		if (owner.isEmpty()) {
			return paramError();
		}
		Reply error = checkSettings(settings, false);
		if (error != null) {
			return error;
		}
		ArrayNode invalidHosts = this.replies.mapper().createArrayNode();
		ObjectNode reserve = this.replies.object();
		synchronized (this) {
			reserve.put("id", uniqueReserveId());
			reserve.put("meeting_no", uniqueMeetingNo());
		}
		String password = settings.has("password") ? settings.path("password").asString("")
				: this.replies.randomDigits(6);
		if (!password.isEmpty()) {
			reserve.put("password", password);
		}
		reserve.put("url", "https://vc.feishu.cn/j/" + reserve.path("meeting_no").asString());
		reserve.put("app_link", APP_LINK);
		reserve.put("live_link", "https://meetings.feishu.cn/s/" + this.replies.randomHex(6));
		if (endTime != null) {
			reserve.put("end_time", Long.toString(endTime.getEpochSecond()));
		}
		reserve.put("reserve_user_id", owner);
		ObjectNode storedSettings = settings.deepCopy();
		storedSettings.remove("password");
		keepValidHosts(storedSettings, query, invalidHosts);
		reserve.set("meeting_settings", storedSettings);
		this.reserves.put(reserve.path("id").asString(), new StoredReserve(reserve, caller, true, null));
		return this.replies.success(result(reserve, invalidHosts, "app_link"));
	}

	Reply get(Caller caller, String reserveId, Map<String, List<String>> query) {
		StoredReserve stored = this.reserves.get(reserveId);
		Reply error = accessError(caller, stored);
		if (error != null) {
			return error;
		}
		ObjectNode data = this.replies.object();
		data.set("reserve", view(stored));
		return this.replies.success(data);
	}

	Reply update(Caller caller, String reserveId, Map<String, List<String>> query, byte[] body) {
		ObjectNode request = this.replies.parseObject(body);
		if (request == null) {
			return paramError();
		}
		synchronized (this) {
			StoredReserve stored = this.reserves.get(reserveId);
			Reply error = accessError(caller, stored);
			if (error != null) {
				return error;
			}
			ObjectNode reserve = stored.json().deepCopy();
			if (request.has("end_time")) {
				Instant endTime = parseSeconds(request.get("end_time"));
				if (endTime == null || !isValidEndTime(endTime)) {
					return paramError();
				}
				reserve.put("end_time", Long.toString(endTime.getEpochSecond()));
			}
			ArrayNode invalidHosts = this.replies.mapper().createArrayNode();
			if (request.get("meeting_settings") instanceof ObjectNode changes) {
				error = checkSettings(changes, true);
				if (error != null) {
					return error;
				}
				ObjectNode settings = (reserve.get("meeting_settings") instanceof ObjectNode existing) ? existing
						: reserve.putObject("meeting_settings");
				changes.properties().forEach((field) -> {
					if (field.getKey().equals("password")) {
						reserve.put("password", field.getValue().asString(""));
					}
					else {
						settings.set(field.getKey(), field.getValue().deepCopy());
					}
				});
				if (reserve.path("password").asString("").isEmpty()) {
					reserve.remove("password");
				}
				keepValidHosts(settings, query, invalidHosts);
			}
			this.reserves.put(reserveId, new StoredReserve(reserve, stored.creator(), stored.managed(),
					stored.meetingId()));
			return this.replies.success(result(view(this.reserves.get(reserveId)), invalidHosts, "expire_status"));
		}
	}

	Reply delete(Caller caller, String reserveId) {
		synchronized (this) {
			StoredReserve stored = this.reserves.get(reserveId);
			Reply error = accessError(caller, stored);
			if (error != null) {
				return error;
			}
			this.reserves.remove(reserveId);
		}
		return this.replies.success(this.replies.object());
	}

	Reply activeMeeting(Caller caller, String reserveId, Map<String, List<String>> query) {
		StoredReserve stored = this.reserves.get(reserveId);
		Reply error = accessError(caller, stored);
		if (error != null) {
			return error;
		}
		String meetingId = stored.meetingId();
		if (meetingId == null || !this.meetings.isRunning(meetingId)) {
			return this.replies.error(404, 121004, "data not exist");
		}
		ObjectNode data = this.replies.object();
		data.set("meeting", this.meetings.view(meetingId, "true".equals(first(query, "with_participants"))));
		return this.replies.success(data);
	}

	// Test hooks

	String add(String reserveJson, Caller creator) {
		return add(reserveJson, creator, null, false);
	}

	/**
	 * Add (or replace) a reservation.
	 * @param meetingId the latest meeting started behind it, or {@code null}
	 * @param managed whether the emulator computes its {@code expire_status} from its end time, as for one applied
	 */
	String add(String reserveJson, Caller creator, @Nullable String meetingId, boolean managed) {
		JsonNode node;
		try {
			node = this.replies.mapper().readTree(reserveJson);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Reserve JSON is not valid JSON", ex);
		}
		if (!(node instanceof ObjectNode reserve) || !reserve.path("id").isString()) {
			throw new IllegalArgumentException("Reserve JSON must be an object with a string \"id\"");
		}
		String id = reserve.path("id").asString();
		this.reserves.put(id, new StoredReserve(reserve.deepCopy(), creator, managed, meetingId));
		return id;
	}

	/**
	 * Every reservation for the emulator's state: its JSON as stored, the tenant, the user who made it (none for the
	 * app), the latest meeting started behind it, and whether it was applied through the API (its
	 * {@code expire_status} then follows its end time).
	 */
	ArrayNode state() {
		ArrayNode state = this.replies.mapper().createArrayNode();
		this.reserves.values().forEach((stored) -> {
			ObjectNode entry = state.addObject();
			entry.set("reserve", stored.json().deepCopy());
			entry.put("tenantKey", stored.creator().tenantKey());
			if (!stored.creator().isApp()) {
				entry.put("ownerId", stored.creator().userId());
			}
			if (stored.meetingId() != null) {
				entry.put("meetingId", stored.meetingId());
			}
			if (stored.managed()) {
				entry.put("applied", true);
			}
		});
		return state;
	}

	/** The tenant a reservation is in, or {@code null} when there is none. */
	@Nullable String tenantOf(String reserveId) {
		StoredReserve stored = this.reserves.get(reserveId);
		return (stored != null) ? stored.creator().tenantKey() : null;
	}

	Optional<String> find(String reserveId) {
		StoredReserve stored = this.reserves.get(reserveId);
		return Optional.ofNullable(stored).map((reserve) -> this.replies.mapper().writeValueAsString(view(reserve)));
	}

	/**
	 * Start a meeting behind a reservation; its events are pushed while no lock is held.
	 * @param meetingId its id, or {@code null} for a new one
	 */
	String startMeeting(String reserveId, @Nullable String meetingId) {
		StoredReserve stored = this.reserves.get(reserveId);
		if (stored == null) {
			throw new IllegalArgumentException("No reservation " + reserveId);
		}
		String started = this.meetings.start(stored.json(), stored.creator(), meetingId);
		this.reserves.computeIfPresent(reserveId, (id, reserve) -> new StoredReserve(reserve.json(), reserve.creator(),
				reserve.managed(), started));
		return started;
	}

	/** The meeting running behind a reservation, if any. */
	@Nullable String runningMeeting(String reserveId) {
		StoredReserve stored = this.reserves.get(reserveId);
		String meetingId = (stored != null) ? stored.meetingId() : null;
		return (meetingId != null && this.meetings.isRunning(meetingId)) ? meetingId : null;
	}

	// Rules

	private @Nullable Reply accessError(Caller caller, @Nullable StoredReserve stored) {
		// A tenant never sees another tenant's reservations, not even that they exist.
		if (stored == null || !stored.creator().tenantKey().equals(caller.tenantKey())) {
			return this.replies.error(404, 121004, "data not exist");
		}
		boolean owner = caller.equals(stored.creator())
				|| (!caller.isApp() && caller.userId().equals(stored.json().path("reserve_user_id").asString(null)));
		return owner ? null : this.replies.error(403, 121005, "no permission");
	}

	private @Nullable Reply checkSettings(ObjectNode settings, boolean update) {
		if (update && settings.has("meeting_connect")) {
			return this.replies.error(400, 121002, "not support");
		}
		JsonNode hosts = settings.path("assign_host_list");
		if (hosts.isArray() && hosts.size() > MAX_ASSIGNED_HOSTS) {
			return this.replies.error(400, 123003, "assign host exceed max limit 10");
		}
		if (settings.path("auto_record").asBoolean(false) && settings.path("meeting_initial_type").asInt(1) == 2) {
			return this.replies.error(400, 123002, "record param error");
		}
		String password = settings.path("password").asString("");
		if (!password.isEmpty() && !password.matches("\\d{4,9}")) {
			return paramError();
		}
		for (JsonNode permission : settings.path("action_permissions")) {
			if (!permission.path("permission").isInt() || permission.path("permission_checkers").isEmpty()) {
				return paramError();
			}
		}
		JsonNode callee = settings.path("call_setting").path("callee");
		if (settings.has("call_setting") && callee.path("user_type").asInt(0) != 6) {
			return paramError();
		}
		return null;
	}

	private boolean isValidEndTime(Instant endTime) {
		Instant now = this.clock.instant();
		return endTime.isAfter(now) && !endTime.isAfter(now.plus(MAX_RESERVATION));
	}

	/** Like the platform: assigned hosts that are not valid users are dropped and reported. */
	private void keepValidHosts(ObjectNode settings, Map<String, List<String>> query, ArrayNode invalidHosts) {
		if (!(settings.get("assign_host_list") instanceof ArrayNode hosts)) {
			return;
		}
		String prefix = switch (String.valueOf(first(query, "user_id_type"))) {
			case "union_id" -> "on_";
			case "user_id" -> "";
			default -> "ou_";
		};
		ArrayNode valid = settings.putArray("assign_host_list");
		for (JsonNode host : hosts) {
			if (host.path("id").asString("").startsWith(prefix)) {
				valid.add(host);
			}
			else {
				invalidHosts.add(host.path("id").asString(""));
			}
		}
	}

	private Reply paramError() {
		return this.replies.error(400, 121003, "param error");
	}

	private ObjectNode view(StoredReserve stored) {
		ObjectNode reserve = stored.json().deepCopy();
		if (stored.managed()) {
			Instant endTime = parseSeconds(reserve.get("end_time"));
			reserve.put("expire_status", (endTime != null && !endTime.isAfter(this.clock.instant())) ? 2 : 1);
		}
		return reserve;
	}

	/** The {@code data} of apply and update: the reservation's main fields and the correction info. */
	private ObjectNode result(ObjectNode reserve, ArrayNode invalidHosts, String extraField) {
		ObjectNode data = this.replies.object();
		ObjectNode summary = data.putObject("reserve");
		for (String field : List.of("id", "meeting_no", "password", "url", extraField, "live_link", "end_time")) {
			if (reserve.has(field)) {
				summary.set(field, reserve.get(field).deepCopy());
			}
		}
		data.putObject("reserve_correction_check_info").set("invalid_host_id_list", invalidHosts);
		return data;
	}

	private String uniqueReserveId() {
		String id;
		do {
			id = "69" + this.replies.randomDigits(17);
		}
		while (this.reserves.containsKey(id));
		return id;
	}

	private String uniqueMeetingNo() {
		String meetingNo;
		do {
			meetingNo = this.replies.randomDigits(9);
		}
		while (!this.meetingNumbers.add(meetingNo));
		return meetingNo;
	}

	private static @Nullable Instant parseSeconds(@Nullable JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		try {
			return Instant.ofEpochSecond(Long.parseLong(value.asString("").strip()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private JsonNode readResource(String name) {
		try (InputStream in = EmulatedReserves.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("Missing emulator resource " + name);
			}
			return this.replies.mapper().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A reservation: its JSON as the platform returns it, who made it, whether the emulator manages its
	 * {@code expire_status}, and the latest meeting started behind it, if any.
	 */
	private record StoredReserve(ObjectNode json, Caller creator, boolean managed, @Nullable String meetingId) {
	}

}
