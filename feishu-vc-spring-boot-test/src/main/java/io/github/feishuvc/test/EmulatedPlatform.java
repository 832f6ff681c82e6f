package io.github.feishuvc.test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.feishuvc.test.Replies.Reply;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulated open platform, independent of the HTTP server: routes a request, counts and records it, and turns
 * it into a {@link Reply}. Tokens live in {@link EmulatedTokens}, reservations in {@link EmulatedReserves}, event
 * pushes in {@link EventPusher}.
 */
final class EmulatedPlatform {

	static final String TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token/internal";

	static final String STORE_TENANT_TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token";

	static final String APP_TOKEN_PATH = "/open-apis/auth/v3/app_access_token";

	static final String RESEND_PATH = "/open-apis/auth/v3/app_ticket/resend";

	static final String RESERVES_PATH = "/open-apis/vc/v1/reserves/";

	static final String MEETINGS_PATH = "/open-apis/vc/v1/meetings/";

	private static final String ACTIVE_MEETING = "/get_active_meeting";

	private static final int MAX_RECORDED_REQUESTS = 10_000;


	private final EmulatedApp app;

	private final Clock clock;

	private final Replies replies;

	private final EmulatedTokens tokens;

	private final EmulatedReserves reserves;

	private final EmulatedUserLogin userLogin;

	private final EmulatedMeetings meetings;

	private final EventPusher events;

	private final EmulatedLongConnections longConnections;

