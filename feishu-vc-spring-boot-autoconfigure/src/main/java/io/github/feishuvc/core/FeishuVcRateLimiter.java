package io.github.feishuvc.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Keeps calls under the platform's per-API rate limits ({@code feishu.vc.rate-limit.*}) by delaying them, without
 * blocking a thread. The platform counts each app, tenant and API on its own, at arrival.
 *
 * <p>The auto-configured limiter is {@link ClientRateLimiter}, in this instance's memory; with
 * {@code feishu.vc.shared-state.type=redis} the instances of an app share their windows through Redis.
 */
public interface FeishuVcRateLimiter {

	/**
	 * Wait for a permit to make one call of an operation in a tenant.
	 * @param tenantKey the tenant, or {@code null} for the app's own
	 * @param operation the operation, such as {@code reserve.get}
	 * @param attempt the attempt of the call, for the error
	 * @return the permit, emitted when the call may go; a {@link FeishuVcClientRateLimitException} if the delay would
	 * be longer than allowed
	 */
	Mono<Permit> acquire(@Nullable String tenantKey, String operation, int attempt);

	/**
	 * The platform refused the call of a permit with HTTP 429: the permit goes back to its window (the platform did
	 * not count the call), and no permit of that tenant and operation should be given before the platform's reset.
	 * Does nothing by default.
	 * @param permit the permit of the refused call
	 * @param reset how long the platform asked to wait ({@code x-ogw-ratelimit-reset}), or {@code null} if it did not
	 * say
	 * @return completes once the limiter knows
	 */
	default Mono<Void> refused(Permit permit, @Nullable Duration reset) {
		return Mono.empty();
	}

	/**
	 * Whether an operation is a token fetch ({@code auth.*}): counted as the app's, whatever tenant it is for.
	 * @param operation the operation
	 * @return whether it calls a token endpoint
	 */
	static boolean isTokenFetch(String operation) {
		return operation.startsWith("auth.");
	}

	/**
	 * A permit to make one call.
	 *
	 * @param tenantKey the tenant, or {@code null} for the app's own
	 * @param operation the operation
	 * @param waited how long the call waited for it
	 * @param token what the limiter that gave it needs to take it back ({@link #refused}); opaque to others
	 */
	record Permit(@Nullable String tenantKey, String operation, Duration waited, @Nullable Object token) {

		/** Never shows the token. */
		@Override
		public String toString() {
			return "Permit[tenantKey=" + this.tenantKey + ", operation=" + this.operation + ", waited=" + this.waited
					+ "]";
		}

	}

}
