package io.github.feishuvc.core;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The state of what the instances of an app share ({@code feishu.vc.shared-state.type}), for health checks. While it
 * is unavailable each instance goes on with its own memory.
 */
public interface FeishuVcSharedStateStatus {

	/**
	 * Where the state is shared, such as {@code redis}.
	 * @return the type
	 */
	String type();

	/**
	 * Whether it answers: no outage is going on.
	 * @return whether it is available
	 */
	boolean isAvailable();

	/**
	 * Since when it has been unavailable.
	 * @return the time the outage was declared, {@code null} while it is available
	 */
	@Nullable Instant unavailableSince();

	/**
	 * Why it is unavailable, as the failure's class and message; never holds a key's value.
	 * @return the last failure, {@code null} while it is available
	 */
	@Nullable String lastFailure();

}
