package io.github.feishuvc.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.feishuvc.test.Replies.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The auth endpoints of the emulated platform: the tenant token of a self-built app; the app ticket, app token and
 * tenants' tokens of a store app; user tokens; and the check of the bearer token every VC call carries.
 */
final class EmulatedTokens {

	private static final Duration TOKEN_REUSE_THRESHOLD = Duration.ofMinutes(30);

	private static final String INVALID_TENANT_TOKEN_MSG = "Invalid access token for authorization. "
			+ "Please make a request with token attached.";

	private final EmulatedApp app;

	private final Duration lifetime;

	private final Clock clock;

	private final Replies replies;

	private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();

	/** The latest token per holder ({@code app}, or {@code tenant:<key>}), reused while it has long to live. */
	private final Map<String, IssuedToken> latest = new ConcurrentHashMap<>();

	private final Set<String> tickets = ConcurrentHashMap.newKeySet();

	EmulatedTokens(EmulatedApp app, Duration lifetime, Clock clock, Replies replies) {
		this.app = app;
		this.lifetime = lifetime;
		this.clock = clock;
		this.replies = replies;
	}

	/** {@code POST /open-apis/auth/v3/tenant_access_token/internal}: self-built apps only. */
	Reply selfBuiltTenantToken(byte[] body) {
		JsonNode request = this.replies.parseObject(body);
		Reply error = checkCredentials(request);
		if (error != null) {
			return error;
		}
		if (this.app.store()) {
			return this.replies.error(400, 10003, "invalid param: a store app needs an app_access_token");
		}
		return tokenReply("tenant_access_token", reuseOrIssue("t-", Caller.app(this.app.defaultTenant())));
	}

	/** {@code POST /open-apis/auth/v3/app_ticket/resend}: store apps ask for their ticket again. */
	Reply resendAppTicket(byte[] body) {
		Reply error = checkCredentials(this.replies.parseObject(body));
		return (error != null) ? error : this.replies.json(200, this.replies.object().put("code", 0).put("msg", "ok"));
	}

	/** {@code POST /open-apis/auth/v3/app_access_token}: store apps, with an app ticket the platform pushed. */
	Reply appAccessToken(byte[] body) {
		JsonNode request = this.replies.parseObject(body);
		Reply error = checkCredentials(request);
		if (error != null) {
			return error;
		}
		if (!this.tickets.contains(request.path("app_ticket").asString(""))) {
			return this.replies.error(400, 10012, "app_ticket is invalid");
		}
		return tokenReply("app_access_token", reuseOrIssue("a-", null));
	}

	/** {@code POST /open-apis/auth/v3/tenant_access_token}: a store app's token for one of its tenants. */
	Reply storeTenantToken(byte[] body) {
		JsonNode request = this.replies.parseObject(body);
		IssuedToken appToken = this.tokens.get(request.path("app_access_token").asString(""));
		if (appToken == null || appToken.caller() != null || isExpired(appToken)) {
			return this.replies.error(400, 99991664, "Invalid app access token.");
		}
		String tenantKey = request.path("tenant_key").asString("");
		if (!this.app.tenants().contains(tenantKey)) {
			return this.replies.error(400, 10003, "invalid param: the app is not installed by tenant " + tenantKey);
		}
		return tokenReply("tenant_access_token", reuseOrIssue("t-", Caller.app(tenantKey)));
	}

	/** A new app ticket, valid from now on, for the platform to push. */
	String issueAppTicket() {
		String ticket = "emulated-ticket-" + this.replies.randomHex(16);
		this.tickets.add(ticket);
		return ticket;
	}

	String issueUserAccessToken(String userId) {
		return issueUserAccessToken(userId, this.lifetime);
	}

	String issueUserAccessToken(String userId, Duration lifetime) {
		IssuedToken issued = new IssuedToken("u-" + this.replies.randomHex(20),
				Caller.user(this.app.defaultTenant(), userId), this.clock.instant().plus(lifetime));
		this.tokens.put(issued.value(), issued);
		return issued.value();
	}

	/**
	 * A user access token of the emulator's state: its value as given, valid until then (a token's lifetime from now
	 * when not said).
	 * @throws IllegalArgumentException if it is not of the platform's form ({@code u-...}) or is another user's
	 */
	synchronized void loadUserAccessToken(String userId, String value, @Nullable Instant expiresAt) {
		String refusal = refusal(userId, value);
		if (refusal != null) {
			throw new IllegalArgumentException(refusal);
		}
		this.tokens.put(value, new IssuedToken(value, Caller.user(this.app.defaultTenant(), userId),
				(expiresAt != null) ? expiresAt : this.clock.instant().plus(this.lifetime)));
	}

