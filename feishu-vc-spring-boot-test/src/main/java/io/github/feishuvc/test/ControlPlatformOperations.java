package io.github.feishuvc.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.ControlOperation.Type.BOOLEAN;
import static io.github.feishuvc.test.ControlOperation.Type.DURATION;
import static io.github.feishuvc.test.ControlOperation.Type.INTEGER;
import static io.github.feishuvc.test.ControlOperation.Type.NUMBER;
import static io.github.feishuvc.test.ControlOperation.Type.OBJECT;
import static io.github.feishuvc.test.ControlOperation.Type.OBJECTS;
import static io.github.feishuvc.test.ControlOperation.Type.STRING;
import static io.github.feishuvc.test.ControlOperation.Type.STRING_OR_NULL;
import static io.github.feishuvc.test.ControlOperation.Type.STRINGS;
import static io.github.feishuvc.test.ControlOperation.of;

/**
 * The control operations on the platform around the tenant, each one of the Java hooks over HTTP: the emulator's
 * settings, a reset, events and where they go, the long connections, users' tokens, rate limits, the request log and
 * faults.
 */
final class ControlPlatformOperations {

	private ControlPlatformOperations() {
	}

	static List<ControlOperation> operations(FeishuVcEmulator emulator, JsonMapper mapper) {
		return List.of(
				of("GET", "/", "getEmulator", "The emulator's settings: where it answers, the app and its tenants")
					.answers("The settings", "baseUrl", STRING, "The platform's base URL (feishu.vc.base-url)",
							"controlUrl", STRING, "This API's URL", "appId", STRING, "The app id it accepts",
							"appSecret", STRING, "The app secret it accepts", "appType", STRING,
							"self-built or store", "tenants", STRINGS, "The tenants that installed the app",
							"verificationToken", STRING, "The verification token its events carry", "encryptKey",
							STRING_OR_NULL, "The key its events are encrypted and signed with, null for plain events",
							"springProperties", OBJECT, "The Spring properties that point the starter at it")
					.serves("FeishuVcEmulator.baseUrl", "FeishuVcEmulator.controlUrl", "FeishuVcEmulator.port",
							"FeishuVcEmulator.appId", "FeishuVcEmulator.appSecret", "FeishuVcEmulator.tenants",
							"FeishuVcEmulator.springProperties")
					.does((request) -> {
						ObjectNode answer = mapper.createObjectNode()
							.put("baseUrl", emulator.baseUrl())
							.put("controlUrl", emulator.controlUrl())
							.put("appId", emulator.appId())
							.put("appSecret", emulator.appSecret())
							.put("appType", emulator.springProperties().containsKey("feishu.vc.app-type") ? "store"
									: "self-built");
						answer.set("tenants", ControlApi.strings(mapper, emulator.tenants()));
						Map<String, String> properties = emulator.springProperties();
						answer.put("verificationToken", properties.get("feishu.vc.events.verification-token"));
						answer.put("encryptKey", properties.get("feishu.vc.events.encrypt-key"));
						answer.set("springProperties", mapper.valueToTree(emulator.springProperties()));
						return ControlAnswer.json(answer);
					}),
				of("POST", "/reset", "reset", "Go back to the tenant of start-up (tokens, event URL and long "
						+ "connections kept)")
					.serves("FeishuVcEmulator.reset")
					.runs((request) -> emulator.reset()),
				of("GET", "/state", "getState", "The emulator's state: reservations, meetings in progress, rooms, users")
					.answers("The state, as POST /state and --state read it", "reserves", OBJECTS,
							"Each: reserve (the platform's object), tenantKey, ownerId (a user's), meetingId (the "
									+ "latest started behind it), applied (made through the API: its expire_status "
									+ "follows its end time)",
							"meetings", OBJECTS, "The meetings in progress, each: meetingId, tenantKey, reserveId "
									+ "(if reserved), hostId, topic, participants (in it now), recording",
							"levels", OBJECTS, "The room levels but the roots, parents first, each: tenantKey, level "
									+ "(the platform's object; parent_id \"0\" is the tenant's root)",
							"rooms", OBJECTS, "Each: tenantKey, room (the platform's object; room_level_id \"0\" "
									+ "is the tenant's root)",
							"users", OBJECTS, "The users' access tokens still valid, each: userId, accessToken, "
									+ "expiresAt")
					.serves("FeishuVcEmulator.state")
					.does((request) -> ControlAnswer.json(mapper.readTree(emulator.state()))),
				of("POST", "/state", "loadState", "Add what a state document lists, replacing what has the same id")
					.optional("reserves", OBJECTS,
							"Reservations: reserve (with a string id), tenantKey?, ownerId?, meetingId?, applied?")
					.optional("meetings", OBJECTS, "Meetings to start: meetingId?, reserveId or hostId, tenantKey?, "
							+ "topic?, participants?, recording?")
					.optional("levels", OBJECTS, "Room levels: level (with a string room_level_id; parent_id \"0\" "
							+ "is the root), tenantKey?")
					.optional("rooms", OBJECTS, "Rooms: room (with a string room_id), tenantKey?")
					.optional("users", OBJECTS, "Users: userId, accessToken? (u-...), expiresAt?")
					.serves("FeishuVcEmulator.loadState")
					.runs((request) -> emulator.loadState(request.body().toString())),
				of("GET", "/clock", "getClock", "What time it is on the emulator's clock")
					.answers("The clock", "now", STRING, "The emulator's now, ISO-8601")
					.serves("FeishuVcEmulator.now")
					.does((request) -> ControlAnswer.json(mapper.createObjectNode().put("now", emulator.now().toString()))),
				of("POST", "/clock/advance", "advanceClock",
						"Move the emulator's clock on: tokens expire, events not acknowledged are pushed again")
					.field("by", DURATION, "How far, such as 5m or PT1H")
					.answers("The clock", "now", STRING, "The emulator's now, ISO-8601", "advanced", STRING,
							"How far it was moved on since start, ISO-8601")
					.serves("FeishuVcEmulator.advanceClock")
					.does((request) -> {
						Duration advanced = emulator.advanceClock(request.duration("by"));
						return ControlAnswer.json(mapper.createObjectNode()
							.put("now", emulator.now().toString())
							.put("advanced", advanced.toString()));
					}),
				// Events
				of("PUT", "/events/destination", "deliverEventsTo", "Where the app's events go: its event URL")
					.field("url", STRING, "The application's event endpoint, such as http://127.0.0.1:8080/events")
					.serves("FeishuVcEmulator.deliverEventsTo")
					.runs((request) -> emulator.deliverEventsTo(request.string("url"))),
				of("GET", "/events", "getEvents", "The events dropped for want of a destination, and those held for a "
						+ "push again")
					.answers("The events", "dropped", INTEGER, "The platform's own events that had nowhere to go",
							"pending", OBJECTS, "The events held for a push again, the soonest due first")
					.serves("FeishuVcEmulator.droppedEvents", "FeishuVcEmulator.pendingDeliveries")
					.does((request) -> {
						ObjectNode answer = mapper.createObjectNode().put("dropped", emulator.droppedEvents());
						answer.set("pending", mapper.valueToTree(emulator.pendingDeliveries()));
						return ControlAnswer.json(answer);
					}),
				of("POST", "/events", "pushEvent", "Push an event in the platform's version 2 format now")
					.field("eventType", STRING, "The event type, such as vc.meeting.all_meeting_started_v1")
					.optional("tenantKey", STRING, "The tenant it happened in (the app's own unless set)")
					.field("event", OBJECT, "The event object")
					.answers("How the application answered", "status", INTEGER, "Its HTTP status", "body", STRING,
							"Its body")
					.serves("FeishuVcEmulator.pushEvent")
					.does((request) -> delivery(mapper, emulator.pushEvent(request.string("eventType"),
							(request.has("tenantKey")) ? request.string("tenantKey") : emulator.tenants().get(0),
							request.json("event")))),
				of("POST", "/events/app-ticket", "pushAppTicket", "Push a new app ticket to the event URL now")
					.answers("How the application answered", "status", INTEGER, "Its HTTP status", "body", STRING,
							"Its body")
					.serves("FeishuVcEmulator.pushAppTicket")
					.does((request) -> delivery(mapper, emulator.pushAppTicket())),
				of("POST", "/events/url-verification", "verifyEventUrl",
						"Check the event URL as the developer console does when it is saved")
					.field("challenge", STRING, "The challenge the application must answer")
					.answers("How the application answered", "status", INTEGER, "Its HTTP status", "body", STRING,
							"Its body")
					.serves("FeishuVcEmulator.verifyEventUrl")
					.does((request) -> delivery(mapper, emulator.verifyEventUrl(request.string("challenge")))),
				// Long connections
				of("GET", "/long-connections", "getLongConnections", "The open long connections")
					.answers("The connections", "count", INTEGER, "How many are open", "pings", INTEGER,
							"How many pings they sent")
					.serves("FeishuVcEmulator.longConnectionCount", "FeishuVcEmulator.longConnectionPings")
					.does((request) -> ControlAnswer.json(mapper.createObjectNode()
						.put("count", emulator.longConnectionCount())
						.put("pings", emulator.longConnectionPings()))),
				of("POST", "/long-connections/drop", "dropLongConnections",
						"Drop every open long connection without a close frame")
					.serves("FeishuVcEmulator.dropLongConnections")
					.runs((request) -> emulator.dropLongConnections()),
				of("POST", "/long-connections/silence", "silenceLongConnections",
						"Let every open long connection go silent, open all the same")
					.serves("FeishuVcEmulator.silenceLongConnections")
					.runs((request) -> emulator.silenceLongConnections()),
				of("PUT", "/long-connections/refusal", "refuseLongConnections",
						"Refuse new long connections with the platform's connection-limit error, or accept them")
					.field("refuse", BOOLEAN, "Whether to refuse them")
					.serves("FeishuVcEmulator.refuseLongConnections")
					.runs((request) -> emulator.refuseLongConnections(request.bool("refuse"))),
				of("PUT", "/long-connections/fragments", "splitEvents",
						"Send each event down a long connection in this many fragments")
					.field("fragments", INTEGER, "The fragments of each event, at least 1")
					.serves("FeishuVcEmulator.splitEventsInto")
					.runs((request) -> emulator.splitEventsInto(request.integer("fragments"))),
				// Users and tokens
				of("POST", "/users/{userId}/access-tokens", "issueUserAccessToken",
						"Issue a user access token for a user")
					.answers("The token", "accessToken", STRING, "The user access token (u-...)")
					.serves("FeishuVcEmulator.issueUserAccessToken")
					.does((request) -> ControlAnswer.json(mapper.createObjectNode()
						.put("accessToken", emulator.issueUserAccessToken(request.pathParameter("userId"))))),
				of("PUT", "/sign-in", "signInAs", "The user the authorize endpoint signs in from now on")
					.field("userId", STRING, "The user's open id")
					.serves("FeishuVcEmulator.signInAs")
					.runs((request) -> emulator.signInAs(request.string("userId"))),
				of("POST", "/tokens/expire", "expireTokens", "Expire every token issued so far")
					.serves("FeishuVcEmulator.expireTokens")
					.runs((request) -> emulator.expireTokens()),
				of("POST", "/user-tokens/expire", "expireUserAccessTokens",
						"Expire every user access token issued so far")
					.serves("FeishuVcEmulator.expireUserAccessTokens")
					.runs((request) -> emulator.expireUserAccessTokens()),
				of("POST", "/refresh-tokens/revoke", "revokeRefreshTokens",
						"Refuse every refresh token issued so far, as when a user revokes the app's access")
					.serves("FeishuVcEmulator.revokeRefreshTokens")
					.runs((request) -> emulator.revokeRefreshTokens()),
				// Rate limits, requests and faults
				of("PUT", "/rate-limits", "enforceRateLimits",
						"Enforce the gateway's rate limits per app, tenant and VC endpoint")
					.field("perSecond", INTEGER, "Most requests of one endpoint and tenant in any second")
					.field("perMinute", INTEGER, "Most requests of one endpoint and tenant in any minute")
					.serves("FeishuVcEmulator.enforceRateLimits")
					.runs((request) -> emulator.enforceRateLimits(request.integer("perSecond"),
							request.integer("perMinute"))),
				of("DELETE", "/rate-limits", "liftRateLimits",
						"Enforce only the limits the platform documents for its slower endpoints")
					.serves("FeishuVcEmulator.liftRateLimits")
					.runs((request) -> emulator.liftRateLimits()),
				of("GET", "/requests", "getRequests", "The requests received, and how many the rate limits refused")
					.query("endpoint", STRING, "Only those of one of the platform's own endpoints, such as "
							+ "TENANT_ACCESS_TOKEN")
					.query("operation", STRING, "Only those of one VC endpoint, such as reserve.get")
					.answers("The requests", "count", INTEGER, "How many (of the endpoint or operation, if one is "
							+ "named)", "rateLimited", INTEGER, "How many the rate limits refused with 429",
							"requests", OBJECTS, "The requests, oldest first (the latest 10,000)")
					.serves("FeishuVcEmulator.requests", "FeishuVcEmulator.requestCount",
							"FeishuVcEmulator.lastRequest", "FeishuVcEmulator.rateLimitedRequests")
					.does((request) -> requests(emulator, mapper, request.queryParameter("endpoint"),
							request.queryParameter("operation"))),
				of("DELETE", "/requests", "resetRequests", "Forget the recorded requests and zero the counts")
					.serves("FeishuVcEmulator.resetRequests")
					.runs((request) -> emulator.resetRequests()),
				of("POST", "/faults/next", "failNext", "Answer the next requests of an endpoint with a fault")
					.field("fault", STRING, "The fault: " + faults())
					.field("times", INTEGER, "How many requests get it, at least 1")
					.optional("endpoint", STRING, "One of the platform's own endpoints, such as TENANT_ACCESS_TOKEN")
					.optional("operation", STRING, "A VC endpoint's operation, such as reserve.get")
					.serves("FeishuVcEmulator.failNext")
					.does((request) -> {
						Fault fault = fault(request.string("fault"));
						int times = request.integer("times");
						if (times < 1) {
							throw new IllegalArgumentException("Field 'times' must be at least 1, not " + times);
						}
						if (request.has("endpoint") == request.has("operation")) {
							throw new IllegalArgumentException("Name the endpoint or the operation, one of the two");
						}
						if (request.has("endpoint")) {
							emulator.failNext(endpoint(request.string("endpoint")), fault, times);
						}
						else {
							emulator.failNext(request.string("operation"), fault, times);
						}
						return ControlAnswer.done();
					}),
				of("PUT", "/faults/random", "injectFaults", "Answer a share of all requests with faults picked at random")
					.field("rate", NUMBER, "The share of requests that get a fault, from 0 to 1")
					.field("faults", STRINGS, "The faults to pick from: " + faults())
					.serves("FeishuVcEmulator.injectFaults")
					.does((request) -> {
						List<Fault> faults = new ArrayList<>();
						request.strings("faults").forEach((name) -> faults.add(fault(name)));
						if (faults.isEmpty()) {
							throw new IllegalArgumentException("Field 'faults' must name at least one fault");
						}
						emulator.injectFaults(request.number("rate"), faults.toArray(Fault[]::new));
						return ControlAnswer.done();
					}),
				of("DELETE", "/faults", "clearFaults", "Stop injecting faults, queued and random")
					.serves("FeishuVcEmulator.clearFaults")
					.runs((request) -> emulator.clearFaults()));
	}