	/** One thread delivers every pushed event, in the order they happened. */
	private final ExecutorService pushes = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "feishu-vc-emulator-events");
		thread.setDaemon(true);
		return thread;
	});

	private final Faults faults = new Faults();

	private final Duration rateLimitReset;

	/** How long an event pushed before the application asked for a long connection or gave a URL waits for either. */
	private final Duration destinationWait;

	private final @Nullable EmulatedRateLimits rateLimits;

	/** The token endpoints' limits, per app, when a test sets them. */
	private final @Nullable EmulatedRateLimits tokenLimits;

	private final Map<Endpoint, AtomicInteger> counts = new EnumMap<>(Endpoint.class);

	private final ConcurrentLinkedDeque<RecordedRequest> recorded = new ConcurrentLinkedDeque<>();

	private final AtomicInteger recordedSize = new AtomicInteger();

	EmulatedPlatform(EmulatedApp app, FeishuVcEmulator.Builder settings, HttpClient pushClient) {
		this.app = app;
		this.rateLimitReset = settings.rateLimitReset;
		this.destinationWait = settings.destinationWait;
		this.clock = settings.clock;
		this.replies = new Replies(this.clock);
		this.tokens = new EmulatedTokens(app, settings.tokenLifetime, this.clock, this.replies);
		this.userLogin = new EmulatedUserLogin(app, this.tokens, this.replies, this.clock, settings.userTokenLifetime);
		this.meetings = new EmulatedMeetings(this.replies, this.clock, new Pushes(), settings.recordingProcessingTime);
		this.reserves = new EmulatedReserves(this.replies, this.clock, app.defaultTenant(), this.meetings);
		this.events = new EventPusher(app, this.replies, pushClient);
		this.longConnections = new EmulatedLongConnections(app, this.replies, settings.longConnectionPingInterval,
				settings.longConnectionReconnectInterval, Duration.ZERO);
		int[] enforcedRateLimits = settings.enforcedRateLimits;
		this.rateLimits = (enforcedRateLimits != null)
				? new EmulatedRateLimits(enforcedRateLimits[0], enforcedRateLimits[1], this.replies) : null;
		int[] tokenEndpointLimits = settings.tokenEndpointLimits;
		this.tokenLimits = (tokenEndpointLimits != null)
				? new EmulatedRateLimits(tokenEndpointLimits[0], tokenEndpointLimits[1], this.replies) : null;
		for (Endpoint endpoint : Endpoint.values()) {
			this.counts.put(endpoint, new AtomicInteger());
		}
	}

	/**
	 * Handle a request, unless a fault answers it first.
	 * @return the reply (none when the connection is to be dropped) and the fault the server has to apply
	 */
	Outcome handle(String method, String uri, @Nullable String authorization, byte[] body) {
		QueryStringDecoder decoder = new QueryStringDecoder(uri);
		String path = decoder.rawPath();
		Endpoint endpoint = route(method, path);
		Fault fault = this.faults.next(endpoint);
		record(new RecordedRequest(endpoint, method, uri, authorization, new String(body, StandardCharsets.UTF_8),
				this.clock.instant(), fault));
		Reply reply = (fault == null) ? process(endpoint, decoder, path, authorization, body) : switch (fault) {
			case DROP_CONNECTION -> null;
			case BAD_GATEWAY_HTML -> this.replies.text(502, "text/html",
					"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n"
							+ "<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n");
			case INTERNAL_ERROR -> this.replies.error(500, 121001, "internal error");
			case RATE_LIMITED -> this.replies.error(429, 99991400, "request trigger frequency limit")
				.withHeader("x-ogw-ratelimit-limit", "50")
				.withHeader("x-ogw-ratelimit-reset", Double.toString(this.rateLimitReset.toMillis() / 1000.0));
			case TRUNCATED_BODY, SLOW_RESPONSE -> process(endpoint, decoder, path, authorization, body);
		};
		return new Outcome(reply, fault);
	}

	/** What the server sends: the reply, if any, and the fault to apply to it. */
	record Outcome(@Nullable Reply reply, @Nullable Fault fault) {
	}

	private Reply process(Endpoint endpoint, QueryStringDecoder decoder, String path, @Nullable String authorization,
			byte[] body) {
		Map<String, List<String>> query = decoder.parameters();
		return switch (endpoint) {
			case TENANT_ACCESS_TOKEN -> tokenLimited(endpoint, () -> this.tokens.selfBuiltTenantToken(body));
			case LONG_CONNECTION_ENDPOINT -> this.longConnections.endpoint(body);
			case USER_AUTHORIZE -> this.userLogin.authorize(query);
			case USER_ACCESS_TOKEN -> this.userLogin.token(authorization, body);
			case USER_INFO -> this.userLogin.userInfo(authorization);
			case APP_TICKET_RESEND -> resendAppTicket(body);
			case APP_ACCESS_TOKEN -> storeOnly(() -> tokenLimited(endpoint, () -> this.tokens.appAccessToken(body)));
			case STORE_TENANT_ACCESS_TOKEN ->
				storeOnly(() -> tokenLimited(endpoint, () -> this.tokens.storeTenantToken(body)));
			case RESERVE_APPLY -> limited(authorization, endpoint, (caller) -> this.reserves.apply(caller, query, body));
			case RESERVE_GET -> limited(authorization, endpoint,
					(caller) -> this.reserves.get(caller, reserveId(path, ""), query));
			case RESERVE_UPDATE -> limited(authorization, endpoint,
					(caller) -> this.reserves.update(caller, reserveId(path, ""), query, body));
			case RESERVE_DELETE -> limited(authorization, endpoint,
					(caller) -> this.reserves.delete(caller, reserveId(path, "")));
			case RESERVE_GET_ACTIVE_MEETING -> limited(authorization, endpoint,
					(caller) -> this.reserves.activeMeeting(caller, reserveId(path, ACTIVE_MEETING), query));
			case MEETING_GET -> limited(authorization, endpoint,
					(caller) -> this.meetings.get(caller, meetingId(path), query));
			case MEETING_LIST_BY_NO -> limited(authorization, endpoint, (caller) -> this.meetings.listByNo(caller, query));
			case MEETING_INVITE -> limited(authorization, endpoint,
					(caller) -> this.meetings.invite(caller, meetingId(path), body));
			case MEETING_KICKOUT -> limited(authorization, endpoint,
					(caller) -> this.meetings.kickout(caller, meetingId(path), body));
			case MEETING_SET_HOST -> limited(authorization, endpoint,
					(caller) -> this.meetings.setHost(caller, meetingId(path), body));
			case MEETING_END -> limited(authorization, endpoint, (caller) -> this.meetings.end(caller, meetingId(path)));
			case RECORDING_GET -> limited(authorization, endpoint,
					(caller) -> this.meetings.recording(caller, meetingId(path)));
			case RECORDING_START -> limited(authorization, endpoint,
					(caller) -> this.meetings.startRecording(caller, meetingId(path), body));
			case RECORDING_STOP -> limited(authorization, endpoint,
					(caller) -> this.meetings.stopRecording(caller, meetingId(path)));
			case RECORDING_SET_PERMISSION -> limited(authorization, endpoint,
					(caller) -> this.meetings.setPermission(caller, meetingId(path), body));
			case UNKNOWN -> notFound();
		};
	}

	/** A token request, counted against the app's token endpoint limits if a test set them. */
	private Reply tokenLimited(Endpoint endpoint, Supplier<Reply> issue) {
		Reply refusal = (this.tokenLimits != null) ? this.tokenLimits.admit("", endpoint) : null;
		return (refusal != null) ? refusal : issue.get();
	}

	/** An authenticated VC call, counted against the gateway's limits of its tenant and endpoint if they are enforced. */
	private Reply limited(@Nullable String authorization, Endpoint endpoint, Function<Caller, Reply> call) {
		return this.tokens.authenticated(authorization, (caller) -> {
			Reply refusal = (this.rateLimits != null) ? this.rateLimits.admit(caller.tenantKey(), endpoint) : null;
			return (refusal != null) ? refusal : call.apply(caller);
		});
	}

	private Reply storeOnly(Supplier<Reply> reply) {
		return this.app.store() ? reply.get() : this.replies.error(400, 10003, "invalid param: not a store app");
	}

	/** Like the platform: the ticket is pushed to the event URL shortly after the answer, if there is one. */
	private Reply resendAppTicket(byte[] body) {
		Reply reply = storeOnly(() -> this.tokens.resendAppTicket(body));
		if (reply.status() == 200 && this.events.eventUrl() != null) {
			Mono.delay(Duration.ofMillis(20)).publishOn(Schedulers.boundedElastic()).subscribe((tick) -> pushAppTicket());
		}
		return reply;
	}

	private Reply notFound() {
		return this.replies.text(404, "text/plain; charset=utf-8", "404 page not found");
	}

	private static Endpoint route(String method, String path) {
		if (method.equals("POST")) {
			switch (path) {
				case TOKEN_PATH:
					return Endpoint.TENANT_ACCESS_TOKEN;
				case STORE_TENANT_TOKEN_PATH:
					return Endpoint.STORE_TENANT_ACCESS_TOKEN;
				case APP_TOKEN_PATH:
					return Endpoint.APP_ACCESS_TOKEN;
				case RESEND_PATH:
					return Endpoint.APP_TICKET_RESEND;
				case EmulatedLongConnections.ENDPOINT_PATH:
					return Endpoint.LONG_CONNECTION_ENDPOINT;
				case EmulatedUserLogin.TOKEN_PATH:
					return Endpoint.USER_ACCESS_TOKEN;
				default:
					break;
			}
		}
		if (method.equals("GET") && path.equals(EmulatedUserLogin.AUTHORIZE_PATH)) {
			return Endpoint.USER_AUTHORIZE;
		}
		if (method.equals("GET") && path.equals(EmulatedUserLogin.USER_INFO_PATH)) {
			return Endpoint.USER_INFO;
		}
		if (path.startsWith(MEETINGS_PATH) && path.length() > MEETINGS_PATH.length()) {
			return meetingRoute(method, path.substring(MEETINGS_PATH.length()));
		}
		if (!path.startsWith(RESERVES_PATH) || path.length() == RESERVES_PATH.length()) {
			return Endpoint.UNKNOWN;
		}
		String rest = path.substring(RESERVES_PATH.length());
		if (method.equals("POST") && rest.equals("apply")) {
			return Endpoint.RESERVE_APPLY;
		}
		int slash = rest.indexOf('/');
		if (slash < 0) {
			return switch (method) {
				case "GET" -> Endpoint.RESERVE_GET;
				case "PUT" -> Endpoint.RESERVE_UPDATE;
				case "DELETE" -> Endpoint.RESERVE_DELETE;
				default -> Endpoint.UNKNOWN;
			};
		}
		boolean activeMeeting = method.equals("GET") && slash > 0 && rest.substring(slash).equals(ACTIVE_MEETING);
		return activeMeeting ? Endpoint.RESERVE_GET_ACTIVE_MEETING : Endpoint.UNKNOWN;
	}

	/** Below {@code /meetings/}: {@code list_by_no}, or a meeting id and what is done to it. */
	private static Endpoint meetingRoute(String method, String rest) {
		if (rest.equals("list_by_no")) {
			return method.equals("GET") ? Endpoint.MEETING_LIST_BY_NO : Endpoint.UNKNOWN;
		}
		int slash = rest.indexOf('/');
		String action = (slash < 0) ? "" : rest.substring(slash + 1);
		return switch (method + " " + action) {
			case "GET " -> Endpoint.MEETING_GET;
			case "PATCH invite" -> Endpoint.MEETING_INVITE;
			case "POST kickout" -> Endpoint.MEETING_KICKOUT;
			case "PATCH set_host" -> Endpoint.MEETING_SET_HOST;
			case "PATCH end" -> Endpoint.MEETING_END;
			case "GET recording" -> Endpoint.RECORDING_GET;
			case "PATCH recording/start" -> Endpoint.RECORDING_START;
			case "PATCH recording/stop" -> Endpoint.RECORDING_STOP;
			case "PATCH recording/set_permission" -> Endpoint.RECORDING_SET_PERMISSION;
			default -> Endpoint.UNKNOWN;
		};
	}

	private static String meetingId(String path) {
		String rest = path.substring(MEETINGS_PATH.length());
		int slash = rest.indexOf('/');
		String segment = (slash < 0) ? rest : rest.substring(0, slash);
		return QueryStringDecoder.decodeComponent(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	private static String reserveId(String path, String suffix) {
		String segment = path.substring(RESERVES_PATH.length(), path.length() - suffix.length());
		return QueryStringDecoder.decodeComponent(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	// Events

	EventPusher events() {
		return this.events;
	}

	/** A fresh app ticket, pushed in the platform's version 1 event format. */
	EventDelivery pushAppTicket() {
		ObjectNode event = v1Event();
		event.putObject("event")
			.put("app_id", this.app.appId())
			.put("app_ticket", this.tokens.issueAppTicket())
			.put("type", "app_ticket");
		return this.events.push(event);
	}

	/** An event in the platform's version 2 format. */
	EventDelivery pushEvent(String eventType, String tenantKey, String eventJson) {
		ObjectNode eventBody;
		try {
			eventBody = (ObjectNode) this.replies.mapper().readTree(eventJson);
		}
		catch (JacksonException | ClassCastException ex) {
			throw new IllegalArgumentException("The event must be a JSON object", ex);
		}
		ObjectNode event = this.replies.object().put("schema", "2.0");
		event.putObject("header").put("event_type", eventType);
		event.set("event", eventBody);
		return deliver(withHeader(event, tenantKey));
	}

	/** The header of a version 2 event, but its type, which the event already has. */
	private ObjectNode withHeader(ObjectNode event, String tenantKey) {
		ObjectNode header = (ObjectNode) event.get("header");
		String eventType = header.path("event_type").asString();
		header.removeAll();
		header.put("event_id", this.replies.randomHex(16))
			.put("token", this.app.verificationToken())
			.put("create_time", Long.toString(this.clock.millis()))
			.put("event_type", eventType)
			.put("tenant_key", tenantKey)
			.put("app_id", this.app.appId());
		return event;
	}

	/**
	 * The meetings' events, delivered one after another by one thread, in the order they happened, to the event URL
	 * if there is one: a life-cycle step the test drives waits for its events, an API call does not.
	 */
	private final class Pushes implements EmulatedMeetings.EventSink {

		@Override
		public void push(String tenantKey, List<ObjectNode> events) {
			submit(tenantKey, events);
		}

		@Override
		public void pushAndWait(String tenantKey, List<ObjectNode> events) {
			try {
				submit(tenantKey, events).get(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IllegalStateException("Could not push the meeting's events", ex);
			}
		}

		@Override
		public void pushLater(String tenantKey, Duration delay, Supplier<@Nullable ObjectNode> event) {
			Mono.delay(delay).subscribe((tick) -> EmulatedPlatform.this.pushes.execute(() -> {
				ObjectNode due = event.get();
				if (due != null) {
					deliver(tenantKey, due);
				}
			}));
		}

		private Future<?> submit(String tenantKey, List<ObjectNode> events) {
			return EmulatedPlatform.this.pushes.submit(() -> events.forEach((event) -> deliver(tenantKey, event)));
		}

		private void deliver(String tenantKey, ObjectNode event) {
			if (EmulatedPlatform.this.longConnections.inUse() || EmulatedPlatform.this.events.eventUrl() != null) {
				EmulatedPlatform.this.deliver(withHeader(event, tenantKey));
			}
		}

	}

	/**
	 * Down a long connection once the app asked for one, as the platform does, else to the event URL. With neither
	 * yet, an application may be starting: it is given a few seconds to ask for its connection.
	 */
	private EventDelivery deliver(ObjectNode event) {
		long deadline = System.nanoTime() + this.destinationWait.toNanos();
		while (!this.longConnections.inUse() && this.events.eventUrl() == null && System.nanoTime() < deadline) {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		if (!this.longConnections.inUse() && this.events.eventUrl() == null) {
			throw new IllegalStateException("Nowhere to deliver the event: no application asked for a long connection "
					+ "(feishu.vc.events.mode=long-connection) within " + this.destinationWait.toSeconds() + "s, and no "
					+ "event URL was given (deliverEventsTo(url))");
		}
		return this.longConnections.inUse() ? this.longConnections.push(event) : this.events.push(event);
	}

	/** The check the developer console makes when the event URL is saved. */
	EventDelivery verifyEventUrl(String challenge) {
		return this.events.push(this.replies.object()
			.put("challenge", challenge)
			.put("token", this.app.verificationToken())
			.put("type", "url_verification"));
	}

	private ObjectNode v1Event() {
		return this.replies.object()
			.put("uuid", this.replies.randomHex(16))
			.put("token", this.app.verificationToken())
			.put("ts", String.format("%.3f", this.clock.millis() / 1000.0))
			.put("type", "event_callback");
	}

	// Test hooks

	EmulatedReserves reserves() {
		return this.reserves;
	}

	EmulatedLongConnections longConnections() {
		return this.longConnections;
	}

	EmulatedMeetings meetings() {
		return this.meetings;
	}

	void close() {
		this.pushes.shutdownNow();
	}

	EmulatedUserLogin userLogin() {
		return this.userLogin;
	}

	EmulatedTokens tokens() {
		return this.tokens;
	}

	Faults faults() {
		return this.faults;
	}

	int rateLimited() {
		return ((this.rateLimits != null) ? this.rateLimits.refused() : 0)
				+ ((this.tokenLimits != null) ? this.tokenLimits.refused() : 0);
	}

	int requestCount(Endpoint endpoint) {
		return this.counts.get(endpoint).get();
	}

	List<RecordedRequest> requests() {
		return new ArrayList<>(this.recorded);
	}

	Optional<RecordedRequest> lastRequest(Endpoint endpoint) {
		for (var it = this.recorded.descendingIterator(); it.hasNext();) {
			RecordedRequest request = it.next();
			if (request.endpoint() == endpoint) {
				return Optional.of(request);
			}
		}
		return Optional.empty();
	}

	void resetRequests() {
		this.recorded.clear();
		this.recordedSize.set(0);
		this.counts.values().forEach((count) -> count.set(0));
	}

	private void record(RecordedRequest request) {
		this.counts.get(request.endpoint()).incrementAndGet();
		this.recorded.addLast(request);
		if (this.recordedSize.incrementAndGet() > MAX_RECORDED_REQUESTS && this.recorded.pollFirst() != null) {
			this.recordedSize.decrementAndGet();
		}
	}

}
