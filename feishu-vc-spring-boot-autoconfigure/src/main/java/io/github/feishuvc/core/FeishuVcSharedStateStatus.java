package io.github.feishuvc.core;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The state of the store the instances of an app share ({@code feishu.vc.store.type}), for health checks. While the
 * store is unavailable each instance goes on with its own memory.
 */
public interface FeishuVcStoreStatus {

	/**
	 * What the store is, such as {@code redis}.
	 * @return the store's type
	 */
	String type();

	/**
	 * Whether the last operation on the store succeeded.
	 * @return whether it is available
	 */
	boolean isAvailable();

	/**
	 * Since when the store has been unavailable.
	 * @return the time of the first failure of the outage, {@code null} while it is available
	 */
	@Nullable Instant unavailableSince();

	/**
	 * Why the store is unavailable, as the failure's class and message; never holds a key's value.
	 * @return the last failure, {@code null} while it is available
	 */
	@Nullable String lastFailure();

}
