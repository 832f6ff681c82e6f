package io.github.feishuvc.core;

/**
 * The platform refused a feature it offers only to the tenants (or meeting owners) of its gray release (灰度): the
 * meeting agents ({@code bots/*}) answer {@code 20017} ({@code ErrNotInGray}: the app or tenant is not on the agents'
 * allowlist) or, for an agent joining as the app, {@code 10012} ("The meeting owner is not included in the gray release
 * scope, so joining the meeting via application identity is not allowed."). Not a missing scope and not a sign-in
 * problem: granting scopes or retrying does not help; the tenant must ask the platform for access (see
 * {@code docs/agents.md}). A {@link FeishuVcNotSupportedException}, since the feature is not available to the tenant;
 * never retried.
 */
public class FeishuVcGrayReleaseException extends FeishuVcNotSupportedException {

	/**
	 * Create the exception.
	 * @param info the call that failed
	 * @param code the platform's error code
	 * @param msg the platform's error message
	 */
	public FeishuVcGrayReleaseException(CallInfo info, int code, String msg) {
		super(info, code, msg);
	}

	/**
	 * Says that the feature is in gray release and how to get it, beside the platform's code and message.
	 * @return the message
	 */
	@Override
	public String getMessage() {
		return super.getMessage() + " (the feature is in gray release and not open to this tenant or meeting owner: "
				+ "ask Feishu for access, see docs/agents.md)";
	}

}
