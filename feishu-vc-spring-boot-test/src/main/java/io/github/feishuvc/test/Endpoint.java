package io.github.feishuvc.test;

/**
 * The platform's own endpoints {@link FeishuVcEmulator} serves (tokens, sign-in, the long connection's URL), for
 * counting and inspecting requests; the VC API's endpoints go by their operation, such as {@code reserve.get}.
 */
public enum Endpoint {

	/** {@code POST /open-apis/auth/v3/tenant_access_token/internal}: a self-built app's tenant token. */
	TENANT_ACCESS_TOKEN,

	/** {@code POST /open-apis/auth/v3/app_ticket/resend}: a store app asks for its app ticket again. */
	APP_TICKET_RESEND,

	/** {@code POST /open-apis/auth/v3/app_access_token}: a store app's app token, for its app ticket. */
	APP_ACCESS_TOKEN,

	/** {@code POST /open-apis/auth/v3/tenant_access_token}: a store app's token for one tenant. */
	STORE_TENANT_ACCESS_TOKEN,

	/** {@code GET /open-apis/authen/v1/authorize}: signs a user in and redirects back with a code. */
	USER_AUTHORIZE,

	/** {@code POST /open-apis/authen/v2/oauth/token}: a user's tokens, for a code or a refresh token. */
	USER_ACCESS_TOKEN,

	/** {@code GET /open-apis/authen/v1/user_info}: whom a user access token speaks for. */
	USER_INFO,

	/** {@code POST /callback/ws/endpoint}: the URL of a new long connection, for a self-built app. */
	LONG_CONNECTION_ENDPOINT,

	/**
	 * {@code GET /space/api/box/stream/download/authcode/?code=...}: a minute's media file, from the pre-signed URL
	 * {@code GET /minutes/:minute_token/media} hands out (no token; the code is valid for a day).
	 */
	MINUTE_MEDIA,

	/**
	 * An endpoint of the VC API, as the client declares it; the emulator counts, records and faults each by its
	 * operation ({@link FeishuVcEmulator#requestCount(String)}, {@link RecordedRequest#operation()}).
	 */
	VC_API,

	/** Any path the emulator does not serve (answered {@code 404 page not found}). */
	UNKNOWN

}
