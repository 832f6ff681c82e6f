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

	/** Any path the emulator does not serve (answered {@code 404 page not found}). */
	UNKNOWN

}
