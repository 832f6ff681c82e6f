package io.github.feishuvc.test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.feishuvc.internal.FeishuApi;
import io.github.feishuvc.test.Replies.Reply;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The emulated platform's gateway, independent of the HTTP server: routes a request to its endpoint, counts and
 * records it, answers it with a fault when one is due, and puts every VC call through the checks the platform makes
 * before an endpoint's handler sees it (token, scopes, kind of app and token, {@code user_id_type}, rate limits).
 */
final class EmulatedGateway {

	private static final String TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token/internal";

	private static final String STORE_TENANT_TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token";

	private static final String APP_TOKEN_PATH = "/open-apis/auth/v3/app_access_token";

	private static final String RESEND_PATH = "/open-apis/auth/v3/app_ticket/resend";

	private static final Set<String> USER_ID_TYPES = Set.of("open_id", "union_id", "user_id");

	private final EmulatedApp app;

	private final Clock clock;

	private final Replies replies;

	private final EmulatedTokens tokens;

	private final EmulatorScopes scopes;

	private final EmulatedEvents events;

	private final VcRoutes vc;

	/** The platform's own endpoints (tokens, sign-in, the long connection's URL) by method and path. */
	private final Map<String, OwnRoute> own = new HashMap<>();

	private final Faults faults = new Faults();

	private final RequestLog requests = new RequestLog();

	private final Duration rateLimitReset;

	/** The limits the platform documents for its slower endpoints, enforced always (the rest only when asked). */
	private final EmulatedRateLimits documentedLimits;

	/** The limits asked for, at start or since: a change starts their windows afresh. */
	private volatile @Nullable EmulatedRateLimits rateLimits;

	/** What limits replaced since start refused, so that the count of refusals never goes back. */
	private final AtomicInteger refusedByReplacedLimits = new AtomicInteger();

	/** The token endpoints' limits, per app, when a test sets them. */
	private final @Nullable EmulatedRateLimits tokenLimits;

