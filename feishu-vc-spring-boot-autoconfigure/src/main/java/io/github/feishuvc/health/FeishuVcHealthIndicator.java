package io.github.feishuvc.health;

import java.time.Clock;

import io.github.feishuvc.auth.TokenRefresh;
import io.github.feishuvc.auth.TokenRefreshHistory;
import io.github.feishuvc.core.FeishuVcApiException;
import io.github.feishuvc.core.FeishuVcException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the app can obtain its tokens, judged by the last fetch the client made (for a store app, of its app token
 * or any tenant's): {@code UP} after a fetch that succeeded, {@code DOWN} after one that failed, {@code UNKNOWN}
 * before the first. A probe never calls the platform, and the details never include a token.
 */
public class FeishuVcHealthIndicator implements HealthIndicator {

	private final TokenRefreshHistory tokens;

	private final Clock clock;

	public FeishuVcHealthIndicator(TokenRefreshHistory tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	@Override
	public Health health() {
		TokenRefresh last = this.tokens.lastRefresh();
		if (last == null) {
			return Health.unknown().withDetail("tenantAccessToken", "not fetched yet").build();
		}
		if (last.succeeded()) {
			boolean expired = last.expiresAt() != null && !this.clock.instant().isBefore(last.expiresAt());
			return Health.up()
				.withDetail("lastRefresh", last.at().toString())
				.withDetail("tokenExpiresAt", String.valueOf(last.expiresAt()))
				.withDetail("tokenExpired", expired)
				.build();
		}
		Health.Builder down = Health.down()
			.withDetail("lastRefresh", last.at().toString())
			.withDetail("error", last.failure().getClass().getSimpleName())
			.withDetail("message", String.valueOf(last.failure().getMessage()));
		if (last.failure() instanceof FeishuVcException failure) {
			down.withDetail("httpStatus", failure.httpStatus()).withDetail("attempts", failure.attempts());
			if (failure.logId() != null) {
				down.withDetail("logId", failure.logId());
			}
		}
		if (last.failure() instanceof FeishuVcApiException api) {
			down.withDetail("code", api.code()).withDetail("msg", api.msg());
		}
		return down.build();
	}

}