	private static ControlAnswer delivery(JsonMapper mapper, EventDelivery delivery) {
		return ControlAnswer.json(
				mapper.createObjectNode().put("status", delivery.status()).put("body", delivery.body()));
	}

	private static ControlAnswer requests(FeishuVcEmulator emulator, JsonMapper mapper, @Nullable String endpoint,
			@Nullable String operation) {
		if (endpoint != null && operation != null) {
			throw new IllegalArgumentException("Name the endpoint or the operation, not both");
		}
		Endpoint named = (endpoint != null) ? endpoint(endpoint) : null;
		List<RecordedRequest> requests = emulator.requests()
			.stream()
			.filter((recorded) -> (named == null || recorded.endpoint() == named)
					&& (operation == null || operation.equals(recorded.operation())))
			.toList();
		int count = (named != null) ? emulator.requestCount(named)
				: (operation != null) ? emulator.requestCount(operation) : requests.size();
		ObjectNode answer = mapper.createObjectNode()
			.put("count", count)
			.put("rateLimited", emulator.rateLimitedRequests());
		ArrayNode recorded = answer.putArray("requests");
		requests.forEach((request) -> recorded.add(mapper.valueToTree(request)));
		return ControlAnswer.json(answer);
	}

	private static Fault fault(String name) {
		try {
			return Fault.valueOf(name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("No fault '" + name + "'; the faults are " + faults(), ex);
		}
	}

	private static Endpoint endpoint(String name) {
		try {
			return Endpoint.valueOf(name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"No endpoint '" + name + "'; the endpoints are " + List.of(Endpoint.values()), ex);
		}
	}

	private static String faults() {
		return List.of(Fault.values()).toString();
	}

}
