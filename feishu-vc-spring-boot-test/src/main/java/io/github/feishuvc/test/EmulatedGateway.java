package io.github.feishuvc.test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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

	static final String TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token/internal";

	static final String STORE_TENANT_TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token";

	static final String APP_TOKEN_PATH = "/open-apis/auth/v3/app_access_token";

	static final String RESEND_PATH = "/open-apis/auth/v3/app_ticket/resend";

	private static final Set<String> USER_ID_TYPES = Set.of("open_id", "union_id", "user_id");

	private final EmulatedApp app;

	private final Clock clock;

	private final Replies replies;

	private final EmulatedTokens tokens;

	private final EmulatedUserLogin userLogin;

	private final EmulatedLongConnections longConnections;

	private final EmulatorScopes scopes;

	private final EmulatedEvents events;

	private final VcRoutes vc;

	private final Faults faults = new Faults();

	private final RequestLog requests = new RequestLog();

	private final Duration rateLimitReset;

	/** The limits the platform documents for its slower endpoints, enforced always (the rest only when asked). */
	private final EmulatedRateLimits documentedLimits;

	private final @Nullable EmulatedRateLimits rateLimits;

	/** The token endpoints' limits, per app, when a test sets them. */
	private final @Nullable EmulatedRateLimits tokenLimits;

	EmulatedGateway(EmulatorSettings settings, Replies replies, EmulatedTokens tokens, EmulatedUserLogin userLogin,
			EmulatedLongConnections longConnections, EmulatorScopes scopes, EmulatedEvents events, VcRoutes vc) {
		this.app = settings.app();
		this.clock = settings.clock();
		this.replies = replies;
		this.tokens = tokens;
		this.userLogin = userLogin;
		this.longConnections = longConnections;
		this.scopes = scopes;
		this.events = events;
		this.vc = vc;
		this.rateLimitReset = settings.rateLimitReset();
		this.documentedLimits = new EmulatedRateLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, this.replies);
		this.rateLimits = limits(settings.rateLimits());
		this.tokenLimits = limits(settings.tokenEndpointLimits());
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
		Endpoint endpoint = route(method, path);
		VcRoutes.Match vc = (endpoint == Endpoint.UNKNOWN) ? this.vc.match(method, path) : null;
		String operation = (vc != null) ? vc.route().api().operation() : null;
		if (vc != null) {
			endpoint = Endpoint.VC_API;
		}
		String key = (operation != null) ? operation : endpoint.name();
		Fault fault = this.faults.next(key);
		this.requests.record(new RecordedRequest(endpoint, operation, method, uri, authorization,
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

	/** Which fault the next requests get. */
	Faults faults() {
		return this.faults;
	}

	/** The requests received, counted and recorded. */
	RequestLog requests() {
		return this.requests;
	}

	/** How many requests the enforced and documented rate limits refused. */
	int rateLimited() {
		return this.documentedLimits.refused() + ((this.rateLimits != null) ? this.rateLimits.refused() : 0)
				+ ((this.tokenLimits != null) ? this.tokenLimits.refused() : 0);
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

}
