package io.github.feishuvc.test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's state as one JSON document, to seed a known tenant and to read back what it became: reservations
 * (whose each is), the meetings in progress (host, participants, whether they record), room levels and rooms, and
 * users with their access tokens. What {@link #export()} writes, {@link #load} reads: loading a document on top of the
 * same emulator changes nothing, so a suite can save a state and start from it again.
 * <p>
 * Not in it: ended meetings and what came of them (recordings, notes, minutes), screen sharing, exports, alerts,
 * agents, and the platform's settings (the app, its tenants, limits), which the emulator's options set.
 */
final class EmulatedState {

	private static final List<String> SECTIONS = List.of("reserves", "meetings", "levels", "rooms", "users");

	private final EmulatedPlatform platform;

	EmulatedState(EmulatedPlatform platform) {
		this.platform = platform;
	}

	ObjectNode export() {
		ObjectNode state = this.platform.replies().object();
		ArrayNode reserves = this.platform.reserves().state();
		Map<String, String> reserveOfMeeting = new HashMap<>();
		reserves.forEach((entry) -> {
			if (entry.has("meetingId")) {
				reserveOfMeeting.put(entry.path("meetingId").asString(), entry.path("reserve").path("id").asString());
			}
		});
		state.set("reserves", reserves);
		ArrayNode meetings = this.platform.meetings().state();
		meetings.forEach((meeting) -> {
			String reserveId = reserveOfMeeting.get(meeting.path("meetingId").asString());
			if (reserveId != null) {
				((ObjectNode) meeting).put("reserveId", reserveId);
			}
		});
		state.set("meetings", meetings);
		state.set("levels", this.platform.rooms().levelState());
		state.set("rooms", this.platform.rooms().roomState());
		state.set("users", this.platform.tokens().userState());
		return state;
	}

	/**
	 * Add what a document lists to the emulator, replacing what has the same id: reservations, levels and rooms
	 * replaced, meetings started (one running under its id already is left as it is), users' tokens issued. The whole
	 * document is checked before anything of it changes the emulator.
	 * @throws IllegalArgumentException if the document is not of the state's shape, naming what is wrong
	 */
	void load(String json) {
		JsonNode document;
		try {
			document = this.platform.replies().mapper().readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The state is not JSON: " + ex.getOriginalMessage(), ex);
		}
		if (!(document instanceof ObjectNode state)) {
			throw new IllegalArgumentException("The state must be a JSON object");
		}
		check(state);
		for (JsonNode entry : state.path("reserves")) {
			String tenant = tenantOf(entry);
			Caller creator = entry.has("ownerId") ? Caller.user(tenant, entry.path("ownerId").asString())
					: Caller.app(tenant);
			this.platform.reserves().add(entry.path("reserve").toString(), creator,
					entry.has("meetingId") ? entry.path("meetingId").asString() : null,
					entry.path("applied").asBoolean(false));
		}
		for (JsonNode entry : state.path("levels")) {
			this.platform.rooms().loadLevel(tenantOf(entry), (ObjectNode) entry.path("level"));
		}
		for (JsonNode entry : state.path("rooms")) {
			this.platform.rooms().loadRoom(tenantOf(entry), (ObjectNode) entry.path("room"));
		}
		for (JsonNode entry : state.path("users")) {
			String userId = entry.path("userId").asString();
			String token = entry.path("accessToken").asString("");
			if (token.isEmpty()) {
				this.platform.tokens().issueUserAccessToken(userId);
			}
			else {
				this.platform.tokens().loadUserAccessToken(userId, token,
						entry.has("expiresAt") ? Instant.parse(entry.path("expiresAt").asString()) : null);
			}
		}
		for (JsonNode entry : state.path("meetings")) {
			loadMeeting(entry);
		}
	}

	private void loadMeeting(JsonNode entry) {
		String meetingId = entry.has("meetingId") ? entry.path("meetingId").asString() : null;
		if (meetingId != null && this.platform.meetings().isRunning(meetingId)) {
			return;
		}
		String started;
		if (entry.has("reserveId")) {
			started = this.platform.reserves().startMeeting(entry.path("reserveId").asString(), meetingId);
		}
		else {
			started = this.platform.meetings()
				.startAdHoc(tenantOf(entry), entry.path("hostId").asString(), entry.path("topic").asString(""),
						meetingId);
		}
		Set<String> listed = new HashSet<>();
		for (JsonNode participant : entry.path("participants")) {
			listed.add(participant.asString());
			if (!this.platform.meetings().isIn(started, participant.asString())) {
				this.platform.meetings().join(started, participant.asString());
			}
		}
		// Starting a meeting puts its host in it: a host who had left when the state was written leaves again.
		StoredMeeting meeting = this.platform.meetings().find(started);
		String host = (meeting != null) ? meeting.hostId : null;
		if (entry.has("participants") && host != null && !listed.contains(host)
				&& this.platform.meetings().isIn(started, host)) {
			this.platform.meetings().leave(started, host);
		}
		if (entry.path("recording").asBoolean(false)) {
			this.platform.meetings().startRecording(started);
		}
	}

	private String tenantOf(JsonNode entry) {
		return entry.path("tenantKey").asString(this.platform.app().defaultTenant());
	}

	/**
	 * The whole document, before anything of it is loaded: its shape, and what loading it would refuse (a level or
	 * reservation that is not there, a meeting id an ended meeting has, a token not of the platform's form or
	 * another's). A mistake names its section, entry and field.
	 */
	private void check(ObjectNode state) {
		state.propertyNames().forEach((name) -> {
			if (!SECTIONS.contains(name)) {
				throw new IllegalArgumentException("Unknown section '" + name + "' of the state; it has " + SECTIONS);
			}
			if (!state.get(name).isArray()) {
				throw new IllegalArgumentException("Section '" + name + "' of the state must be an array");
			}
		});
		// Each reservation's tenant once the document is in: a meeting behind one is in its tenant.
		Map<String, String> reserveTenants = new HashMap<>();
		each(state, "reserves", (where, entry) -> {
			require(where, entry, "reserve", JsonNode::isObject, "an object");
			require(where + ".reserve", entry.path("reserve"), "id", JsonNode::isString, "a string");
			optional(where, entry, "tenantKey", JsonNode::isString, "a string");
			optional(where, entry, "ownerId", JsonNode::isString, "a string");
			optional(where, entry, "meetingId", JsonNode::isString, "a string");
			optional(where, entry, "applied", JsonNode::isBoolean, "true or false");
			tenant(where, entry);
			reserveTenants.put(entry.path("reserve").path("id").asString(), tenantOf(entry));
		});
		// Each tenant's tree as it would be once the document's levels are in: id to parent, "0" the root.
		Map<String, Map<String, String>> trees = new HashMap<>();
		each(state, "levels", (where, entry) -> {
			require(where, entry, "level", JsonNode::isObject, "an object");
			require(where + ".level", entry.path("level"), "room_level_id", JsonNode::isString, "a string");
			optional(where + ".level", entry.path("level"), "parent_id", JsonNode::isString, "a string");
			optional(where, entry, "tenantKey", JsonNode::isString, "a string");
			tenant(where, entry);
			Map<String, String> tree = trees.computeIfAbsent(tenantOf(entry), this::tree);
			String id = entry.path("level").path("room_level_id").asString();
			if (isRoot(tenantOf(entry), id)) {
				throw new IllegalArgumentException(where + ".level.room_level_id: " + id + " names the root");
			}
			String parent = level(where + ".level.parent_id", entry,
					entry.path("level").path("parent_id").asString(""), tree);
			tree.put(id, parent);
			// A level moved under one of its own descendants would make the tree a loop, which PATCH refuses too.
			String above = parent;
			for (int steps = 0; !above.equals("0") && steps <= tree.size(); steps++) {
				if (above.equals(id)) {
					throw new IllegalArgumentException(where + ".level.parent_id: " + parent + " is below " + id);
				}
				above = tree.getOrDefault(above, "0");
			}
		});
		each(state, "rooms", (where, entry) -> {
			require(where, entry, "room", JsonNode::isObject, "an object");
			require(where + ".room", entry.path("room"), "room_id", JsonNode::isString, "a string");
			optional(where + ".room", entry.path("room"), "room_level_id", JsonNode::isString, "a string");
			optional(where, entry, "tenantKey", JsonNode::isString, "a string");
			tenant(where, entry);
			level(where + ".room.room_level_id", entry, entry.path("room").path("room_level_id").asString(""),
					trees.computeIfAbsent(tenantOf(entry), this::tree));
		});
		Map<String, String> tokens = new HashMap<>();
		each(state, "users", (where, entry) -> {
			require(where, entry, "userId", JsonNode::isString, "a string");
			optional(where, entry, "accessToken", JsonNode::isString, "a string");
			optional(where, entry, "expiresAt", (value) -> value.isString() && isInstant(value.asString()),
					"an ISO-8601 instant such as 2026-12-06T09:00:00Z");
			String token = entry.path("accessToken").asString("");
			String refusal = token.isEmpty() ? null
					: this.platform.tokens().refusal(entry.path("userId").asString(), token);
			if (refusal != null) {
				throw new IllegalArgumentException(where + ".accessToken: " + refusal);
			}
			String holder = token.isEmpty() ? null : tokens.putIfAbsent(token, entry.path("userId").asString());
			if (holder != null && !holder.equals(entry.path("userId").asString())) {
				throw new IllegalArgumentException(where + ".accessToken: the document gives it to " + holder + " too");
			}
		});
		each(state, "meetings", (where, entry) -> {
			optional(where, entry, "meetingId", JsonNode::isString, "a string");
			optional(where, entry, "reserveId", JsonNode::isString, "a string");
			optional(where, entry, "tenantKey", JsonNode::isString, "a string");
			optional(where, entry, "topic", JsonNode::isString, "a string");
			optional(where, entry, "recording", JsonNode::isBoolean, "true or false");
			optional(where, entry, "participants",
					(value) -> value.isArray() && value.valueStream().allMatch(JsonNode::isString),
					"an array of strings");
			tenant(where, entry);
			String meetingId = entry.path("meetingId").asString("");
			if (!meetingId.isEmpty() && this.platform.meetings().find(meetingId) != null
					&& !this.platform.meetings().isRunning(meetingId)) {
				throw new IllegalArgumentException(where + ".meetingId: meeting " + meetingId + " has ended");
			}
			if (!entry.has("reserveId")) {
				require(where, entry, "hostId", JsonNode::isString, "a string (or a reserveId)");
			}
			else {
				String reserveId = entry.path("reserveId").asString();
				String reserveTenant = reserveTenants.getOrDefault(reserveId,
						this.platform.reserves().tenantOf(reserveId));
				if (reserveTenant == null) {
					throw new IllegalArgumentException(where + ".reserveId: no reservation " + reserveId);
				}
				if (entry.has("tenantKey") && !reserveTenant.equals(tenantOf(entry))) {
					throw new IllegalArgumentException(where + ".tenantKey: reservation " + reserveId
							+ " is tenant " + reserveTenant + "'s, and so is a meeting behind it");
				}
			}
		});
	}

	/**
	 * The level an entry names, {@code "0"} for the root: one its tenant has, or one the document lists before it.
	 */
	private String level(String where, JsonNode entry, String levelId, Map<String, String> tree) {
		String tenant = tenantOf(entry);
		if (isRoot(tenant, levelId)) {
			return "0";
		}
		if (!tree.containsKey(levelId)) {
			throw new IllegalArgumentException(where + ": tenant " + tenant + " has no level " + levelId
					+ " (\"0\" is its root; a level of the document comes before what is on it)");
		}
		return levelId;
	}

	private boolean isRoot(String tenant, String levelId) {
		return levelId.isEmpty() || levelId.equals("0") || levelId.equals(this.platform.rooms().rootLevelId(tenant));
	}

	/** A tenant's levels as they are, id to parent, the root's id written "0". */
	private Map<String, String> tree(String tenant) {
		String root = this.platform.rooms().rootLevelId(tenant);
		Map<String, String> tree = new HashMap<>();
		this.platform.rooms()
			.levelParents(tenant)
			.forEach((id, parent) -> tree.put(id, parent.equals(root) ? "0" : parent));
		return tree;
	}

	private void tenant(String where, JsonNode entry) {
		if (entry.has("tenantKey") && !this.platform.app().tenants().contains(entry.path("tenantKey").asString())) {
			throw new IllegalArgumentException(where + ".tenantKey: tenant " + entry.path("tenantKey").asString()
					+ " did not install the app; its tenants: " + this.platform.app().tenants());
		}
	}

	private static void each(ObjectNode state, String section, EntryCheck check) {
		int index = 0;
		for (JsonNode entry : state.path(section)) {
			String where = section + "[" + index++ + "]";
			if (!entry.isObject()) {
				throw new IllegalArgumentException(where + " must be an object");
			}
			check.check(where, entry);
		}
	}

	private static void require(String where, JsonNode entry, String field, Predicate<JsonNode> kind,
			String described) {
		if (!entry.has(field)) {
			throw new IllegalArgumentException(where + "." + field + " is required: " + described);
		}
		optional(where, entry, field, kind, described);
	}

	private static void optional(String where, JsonNode entry, String field, Predicate<JsonNode> kind,
			String described) {
		JsonNode value = entry.get(field);
		if (value != null && !kind.test(value)) {
			throw new IllegalArgumentException(where + "." + field + " must be " + described + ", not " + value);
		}
	}

	private static boolean isInstant(String value) {
		try {
			Instant.parse(value);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	@FunctionalInterface
	private interface EntryCheck {

		void check(String where, JsonNode entry);

	}

}