	EmulatedGateway(EmulatorSettings settings, Replies replies, EmulatedTokens tokens, EmulatedUserLogin userLogin,
			EmulatedLongConnections longConnections, EmulatorScopes scopes, EmulatedEvents events, VcRoutes vc,
			EmulatedMinutes minutes) {
		this.app = settings.app();
		this.clock = settings.clock();
		this.replies = replies;
		this.tokens = tokens;
		this.scopes = scopes;
		this.events = events;
		this.vc = vc;
		this.rateLimitReset = settings.rateLimitReset();
		this.documentedLimits = new EmulatedRateLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, this.replies);
		this.rateLimits = limits(settings.rateLimits());
		this.tokenLimits = limits(settings.tokenEndpointLimits());
		own(Endpoint.TENANT_ACCESS_TOKEN, "POST", TOKEN_PATH,
				(query, authorization, body) -> tokenLimited(Endpoint.TENANT_ACCESS_TOKEN,
						() -> tokens.selfBuiltTenantToken(body)));
		own(Endpoint.APP_TICKET_RESEND, "POST", RESEND_PATH, (query, authorization, body) -> resendAppTicket(body));
		own(Endpoint.APP_ACCESS_TOKEN, "POST", APP_TOKEN_PATH, (query, authorization, body) -> storeOnly(
				() -> tokenLimited(Endpoint.APP_ACCESS_TOKEN, () -> tokens.appAccessToken(body))));
		own(Endpoint.STORE_TENANT_ACCESS_TOKEN, "POST", STORE_TENANT_TOKEN_PATH,
				(query, authorization, body) -> storeOnly(() -> tokenLimited(Endpoint.STORE_TENANT_ACCESS_TOKEN,
						() -> tokens.storeTenantToken(body))));
		own(Endpoint.USER_AUTHORIZE, "GET", EmulatedUserLogin.AUTHORIZE_PATH,
				(query, authorization, body) -> userLogin.authorize(query));
		own(Endpoint.USER_ACCESS_TOKEN, "POST", EmulatedUserLogin.TOKEN_PATH,
				(query, authorization, body) -> userLogin.token(authorization, body));
		own(Endpoint.USER_INFO, "GET", EmulatedUserLogin.USER_INFO_PATH,
				(query, authorization, body) -> userLogin.userInfo(authorization));
		own(Endpoint.LONG_CONNECTION_ENDPOINT, "POST", EmulatedLongConnections.ENDPOINT_PATH,
				(query, authorization, body) -> longConnections.endpoint(body));
		own(Endpoint.MINUTE_MEDIA, "GET", EmulatedMinutes.MEDIA_PATH,
				(query, authorization, body) -> minutes.downloadMedia(query));
	}

	private void own(Endpoint endpoint, String method, String path, OwnHandler handler) {
		this.own.put(method + " " + path, new OwnRoute(endpoint, handler));
	}

	private @Nullable EmulatedRateLimits limits(EmulatorSettings.@Nullable Limits limits) {
		return (limits != null) ? new EmulatedRateLimits(limits.perSecond(), limits.perMinute(), this.replies) : null;
	}

	/**
	 * Handle a request, unless a fault answers it first.
	 * @return the reply (none when the connection is to be dropped) and the fault the server has to apply
	 */
	Outcome handle(String method, String uri, @Nullable String authorization, byte[] body) {
		QueryStringDecoder decoder = new QueryStringDecoder(uri);
		String path = decoder.rawPath();
		OwnRoute own = this.own.get(method + " " + path);
		VcRoutes.Match vc = (own == null) ? this.vc.match(method, path) : null;
		String operation = (vc != null) ? vc.route().api().operation() : null;
		Endpoint endpoint = (own != null) ? own.endpoint() : (vc != null) ? Endpoint.VC_API : Endpoint.UNKNOWN;
		String key = (operation != null) ? operation : endpoint.name();
		Fault fault = this.faults.next(key);
		this.requests.record(new RecordedRequest(endpoint, operation, method, uri, authorization,
				new String(body, StandardCharsets.UTF_8), this.clock.instant(), fault), key);
		Reply reply = (fault == null) ? process(own, vc, decoder, authorization, body) : switch (fault) {
			case DROP_CONNECTION -> null;
			case BAD_GATEWAY_HTML -> this.replies.text(502, "text/html",
					"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n"
							+ "<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n");
			case INTERNAL_ERROR -> this.replies.error(500, 121001, "internal error");
			case RATE_LIMITED -> this.replies.error(429, 99991400, "request trigger frequency limit")
				.withHeader("x-ogw-ratelimit-limit", "50")
				.withHeader("x-ogw-ratelimit-reset", Double.toString(this.rateLimitReset.toMillis() / 1000.0));
			case TRUNCATED_BODY, SLOW_RESPONSE, STALLED_BODY -> process(own, vc, decoder, authorization, body);
		};
		return new Outcome(reply, fault);
	}

	/** What the server sends: the reply, if any, and the fault to apply to it. */
	record Outcome(@Nullable Reply reply, @Nullable Fault fault) {
	}

	/** Which fault the next requests get. */
	Faults faults() {
		return this.faults;
	}

	/** The requests received, counted and recorded. */
	RequestLog requests() {
		return this.requests;
	}

	/**
	 * Enforce these limits from now on, or only the documented ones. A request admitted by the limits replaced while
	 * they are replaced still counts there: their refusals are added once they can refuse no more.
	 */
	synchronized void rateLimits(EmulatorSettings.@Nullable Limits limits) {
		EmulatedRateLimits replaced = this.rateLimits;
		this.rateLimits = limits(limits);
		if (replaced != null) {
			this.refusedByReplacedLimits.addAndGet(replaced.refused());
		}
	}

	/** How many requests the enforced and documented rate limits refused. */
	synchronized int rateLimited() {
		EmulatedRateLimits limits = this.rateLimits;
		return this.refusedByReplacedLimits.get() + this.documentedLimits.refused()
				+ ((limits != null) ? limits.refused() : 0)
				+ ((this.tokenLimits != null) ? this.tokenLimits.refused() : 0);
	}

	private Reply process(@Nullable OwnRoute own, VcRoutes.@Nullable Match vc, QueryStringDecoder decoder,
			@Nullable String authorization, byte[] body) {
		Map<String, List<String>> query = decoder.parameters();
		if (own != null) {
			return own.handler().handle(query, authorization, body);
		}
		return (vc != null) ? limited(authorization, vc, query, body) : notFound();
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
			EmulatedRateLimits asked = this.rateLimits;
			EmulatedRateLimits limits = (asked != null) ? asked
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
		if (reply.status() == 200 && this.events.hasEventUrl()) {
			Mono.delay(Duration.ofMillis(20))
				.publishOn(Schedulers.boundedElastic())
				.subscribe((tick) -> this.events.pushAppTicket());
		}
		return reply;
	}

	private Reply notFound() {
		return this.replies.text(404, "text/plain; charset=utf-8", "404 page not found");
	}

	/** What answers a request to one of the platform's own endpoints. */
	@FunctionalInterface
	private interface OwnHandler {

		Reply handle(Map<String, List<String>> query, @Nullable String authorization, byte[] body);

	}

	/** One of the platform's own endpoints, counted as its {@link Endpoint}; the VC API's are {@link #vc}'s. */
	private record OwnRoute(Endpoint endpoint, OwnHandler handler) {
	}

}
