package io.github.feishuvc.health;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.feishuvc.auth.TokenRefresh;
import io.github.feishuvc.auth.TokenRefreshHistory;
import io.github.feishuvc.core.FeishuVcApiException;
import io.github.feishuvc.core.FeishuVcException;
import io.github.feishuvc.core.FeishuVcStoreStatus;
import org.jspecify.annotations.Nullable;

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

	private final @Nullable FeishuVcStoreStatus store;

	public FeishuVcHealthIndicator(TokenRefreshHistory tokens, Clock clock) {
		this(tokens, clock, null);
	}

	/**
	 * Create an indicator that also reports the store the app's instances share; an unavailable store shows in the
	 * details but does not make the client down, since each instance goes on with its own memory.
	 * @param tokens the token provider's history
	 * @param clock the clock that decides whether a token has expired
	 * @param store the shared store, or {@code null} for none
	 */
	public FeishuVcHealthIndicator(TokenRefreshHistory tokens, Clock clock, @Nullable FeishuVcStoreStatus store) {
		this.tokens = tokens;
		this.clock = clock;
		this.store = store;
	}

	@Override
	public Health health() {
		Health.Builder health = tokenHealth();
		FeishuVcStoreStatus store = this.store;
		if (store != null) {
			Map<String, Object> details = new LinkedHashMap<>();
			// Read once: the store may come back while the details are written.
			boolean available = store.isAvailable();
			details.put("type", store.type());
			details.put("status", available ? "UP" : "DOWN");
			if (!available) {
				details.put("since", String.valueOf(store.unavailableSince()));
				details.put("error", String.valueOf(store.lastFailure()));
			}
			health.withDetail("store", details);
		}
		return health.build();
	}

	private Health.Builder tokenHealth() {
		TokenRefresh last = this.tokens.lastRefresh();
		if (last == null) {
			return Health.unknown().withDetail("tenantAccessToken", "not fetched yet");
		}
		if (last.succeeded()) {
			boolean expired = last.expiresAt() != null && !this.clock.instant().isBefore(last.expiresAt());
			return Health.up()
				.withDetail("lastRefresh", last.at().toString())
				.withDetail("tokenExpiresAt", String.valueOf(last.expiresAt()))
				.withDetail("tokenExpired", expired);
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
		return down;
	}

}
