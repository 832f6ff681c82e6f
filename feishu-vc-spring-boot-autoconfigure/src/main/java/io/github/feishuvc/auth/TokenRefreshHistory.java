package io.github.feishuvc.auth;

import org.jspecify.annotations.Nullable;

/**
 * A token provider that remembers how its last fetch went, so that health checks can report it without calling
 * the platform.
 */
public interface TokenRefreshHistory {

	/**
	 * How the last token fetch went; reading it never calls the platform.
	 * @return the last fetch, or {@code null} if none was made yet
	 */
	@Nullable TokenRefresh lastRefresh();

}
