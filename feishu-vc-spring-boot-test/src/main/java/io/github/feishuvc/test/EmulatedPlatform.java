package io.github.feishuvc.test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.feishuvc.internal.FeishuApi;
import io.github.feishuvc.internal.FeishuApis;
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

	private static final int MAX_RECORDED_REQUESTS = 10_000;

	private static final Set<String> USER_ID_TYPES = Set.of("open_id", "union_id", "user_id");


	private final EmulatedApp app;

	private final Clock clock;

	private final Replies replies;

	private final EmulatedTokens tokens;

	private final EmulatedReserves reserves;

	private final EmulatedUserLogin userLogin;

	private final EmulatedMeetings meetings;

	private final EmulatedRecordings recordings;

	private final EmulatedRooms rooms;

	private final EmulatedMeetingData meetingData;

	private final EmulatedNotes notes;

	private final EmulatedExports exports;

	private final EmulatorScopes scopes;

	/** The limits the platform documents for its slower endpoints, enforced always (the rest only when asked). */
	private final EmulatedRateLimits documentedLimits;

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

	/** Requests per route: an {@link Endpoint}'s name, or a VC endpoint's operation. */
	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	private final VcRoutes vc = new VcRoutes();

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
		this.notes = new EmulatedNotes(this.replies, this.clock, new Pushes(), settings.noteGenerationTime,
				settings.noteDetailLag);
		this.meetings = new EmulatedMeetings(this.replies, this.clock, new Pushes(), settings.recordingProcessingTime,
				this.notes);
		this.reserves = new EmulatedReserves(this.replies, this.clock, app.defaultTenant(), this.meetings);
		this.events = new EventPusher(app, this.replies, pushClient);
		this.longConnections = new EmulatedLongConnections(app, this.replies, settings.longConnectionPingInterval,
				settings.longConnectionReconnectInterval, Duration.ZERO, settings.longConnectionReconnectCount);
		int[] enforcedRateLimits = settings.enforcedRateLimits;
		this.rateLimits = (enforcedRateLimits != null)
				? new EmulatedRateLimits(enforcedRateLimits[0], enforcedRateLimits[1], this.replies) : null;
		int[] tokenEndpointLimits = settings.tokenEndpointLimits;
		this.tokenLimits = (tokenEndpointLimits != null)
				? new EmulatedRateLimits(tokenEndpointLimits[0], tokenEndpointLimits[1], this.replies) : null;
		this.recordings = new EmulatedRecordings(this.meetings, this.replies, this.clock, new Pushes());
		this.rooms = new EmulatedRooms(this.replies, this.clock, new Pushes(), app.defaultTenant());
		this.meetingData = new EmulatedMeetingData(this.replies, this.clock, this.meetings);
		this.exports = new EmulatedExports(this.replies, this.clock, this.meetingData, this.rooms,
				settings.exportProcessingTime);
		this.scopes = new EmulatorScopes(this.replies, app.appId());
		this.documentedLimits = new EmulatedRateLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, this.replies);
		this.reserves.serve(this.vc);
		this.meetings.serve(this.vc);
		this.recordings.serve(this.vc);
		this.rooms.serve(this.vc);
		this.meetingData.serve(this.vc);
		this.notes.serve(this.vc);
		this.exports.serve(this.vc);
		this.vc.checkEveryEndpointServed();
	}

	/**
	 * Handle a request, unless a fault answers it first.
	 * @return the reply (none when the connection is to be dropped) and the fault the server has to apply
	 */
	Outcome handle(String method, String uri, @Nullable String authorization, byte[] body) {
		QueryStringDecoder decoder = new QueryStringDecoder(uri);
		String path = decoder.rawPath();
		Endpoint endpoint = route(method, path);
		VcRoutes.Match vc = (endpoint == Endpoint.UNKNOWN) ? this.vc.match(method, path) : null;
		String operation = (vc != null) ? vc.route().api().operation() : null;
		if (vc != null) {
			endpoint = Endpoint.VC_API;
		}
		String key = (operation != null) ? operation : endpoint.name();
		Fault fault = this.faults.next(key);
		record(new RecordedRequest(endpoint, operation, method, uri, authorization,
				new String(body, StandardCharsets.UTF_8), this.clock.instant(), fault), key);
		Reply reply = (fault == null) ? process(endpoint, vc, decoder, authorization, body) : switch (fault) {
			case DROP_CONNECTION -> null;
			case BAD_GATEWAY_HTML -> this.replies.text(502, "text/html",
					"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n"
							+ "<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n");
			case INTERNAL_ERROR -> this.replies.error(500, 121001, "internal error");
			case RATE_LIMITED -> this.replies.error(429, 99991400, "request trigger frequency limit")
				.withHeader("x-ogw-ratelimit-limit", "50")
				.withHeader("x-ogw-ratelimit-reset", Double.toString(this.rateLimitReset.toMillis() / 1000.0));
			case TRUNCATED_BODY, SLOW_RESPONSE, STALLED_BODY -> process(endpoint, vc, decoder, authorization, body);
		};
		return new Outcome(reply, fault);
	}

	/** What the server sends: the reply, if any, and the fault to apply to it. */
	record Outcome(@Nullable Reply reply, @Nullable Fault fault) {
	}

	private Reply process(Endpoint endpoint, VcRoutes.@Nullable Match vc, QueryStringDecoder decoder,
			@Nullable String authorization, byte[] body) {
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
			case VC_API -> limited(authorization, Objects.requireNonNull(vc), query, body);
			case UNKNOWN -> notFound();
		};
	}

	/** A token request, counted against the app's token endpoint limits if a test set them. */
	private Reply tokenLimited(Endpoint endpoint, Supplier<Reply> issue) {
		Reply refusal = (this.tokenLimits != null) ? this.tokenLimits.admit("", endpoint.name(), null) : null;
		return (refusal != null) ? refusal : issue.get();
	}

	/**
	 * An authenticated VC call, with the platform's checks of every endpoint: one of its scopes granted
	 * ({@code 99991672} or {@code 99991679} otherwise), the kind of app it serves ({@code 121002} otherwise), the kind
	 * of token it accepts ({@code 121005} otherwise), a valid {@code user_id_type}, and its tenant's and endpoint's
	 * limits (the documented ones always, the gateway's when enforced); then answered by the endpoint's handler.
	 */
	private Reply limited(@Nullable String authorization, VcRoutes.Match vc, Map<String, List<String>> query,
			byte[] body) {
		FeishuApi<?> api = vc.route().api();
		return this.tokens.authenticated(authorization, (caller) -> {
			Reply missingScope = this.scopes.refusal(caller, api.scopes());
			if (missingScope != null) {
				return missingScope;
			}
			if (!api.apps().contains(this.app.store() ? FeishuApi.App.STORE : FeishuApi.App.SELF_BUILT)) {
				return this.replies.error(400, 121002, "not support");
			}
			if (!api.tokens().contains(caller.isApp() ? FeishuApi.Token.TENANT : FeishuApi.Token.USER)) {
				return this.replies.error(403, 121005, "no permission");
			}
			List<String> userIdType = query.get("user_id_type");
			if (api.takesUserIdType() && userIdType != null
					&& (userIdType.size() != 1 || !USER_ID_TYPES.contains(userIdType.get(0)))) {
				return this.replies.error(400, 99992402, "field validation failed");
			}
			EmulatedRateLimits limits = (this.rateLimits != null) ? this.rateLimits
					: (api.limit() != null) ? this.documentedLimits : null;
			Reply refusal = (limits != null) ? limits.admit(caller.tenantKey(), api.operation(), api.limit()) : null;
			return (refusal != null) ? refusal
					: vc.route().handler().handle(caller, new VcRoutes.VcCall(vc.variables(), query, body));
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

	/** The platform's own endpoints (tokens, sign-in, the long connection's URL); the VC API's are {@link #vc}'s. */
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
		return Endpoint.UNKNOWN;
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
	private final class Pushes implements EventSink {

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
			Mono.delay(delay).subscribe((tick) -> {
				if (EmulatedPlatform.this.pushes.isShutdown()) {
					// The emulator closed meanwhile: what was due goes nowhere.
					return;
				}
				EmulatedPlatform.this.pushes.execute(() -> {
					ObjectNode due = event.get();
					if (due != null) {
						deliver(tenantKey, due);
					}
				});
			}, (ex) -> {
			});
		}

		private Future<?> submit(String tenantKey, List<ObjectNode> events) {
			return EmulatedPlatform.this.pushes.submit(() -> events.forEach((event) -> deliver(tenantKey, event)));
		}

		private void deliver(String tenantKey, ObjectNode event) {
			if (!EmulatedPlatform.this.scopes.sends(event.path("header").path("event_type").asString())) {
				return;
			}
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

	EmulatedRecordings recordings() {
		return this.recordings;
	}

	EmulatedRooms rooms() {
		return this.rooms;
	}

	EmulatorScopes scopes() {
		return this.scopes;
	}

	EmulatedMeetingData meetingData() {
		return this.meetingData;
	}

	EmulatedApp app() {
		return this.app;
	}

	EmulatedNotes notes() {
		return this.notes;
	}

	EmulatedExports exports() {
		return this.exports;
	}

	Replies replies() {
		return this.replies;
	}

	void close() {
		this.pushes.shutdownNow();
		this.exports.close();
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
		return this.documentedLimits.refused() + ((this.rateLimits != null) ? this.rateLimits.refused() : 0)
				+ ((this.tokenLimits != null) ? this.tokenLimits.refused() : 0);
	}

	int requestCount(String route) {
		AtomicInteger count = this.counts.get(route);
		return (count != null) ? count.get() : 0;
	}

	/** The route of a VC endpoint's operation, checked: a misspelt name is an error, not a count of zero. */
	String operation(String operation) {
		if (FeishuApis.all().stream().noneMatch((api) -> api.operation().equals(operation))) {
			throw new IllegalArgumentException("No VC endpoint is named " + operation);
		}
		return operation;
	}

	List<RecordedRequest> requests() {
		return new ArrayList<>(this.recorded);
	}

	Optional<RecordedRequest> lastRequest(String route) {
		for (var it = this.recorded.descendingIterator(); it.hasNext();) {
			RecordedRequest request = it.next();
			if (route.equals(request.operation()) || route.equals(request.endpoint().name())) {
				return Optional.of(request);
			}
		}
		return Optional.empty();
	}

	void resetRequests() {
		this.recorded.clear();
		this.recordedSize.set(0);
		this.counts.clear();
	}

	private void record(RecordedRequest request, String route) {
		this.counts.computeIfAbsent(route, (key) -> new AtomicInteger()).incrementAndGet();
		this.recorded.addLast(request);
		if (this.recordedSize.incrementAndGet() > MAX_RECORDED_REQUESTS && this.recorded.pollFirst() != null) {
			this.recordedSize.decrementAndGet();
		}
	}

}
