package io.github.feishuvc.auth;

import io.github.feishuvc.core.FeishuVcResponseBody;
import io.github.feishuvc.core.ResponseReader;
import org.jspecify.annotations.Nullable;

/**
 * Body of the token endpoints ({@code tenant_access_token}, {@code app_access_token}), which unlike the other APIs
 * have no {@code data} envelope.
 */
record AccessTokenResponse(@Nullable Integer code, @Nullable String msg, @Nullable ErrorDetail error,
		@Nullable String tenantAccessToken, @Nullable String appAccessToken,
		@Nullable Long expire) implements FeishuVcResponseBody {

	/** Reads the tenant access token and its lifetime. */
	static final ResponseReader<AccessTokenResponse, IssuedToken> TENANT_TOKEN = ResponseReader
		.of(AccessTokenResponse.class, (body) -> IssuedToken.of(body.tenantAccessToken(), body.expire()),
				"tenant_access_token and expire");

	/** Reads the app access token and its lifetime. */
	static final ResponseReader<AccessTokenResponse, IssuedToken> APP_TOKEN = ResponseReader
		.of(AccessTokenResponse.class, (body) -> IssuedToken.of(body.appAccessToken(), body.expire()),
				"app_access_token and expire");

	@Override
	public String toString() {
		return "AccessTokenResponse[code=" + this.code + ", msg=" + this.msg + ", expire=" + this.expire
				+ ", token=[masked]]";
	}

}
