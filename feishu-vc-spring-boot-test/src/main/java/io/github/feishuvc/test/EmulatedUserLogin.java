package io.github.feishuvc.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.feishuvc.test.Replies.Reply;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signing users in, as the platform's OAuth 2.0 endpoints do: the authorize page (which signs in the user set by
 * {@link FeishuVcEmulator#signInAs(String)} and redirects back at once with a single-use code valid for 5 minutes,
 * PKCE checked when sent), the v2 token endpoint ({@code authorization_code} and {@code refresh_token}, refresh
 * tokens rotating) and the user info, in the platform's nested form.
 */
final class EmulatedUserLogin {

	static final String AUTHORIZE_PATH = "/open-apis/authen/v1/authorize";

	static final String TOKEN_PATH = "/open-apis/authen/v2/oauth/token";

	static final String USER_INFO_PATH = "/open-apis/authen/v1/user_info";

	/** Who the authorize page signs in until a test says otherwise. */
	static final String DEFAULT_USER = "ou_emulated_user";

	private static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

	private static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(7);

	private final EmulatedApp app;

	private final EmulatedTokens tokens;

	private final Replies replies;

	private final Clock clock;

	private final Duration accessTokenLifetime;

	private final Map<String, Code> codes = new ConcurrentHashMap<>();

	private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();

	private volatile String signedIn = DEFAULT_USER;

	EmulatedUserLogin(EmulatedApp app, EmulatedTokens tokens, Replies replies, Clock clock,
			Duration accessTokenLifetime) {
		this.app = app;
		this.tokens = tokens;
		this.replies = replies;
		this.clock = clock;
		this.accessTokenLifetime = accessTokenLifetime;
	}

	void signInAs(String userId) {
		this.signedIn = userId;
	}

	/** Refresh tokens refused from now on, as when the user revoked the app's access or signed out everywhere. */
	void revokeRefreshTokens() {
		this.refreshTokens.clear();
	}

