package io.github.feishuvc.auth;

import io.github.feishuvc.core.FeishuVcResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /open-apis/auth/v3/tenant_access_token/internal}, which unlike the other APIs has no
 * {@code data} envelope.
 */
record TenantAccessTokenResponse(@Nullable Integer code, @Nullable String msg, @Nullable ErrorDetail error,
		@Nullable String tenantAccessToken, @Nullable Long expire) implements FeishuVcResponseBody {

	boolean isComplete() {
		return this.tenantAccessToken != null && !this.tenantAccessToken.isEmpty() && this.expire != null
				&& this.expire > 0;
	}

	@Override
	public String toString() {
		return "TenantAccessTokenResponse[code=" + this.code + ", msg=" + this.msg + ", expire=" + this.expire
				+ ", tenantAccessToken=[masked]]";
	}

}
