package io.github.feishuvc.health;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.feishuvc.auth.TenantTokenFailures;
import io.github.feishuvc.auth.TokenRefresh;
import io.github.feishuvc.auth.TokenRefreshHistory;
import io.github.feishuvc.core.FeishuVcApiException;
import io.github.feishuvc.core.FeishuVcException;
import io.github.feishuvc.core.FeishuVcSharedStateStatus;
import io.github.feishuvc.events.longconnection.LongConnectionState;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the app can obtain its own token, judged by the last fetch the client made (the tenant token of a self-built
 * app, the app token of a store app): {@code UP} after a fetch that succeeded, {@code DOWN} after one that failed,
 * {@code UNKNOWN} before the first. The tenants of a store app never decide it: their failed fetches (an uninstalled
 * tenant, a wrong tenant key) show as a detail ({@code tenantTokenFailures}: count, last tenant, time and error).
 * Nor does the shared state, whose state is a detail too. A probe never calls the platform, and the details never
 * include a token.
 */
public class FeishuVcHealthIndicator implements HealthIndicator {

	private final TokenRefreshHistory tokens;

	private final Clock clock;

	private final @Nullable FeishuVcSharedStateStatus sharedState;

	private final @Nullable Supplier<LongConnectionState> longConnection;

	/**
	 * Create the indicator.
	 * @param tokens what the token fetches did lately
	 * @param clock the clock that ages them
	 */
	public FeishuVcHealthIndicator(TokenRefreshHistory tokens, Clock clock) {
		this(tokens, clock, null);
	}

	/**
	 * Create an indicator that also reports the state the app's instances share; an outage shows in the details but
	 * does not make the client down, since each instance goes on with its own memory.
	 * @param tokens the token provider's history
	 * @param clock the clock that decides whether a token has expired
	 * @param sharedState the shared state, or {@code null} for none
	 */
	public FeishuVcHealthIndicator(TokenRefreshHistory tokens, Clock clock,
			@Nullable FeishuVcSharedStateStatus sharedState) {
		this(tokens, clock, sharedState, null);
	}

	/**
	 * Create an indicator that also reports the long connection; one the platform refused for good, or that has
	 * failed to connect for longer than its grace period, makes the client down, since no event arrives.
	 * @param tokens the token provider's history
	 * @param clock the clock that decides whether a token has expired
	 * @param sharedState the shared state, or {@code null} for none
	 * @param longConnection the state of the long connection, or {@code null} without one
	 */
	public FeishuVcHealthIndicator(TokenRefreshHistory tokens, Clock clock,
			@Nullable FeishuVcSharedStateStatus sharedState, @Nullable Supplier<LongConnectionState> longConnection) {
		this.tokens = tokens;
		this.clock = clock;
		this.sharedState = sharedState;
		this.longConnection = longConnection;
	}

	@Override
	public Health health() {
		Health.Builder health = tokenHealth();
		TenantTokenFailures tenants = this.tokens.tenantFailures();
		TokenRefresh lastTenantFailure = tenants.last();
		if (lastTenantFailure != null && lastTenantFailure.failure() != null) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("count", tenants.count());
			details.put("lastTenantKey", String.valueOf(tenants.lastTenantKey()));
			details.put("lastFailure", lastTenantFailure.at().toString());
			details.put("lastError", describe(lastTenantFailure.failure()));
			health.withDetail("tenantTokenFailures", details);
		}
		FeishuVcSharedStateStatus shared = this.sharedState;
		if (shared != null) {
			Map<String, Object> details = new LinkedHashMap<>();
			// Read once: it may come back while the details are written.
			boolean available = shared.isAvailable();
			details.put("type", shared.type());
			details.put("status", available ? "UP" : "DOWN");
			if (!available) {
				details.put("since", String.valueOf(shared.unavailableSince()));
				details.put("error", String.valueOf(shared.lastFailure()));
			}
			health.withDetail("sharedState", details);
		}
		if (this.longConnection != null) {
			LongConnectionState state = this.longConnection.get();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("status", state.status().name());
			details.put("since", state.since().toString());
			if (state.reason() != null) {
				details.put("reason", state.reason());
			}
			details.put("received", state.received());
			details.put("acknowledged", state.acknowledged());
			health.withDetail("longConnection", details);
			if (state.down()) {
				health.down();
			}
		}
		return health.build();
	}

	private static String describe(Throwable failure) {
		String code = (failure instanceof FeishuVcApiException api) ? " (code " + api.code() + ")" : "";
		return failure.getClass().getSimpleName() + code;
	}

	private Health.Builder tokenHealth() {
		TokenRefresh last = this.tokens.lastRefresh();
		if (last == null) {
			return Health.unknown().withDetail("token", "not fetched yet");
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