	/**
	 * Why a user access token of the emulator's state cannot be loaded: not of the platform's form, or another's
	 * (the message never shows the token).
	 */
	@Nullable String refusal(String userId, String value) {
		if (!value.startsWith("u-") || value.length() < 8) {
			return "a user access token starts with u- and has at least 8 characters";
		}
		IssuedToken existing = this.tokens.get(value);
		if (existing != null && (existing.caller() == null || !userId.equals(existing.caller().userId()))) {
			return "that token was issued to another";
		}
		return null;
	}

	/** The user access tokens still valid, for the emulator's state: whose each is and until when. */
	ArrayNode userState() {
		ArrayNode state = this.replies.mapper().createArrayNode();
		this.tokens.values().forEach((token) -> {
			if (token.value().startsWith("u-") && token.caller() != null && !isExpired(token)) {
				state.addObject()
					.put("userId", token.caller().userId())
					.put("accessToken", token.value())
					.put("expiresAt", token.expiresAt().toString());
			}
		});
		return state;
	}

	/** Every user access token issued so far expires now: calls made with them get code {@code 99991677}. */
	void expireUserAccessTokens() {
		Instant now = this.clock.instant();
		this.tokens.replaceAll((value, token) -> value.startsWith("u-")
				? new IssuedToken(value, token.caller(), now) : token);
	}

	/** Whom a VC call's {@code Authorization} header speaks for, or the platform's refusal. */
	Reply authenticated(@Nullable String authorization, Function<Caller, Reply> call) {
		if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() == 7) {
			return this.replies.error(400, 99991661,
					"Missing access token for authorization. Please make a request with token attached.");
		}
		String value = authorization.substring(7);
		IssuedToken token = this.tokens.get(value);
		boolean user = value.startsWith("u-");
		if (token == null || token.caller() == null) {
			return user ? this.replies.error(400, 99991668, "Invalid access token for authorization.")
					: this.replies.error(400, 99991663, INVALID_TENANT_TOKEN_MSG);
		}
		if (isExpired(token)) {
			return user ? this.replies.error(400, 99991677, "user access token expired")
					: this.replies.error(400, 99991663, INVALID_TENANT_TOKEN_MSG);
		}
		return call.apply(token.caller());
	}

	void expireAll() {
		this.tokens.clear();
		this.latest.clear();
	}

	private @Nullable Reply checkCredentials(@Nullable JsonNode request) {
		if (request == null) {
			return this.replies.error(400, 10003, "invalid param");
		}
		String id = request.path("app_id").asString("");
		String secret = request.path("app_secret").asString("");
		if (id.isEmpty() || secret.isEmpty() || !id.equals(this.app.appId())) {
			return this.replies.error(400, 10003, "invalid param");
		}
		return secret.equals(this.app.appSecret()) ? null : this.replies.error(400, 10014, "app secret invalid");
	}

	/** Like the platform: the same token while more than 30 minutes remain, a new one after. */
	private synchronized IssuedToken reuseOrIssue(String prefix, @Nullable Caller caller) {
		String holder = (caller != null) ? "tenant:" + caller.tenantKey() : "app";
		IssuedToken current = this.latest.get(holder);
		if (current != null && this.tokens.containsKey(current.value())
				&& Duration.between(this.clock.instant(), current.expiresAt()).compareTo(TOKEN_REUSE_THRESHOLD) > 0) {
			return current;
		}
		IssuedToken issued = issue(prefix, caller);
		this.latest.put(holder, issued);
		return issued;
	}

	private IssuedToken issue(String prefix, @Nullable Caller caller) {
		IssuedToken issued = new IssuedToken(prefix + this.replies.randomHex(20), caller,
				this.clock.instant().plus(this.lifetime));
		this.tokens.put(issued.value(), issued);
		return issued;
	}

	private Reply tokenReply(String field, IssuedToken token) {
		ObjectNode reply = this.replies.object()
			.put("code", 0)
			.put("msg", "ok")
			.put(field, token.value())
			.put("expire", Duration.between(this.clock.instant(), token.expiresAt()).toSeconds());
		return this.replies.json(200, reply);
	}

	private boolean isExpired(IssuedToken token) {
		return !this.clock.instant().isBefore(token.expiresAt());
	}

	/** An issued token: whom it speaks for ({@code null} for a store app's app token) and until when. */
	private record IssuedToken(String value, @Nullable Caller caller, Instant expiresAt) {
	}

}
