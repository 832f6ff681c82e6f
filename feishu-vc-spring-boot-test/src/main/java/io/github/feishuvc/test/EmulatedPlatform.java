package io.github.feishuvc.test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.github.feishuvc.test.Replies.Reply;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulated open platform, independent of the HTTP server: routes a request, checks its token, counts and
 * records it, and turns it into a {@link Reply}. Reservation behaviour lives in {@link EmulatedReserves}.
 */
final class EmulatedPlatform {

	static final String TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token/internal";

	static final String RESERVES_PATH = "/open-apis/vc/v1/reserves/";

	private static final String ACTIVE_MEETING = "/get_active_meeting";

	private static final Duration TOKEN_REUSE_THRESHOLD = Duration.ofMinutes(30);

	private static final int MAX_RECORDED_REQUESTS = 10_000;

	private final String appId;

	private final String appSecret;

	private final Duration tokenLifetime;

	private final Clock clock;

	private final Replies replies;

	private final EmulatedReserves reserves;

	private final Faults faults = new Faults();

	private final Duration rateLimitReset;

	private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();

	private @Nullable IssuedToken tenantToken;

	private final Map<Endpoint, AtomicInteger> counts = new EnumMap<>(Endpoint.class);

	private final ConcurrentLinkedDeque<RecordedRequest> recorded = new ConcurrentLinkedDeque<>();

	private final AtomicInteger recordedSize = new AtomicInteger();

	EmulatedPlatform(String appId, String appSecret, Duration tokenLifetime, Clock clock, Duration rateLimitReset) {
		this.rateLimitReset = rateLimitReset;
		this.appId = appId;
		this.appSecret = appSecret;
		this.tokenLifetime = tokenLifetime;
		this.clock = clock;
		this.replies = new Replies(clock);
		this.reserves = new EmulatedReserves(this.replies, clock);
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
			case TENANT_ACCESS_TOKEN -> issueTenantToken(body);
			case RESERVE_APPLY -> authenticated(authorization, (caller) -> this.reserves.apply(caller, query, body));
			case RESERVE_GET -> authenticated(authorization,
					(caller) -> this.reserves.get(caller, reserveId(path, ""), query));
			case RESERVE_UPDATE -> authenticated(authorization,
					(caller) -> this.reserves.update(caller, reserveId(path, ""), query, body));
			case RESERVE_DELETE -> authenticated(authorization,
					(caller) -> this.reserves.delete(caller, reserveId(path, "")));
			case RESERVE_GET_ACTIVE_MEETING -> authenticated(authorization,
					(caller) -> this.reserves.activeMeeting(caller, reserveId(path, ACTIVE_MEETING), query));
			case UNKNOWN -> this.replies.text(404, "text/plain; charset=utf-8", "404 page not found");
		};
	}

	private static Endpoint route(String method, String path) {
		if (method.equals("POST") && path.equals(TOKEN_PATH)) {
			return Endpoint.TENANT_ACCESS_TOKEN;
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

	private Reply issueTenantToken(byte[] body) {
		JsonNode request;
		try {
			request = this.replies.mapper().readTree(body);
		}
		catch (JacksonException ex) {
			return this.replies.error(400, 10003, "invalid param");
		}
		String id = request.path("app_id").asString("");
		String secret = request.path("app_secret").asString("");
		if (id.isEmpty() || secret.isEmpty() || !id.equals(this.appId)) {
			return this.replies.error(400, 10003, "invalid param");
		}
		if (!secret.equals(this.appSecret)) {
			return this.replies.error(400, 10014, "app secret invalid");
		}
		IssuedToken token = currentOrNewTenantToken();
		ObjectNode reply = this.replies.object()
			.put("code", 0)
			.put("msg", "ok")
			.put("tenant_access_token", token.value())
			.put("expire", Duration.between(this.clock.instant(), token.expiresAt()).toSeconds());
		return this.replies.json(200, reply);
	}

	/** Like the platform: the same token while more than 30 minutes remain, a new one after. */
	private synchronized IssuedToken currentOrNewTenantToken() {
		Instant now = this.clock.instant();
		IssuedToken current = this.tenantToken;
		if (current != null && this.tokens.containsKey(current.value())
				&& Duration.between(now, current.expiresAt()).compareTo(TOKEN_REUSE_THRESHOLD) > 0) {
			return current;
		}
		IssuedToken issued = issue("t-", Caller.APP);
		this.tenantToken = issued;
		return issued;
	}

	String issueUserAccessToken(String userId) {
		return issue("u-", Caller.user(userId)).value();
	}

	private IssuedToken issue(String prefix, Caller caller) {
		IssuedToken issued = new IssuedToken(prefix + this.replies.randomHex(20), caller,
				this.clock.instant().plus(this.tokenLifetime));
		this.tokens.put(issued.value(), issued);
		return issued;
	}

	private Reply authenticated(@Nullable String authorization, Function<Caller, Reply> call) {
		if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() == 7) {
			return this.replies.error(400, 99991661,
					"Missing access token for authorization. Please make a request with token attached.");
		}
		String value = authorization.substring(7);
		IssuedToken token = this.tokens.get(value);
		boolean user = value.startsWith("u-");
		if (token == null) {
			return user ? this.replies.error(400, 99991668, "Invalid access token for authorization.")
					: this.replies.error(400, 99991663,
							"Invalid access token for authorization. Please make a request with token attached.");
		}
		if (!this.clock.instant().isBefore(token.expiresAt())) {
			return user ? this.replies.error(400, 99991677, "user access token expired")
					: this.replies.error(400, 99991663,
							"Invalid access token for authorization. Please make a request with token attached.");
		}
		return call.apply(token.caller());
	}

	private static String reserveId(String path, String suffix) {
		String segment = path.substring(RESERVES_PATH.length(), path.length() - suffix.length());
		return QueryStringDecoder.decodeComponent(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	EmulatedReserves reserves() {
		return this.reserves;
	}

	Faults faults() {
		return this.faults;
	}

	void expireTokens() {
		this.tokens.clear();
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

	private record IssuedToken(String value, Caller caller, Instant expiresAt) {
	}

}
