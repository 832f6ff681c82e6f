package io.github.feishuvc.internal;

import io.github.feishuvc.core.AccessTokenSource;
import io.github.feishuvc.core.FeishuVcOperations;
import io.github.feishuvc.core.UserIdType;

/**
 * What every family's template shares: its {@link FeishuApiCaller}, and the views of its operations (another user id
 * type, a tenant of a store app, a user), written once here.
 *
 * @param <O> the family's operations
 */
public abstract class FeishuTemplate<O> implements FeishuVcOperations<O> {

	/** Makes the calls, as whom the view says. */
	protected final FeishuApiCaller caller;

	/**
	 * Create the template.
	 * @param caller makes the calls
	 */
	protected FeishuTemplate(FeishuApiCaller caller) {
		this.caller = caller;
	}

	/**
	 * The same operations over another caller.
	 * @param caller the caller
	 * @return the operations
	 */
	protected abstract O with(FeishuApiCaller caller);

	@Override
	public O withUserIdType(UserIdType userIdType) {
		return with(this.caller.withUserIdType(userIdType));
	}

	@Override
	public O forTenant(String tenantKey) {
		return with(this.caller.forTenant(tenantKey));
	}

	@Override
	public O withUserAccessToken(String userAccessToken) {
		return with(this.caller.withUserAccessToken(userAccessToken));
	}

	@Override
	public O withUserAccessToken(AccessTokenSource userAccessTokens) {
		return with(this.caller.withUserAccessToken(userAccessTokens));
	}

	/** Never shows a token. */
	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.caller + "]";
	}

}
