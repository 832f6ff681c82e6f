package io.github.feishuvc.core;

import org.jspecify.annotations.Nullable;

/**
 * A call acting as a signed-in user could not get a user access token: the user never authorized the app, or their
 * refresh token was refused (expired, used, or revoked) after the platform rejected their access token. The user must
 * sign in again; redirect them to the sign-in page. Nothing was sent with a token the platform would refuse.
 */
public class FeishuVcSignInRequiredException extends FeishuVcException {

	/** The operation name of a failed user token: {@value}. */
	public static final String OPERATION = "auth.user_access_token";

	/** The user who must sign in again. */
	private final String principalName;

	/**
	 * Create the exception.
	 * @param principalName the user, as the application's security knows them (their open id after sign-in)
	 * @param reason why no token could be had, without any token
	 * @param cause what the authorization layer reported, if anything
	 */
	public FeishuVcSignInRequiredException(String principalName, String reason, @Nullable Throwable cause) {
		super(CallInfo.noResponse(OPERATION, 1), "User " + principalName + " must sign in with Feishu again: " + reason,
				cause);
		this.principalName = principalName;
	}

	/**
	 * The user who must sign in again.
	 * @return their principal name
	 */
	public String principalName() {
		return this.principalName;
	}

}
