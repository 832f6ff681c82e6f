package io.github.feishuvc.core;

/**
 * Error codes the Feishu open platform documents for the VC APIs (reservations, meetings, recordings), its token
 * endpoints and its gateway.
 */
public final class FeishuVcErrorCodes {

	/** Internal error of the VC service (HTTP 500); retrying may help. */
	public static final int INTERNAL_ERROR = 121001;

	/** The feature is not supported (HTTP 400). */
	public static final int NOT_SUPPORTED = 121002;

	/** A parameter is out of range (HTTP 400). */
	public static final int PARAM_ERROR = 121003;

	/** The requested data does not exist (HTTP 404). */
	public static final int DATA_NOT_EXIST = 121004;

	/** No permission for the operation: token type, caller or ownership (HTTP 403). */
	public static final int NO_PERMISSION = 121005;

	/** Data conflict: the state changed since it was read (set host's compare and set; HTTP 409). */
	public static final int DATA_CONFLICT = 121006;

	/** The meeting's state does not allow it, such as an in-meeting operation on a meeting not in progress. */
	public static final int MEETING_STATUS_UNEXPECTED = 122001;

	/** The meeting does not exist (HTTP 404). */
	public static final int MEETING_NOT_EXIST = 122002;

	/** The user operating in the meeting must be in it. */
	public static final int OPERATOR_NOT_IN_MEETING = 122003;

	/** The user operated on must be in the meeting. */
	public static final int TARGET_NOT_IN_MEETING = 122004;

	/** A user cannot operate on themselves. */
	public static final int CANNOT_OPERATE_SELF = 122005;

	/** The meeting has as many participants as it may have. */
	public static final int PARTICIPANT_LIMIT_REACHED = 122006;

	/** The user called is busy. */
	public static final int CALLEE_BUSY = 122007;

	/** The meeting is locked. */
	public static final int MEETING_LOCKED = 122008;

	/** The participant operated on is not in a state that allows it, such as not in the meeting. */
	public static final int PARTICIPANT_STATUS_UNEXPECTED = 122009;

	/** The recording is still being made: ask again after the {@code recording_ready} event. */
	public static final int RECORDING_PROCESSING = 124002;

	/** Recording parameter error: a one-to-one call cannot be recorded automatically (HTTP 400). */
	public static final int RECORD_PARAM_ERROR = 123002;

	/** More than 10 assigned hosts (HTTP 400). */
	public static final int ASSIGN_HOST_LIMIT_EXCEEDED = 123003;

	/** An assigned host is not valid (HTTP 400). */
	public static final int ASSIGN_HOST_ERROR = 123004;

	/**
	 * A token endpoint found a parameter wrong: an app id it does not know, or a tenant that did not install the
	 * store app.
	 */
	public static final int AUTH_INVALID_PARAM = 10003;

	/** The store app's {@code app_ticket} is invalid or stale: a new one must be pushed. */
	public static final int APP_TICKET_INVALID = 10012;

	/** The app secret is wrong. */
	public static final int APP_SECRET_INVALID = 10014;

	/** The gateway's rate limit was hit (HTTP 429). */
	public static final int RATE_LIMITED = 99991400;

	/** No access token was attached to the request. */
	public static final int MISSING_ACCESS_TOKEN = 99991661;

	/** The tenant access token is invalid or expired. */
	public static final int INVALID_TENANT_ACCESS_TOKEN = 99991663;

	/** The app access token is invalid or expired. */
	public static final int INVALID_APP_ACCESS_TOKEN = 99991664;

	/** The tenant access token is not a valid one (invalid tenant code). */
	public static final int INVALID_TENANT_CODE = 99991665;

	/** The user access token is invalid or expired. */
	public static final int INVALID_USER_ACCESS_TOKEN = 99991668;

	/** The access token is malformed (it must start with {@code t-} or {@code u-}). */
	public static final int MALFORMED_ACCESS_TOKEN = 99991671;

	/** The app has not been granted any of the scopes the API needs (HTTP 400; a version with them not released). */
	public static final int APP_SCOPE_MISSING = 99991672;

	/** The user has not granted any of the scopes the API needs under the user's identity. */
	public static final int USER_SCOPE_MISSING = 99991679;

	/** The user access token has expired. */
	public static final int USER_ACCESS_TOKEN_EXPIRED = 99991677;

	/**
	 * Not a platform code: a store app had no {@code app_ticket} to fetch its app access token with (reported by
	 * the client as a {@link FeishuVcAuthenticationException}).
	 */
	public static final int APP_TICKET_MISSING = -1;

	private FeishuVcErrorCodes() {
	}

	/**
	 * Whether a code says the meeting or a participant is not in a state that allows the operation (122001,
	 * 122003 to 122009).
	 * @param code a platform error code
	 * @return {@code true} for the meeting-state codes
	 */
	public static boolean isMeetingStateError(int code) {
		return code == MEETING_STATUS_UNEXPECTED || (code >= OPERATOR_NOT_IN_MEETING && code <= PARTICIPANT_STATUS_UNEXPECTED);
	}

	/**
	 * Whether a token endpoint's code says the credentials were refused: an app id, app secret, app ticket or tenant
	 * the platform does not accept (10003, 10012, 10014), or an access token it does not accept.
	 * @param code a platform error code
	 * @return {@code true} for the credential codes
	 */
	public static boolean isCredentialError(int code) {
		return code == AUTH_INVALID_PARAM || code == APP_TICKET_INVALID || code == APP_SECRET_INVALID
				|| isAccessTokenError(code);
	}

	/**
	 * Whether a code says the access token sent with the request was missing, malformed, invalid or expired: the
	 * access-token codes of the platform's general error table (99991661, 99991663, 99991664, 99991665, 99991668,
	 * 99991671, 99991677).
	 * @param code a platform error code
	 * @return {@code true} for the access-token codes
	 */
	public static boolean isAccessTokenError(int code) {
		return code == MISSING_ACCESS_TOKEN || code == INVALID_TENANT_ACCESS_TOKEN || code == INVALID_APP_ACCESS_TOKEN
				|| code == INVALID_TENANT_CODE || code == INVALID_USER_ACCESS_TOKEN || code == MALFORMED_ACCESS_TOKEN
				|| code == USER_ACCESS_TOKEN_EXPIRED;
	}

}