	/** {@code GET /open-apis/authen/v1/authorize}: the user is signed in and consents at once. */
	Reply authorize(Map<String, List<String>> query) {
		String clientId = first(query, "client_id");
		String redirectUri = first(query, "redirect_uri");
		if (!this.app.appId().equals(clientId) || !"code".equals(first(query, "response_type"))
				|| redirectUri == null || !redirectUri.matches("https?://.+")) {
			return this.replies.error(400, 20001, "invalid request: client_id, response_type=code and redirect_uri");
		}
		String challenge = first(query, "code_challenge");
		String method = (challenge != null) ? first(query, "code_challenge_method") : null;
		if (method != null && !method.equals("S256") && !method.equals("plain")) {
			return this.replies.error(400, 20001, "invalid request: code_challenge_method");
		}
		String scope = first(query, "scope");
		String code = this.replies.randomHex(16);
		this.codes.put(code, new Code(this.signedIn, redirectUri, (scope != null) ? scope : "", challenge,
				(method != null) ? method : "plain", this.clock.instant().plus(CODE_LIFETIME)));
		String state = first(query, "state");
		String location = redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + code
				+ ((state != null) ? "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8) : "");
		return this.replies.text(302, "text/plain; charset=utf-8", "").withHeader("Location", location);
	}

	/** {@code POST /open-apis/authen/v2/oauth/token}: form or JSON, the client's id and secret in the body. */
	Reply token(@Nullable String authorization, byte[] body) {
		Map<String, String> request = parameters(body);
		if (authorization != null && authorization.startsWith("Basic ") && request.containsKey("client_secret")) {
			return oauthError(400, 20070, "invalid_request",
					"Please use only one of client_id/client_secret in the body or Basic authentication");
		}
		if (!this.app.appId().equals(request.get("client_id"))
				|| !this.app.appSecret().equals(request.get("client_secret"))) {
			return oauthError(401, 20002, "invalid_client", "client authentication failed");
		}
		return switch (String.valueOf(request.get("grant_type"))) {
			case "authorization_code" -> exchangeCode(request);
			case "refresh_token" -> refresh(request);
			default -> oauthError(400, 20001, "unsupported_grant_type", "grant_type");
		};
	}

	/** {@code GET /open-apis/authen/v1/user_info}: whom a user access token speaks for. */
	Reply userInfo(@Nullable String authorization) {
		return this.tokens.authenticated(authorization, (caller) -> {
			if (caller.isApp()) {
				return this.replies.error(400, 99991668, "Invalid access token for authorization.");
			}
			String userId = caller.userId();
			ObjectNode data = this.replies.object()
				.put("name", "Emulated " + userId)
				.put("en_name", "Emulated " + userId)
				.put("avatar_url", "https://s1-imfile.feishucdn.com/static-resource/v1/" + userId)
				.put("open_id", userId)
				.put("union_id", "on_" + userId)
				.put("user_id", userId)
				.put("email", userId + "@example.com")
				.put("tenant_key", caller.tenantKey());
			return this.replies.success(data);
		});
	}

	private Reply exchangeCode(Map<String, String> request) {
		Code code = this.codes.remove(String.valueOf(request.get("code")));
		if (code == null) {
			return oauthError(400, 20003, "invalid_grant", "the code is not valid, or was used");
		}
		if (!this.clock.instant().isBefore(code.expiresAt())) {
			return oauthError(400, 20004, "invalid_grant", "the code expired");
		}
		if (!code.redirectUri().equals(request.get("redirect_uri"))) {
			return oauthError(400, 20003, "invalid_grant", "redirect_uri does not match the authorize request");
		}
		if (code.challenge() != null && !code.challenge().equals(challengeOf(request.get("code_verifier"), code.method()))) {
			return oauthError(400, 20003, "invalid_grant", "code_verifier does not match the code_challenge");
		}
		return issue(code.userId(), code.scope());
	}

	private Reply refresh(Map<String, String> request) {
		RefreshToken token = this.refreshTokens.remove(String.valueOf(request.get("refresh_token")));
		if (token == null) {
			return oauthError(400, 20064, "invalid_grant", "the refresh token is not valid, or was used");
		}
		if (!this.clock.instant().isBefore(token.expiresAt())) {
			return oauthError(400, 20037, "invalid_grant", "the refresh token expired");
		}
		return issue(token.userId(), token.scope());
	}

	private Reply issue(String userId, String scope) {
		ObjectNode reply = this.replies.object()
			.put("code", 0)
			.put("access_token", this.tokens.issueUserAccessToken(userId, this.accessTokenLifetime))
			.put("expires_in", this.accessTokenLifetime.toSeconds())
			.put("token_type", "Bearer")
			.put("scope", scope);
		if (List.of(scope.split(" ")).contains("offline_access")) {
			String refreshToken = "r-" + this.replies.randomHex(20);
			this.refreshTokens.put(refreshToken,
					new RefreshToken(userId, scope, this.clock.instant().plus(REFRESH_TOKEN_LIFETIME)));
			reply.put("refresh_token", refreshToken).put("refresh_token_expires_in", REFRESH_TOKEN_LIFETIME.toSeconds());
		}
		return this.replies.json(200, reply);
	}

	private Reply oauthError(int status, int code, String error, String description) {
		return this.replies.json(status,
				this.replies.object().put("code", code).put("error", error).put("error_description", description));
	}

	private Map<String, String> parameters(byte[] body) {
		Map<String, String> parameters = new HashMap<>();
		if (body.length > 0 && body[0] == '{') {
			ObjectNode json = this.replies.parseObject(body);
			if (json != null) {
				json.properties().forEach((entry) -> parameters.put(entry.getKey(), entry.getValue().asString("")));
			}
			return parameters;
		}
		new QueryStringDecoder(new String(body, StandardCharsets.UTF_8), false).parameters()
			.forEach((name, values) -> parameters.put(name, values.get(0)));
		return parameters;
	}

	private static @Nullable String challengeOf(@Nullable String verifier, String method) {
		if (verifier == null) {
			return null;
		}
		if (method.equals("plain")) {
			return verifier;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static @Nullable String first(Map<String, List<String>> query, String name) {
		List<String> values = query.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	private record Code(String userId, String redirectUri, String scope, @Nullable String challenge, String method,
			Instant expiresAt) {
	}

	private record RefreshToken(String userId, String scope, Instant expiresAt) {
	}

}
