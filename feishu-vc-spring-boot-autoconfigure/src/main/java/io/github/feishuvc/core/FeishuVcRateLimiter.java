package io.github.feishuvc.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Keeps calls under the platform's per-API rate limits ({@code feishu.vc.rate-limit.*}) by delaying them, without
 * blocking a thread. The platform counts each app, tenant and API on its own, at arrival.
 *
 * <p>The auto-configured limiter is {@link ClientRateLimiter}, in this instance's memory; with
 * {@code feishu.vc.store.type=redis} the instances of an app share their windows through Redis.
 */
public interface FeishuVcRateLimiter {

	/**
	 * Wait for a permit to make one call of an operation in a tenant.
	 * @param tenantKey the tenant, or {@code null} for the app's own
	 * @param operation the operation, such as {@code reserve.get}
	 * @param attempt the attempt of the call, for the error
	 * @return the delay, emitted when the call may go ({@link Duration#ZERO} at once); a
	 * {@link FeishuVcClientRateLimitException} if the delay would be longer than allowed
	 */
	Mono<Duration> acquire(@Nullable String tenantKey, String operation, int attempt);

	/**
	 * The platform refused a call of an operation in a tenant with HTTP 429: no permit of theirs should be given before
	 * its reset. Does nothing by default.
	 * @param tenantKey the tenant, or {@code null} for the app's own
	 * @param operation the operation refused
	 * @param reset how long the platform asked to wait ({@code x-ogw-ratelimit-reset}), or {@code null} if it did not
	 * say
	 */
	default void refused(@Nullable String tenantKey, String operation, @Nullable Duration reset) {
	}

	/**
	 * Whether an operation is a token fetch ({@code auth.*}): counted as the app's, whatever tenant it is for.
	 * @param operation the operation
	 * @return whether it calls a token endpoint
	 */
	static boolean isTokenFetch(String operation) {
		return operation.startsWith("auth.");
	}

}
