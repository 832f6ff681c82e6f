package io.github.feishuvc.test;

/**
 * The endpoints {@link FeishuVcEmulator} serves, for counting and inspecting requests.
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

	/** {@code POST /open-apis/vc/v1/reserves/apply}. */
	RESERVE_APPLY,

	/** {@code GET /open-apis/vc/v1/reserves/:reserve_id}. */
	RESERVE_GET,

	/** {@code PUT /open-apis/vc/v1/reserves/:reserve_id}. */
	RESERVE_UPDATE,

	/** {@code DELETE /open-apis/vc/v1/reserves/:reserve_id}. */
	RESERVE_DELETE,

	/** {@code GET /open-apis/vc/v1/reserves/:reserve_id/get_active_meeting}. */
	RESERVE_GET_ACTIVE_MEETING,

	/** {@code GET /open-apis/vc/v1/meetings/:meeting_id}. */
	MEETING_GET,

	/** {@code GET /open-apis/vc/v1/meetings/list_by_no}: the platform allows 100 a minute. */
	MEETING_LIST_BY_NO(100),

	/** {@code PATCH /open-apis/vc/v1/meetings/:meeting_id/invite}. */
	MEETING_INVITE,

	/** {@code POST /open-apis/vc/v1/meetings/:meeting_id/kickout}. */
	MEETING_KICKOUT,

	/** {@code PATCH /open-apis/vc/v1/meetings/:meeting_id/set_host}. */
	MEETING_SET_HOST,

	/** {@code PATCH /open-apis/vc/v1/meetings/:meeting_id/end}. */
	MEETING_END,

	/** {@code GET /open-apis/vc/v1/meetings/:meeting_id/recording}. */
	RECORDING_GET,

	/** {@code PATCH /open-apis/vc/v1/meetings/:meeting_id/recording/start}. */
	RECORDING_START,

	/** {@code PATCH /open-apis/vc/v1/meetings/:meeting_id/recording/stop}. */
	RECORDING_STOP,

	/** {@code PATCH /open-apis/vc/v1/meetings/:meeting_id/recording/set_permission}. */
	RECORDING_SET_PERMISSION,

	/** {@code GET /open-apis/authen/v1/authorize}: signs a user in and redirects back with a code. */
	USER_AUTHORIZE,

	/** {@code POST /open-apis/authen/v2/oauth/token}: a user's tokens, for a code or a refresh token. */
	USER_ACCESS_TOKEN,

	/** {@code GET /open-apis/authen/v1/user_info}: whom a user access token speaks for. */
	USER_INFO,

	/** {@code POST /callback/ws/endpoint}: the URL of a new long connection, for a self-built app. */
	LONG_CONNECTION_ENDPOINT,

	/** Any path the emulator does not serve (answered {@code 404 page not found}). */
	UNKNOWN;

	private final int perMinuteLimit;

	Endpoint() {
		this(0);
	}

	Endpoint(int perMinuteLimit) {
		this.perMinuteLimit = perMinuteLimit;
	}

	/** The platform's own limit a minute when it is lower than the standard tier, else {@code 0}. */
	int perMinuteLimit() {
		return this.perMinuteLimit;
	}

}
