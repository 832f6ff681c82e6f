package io.github.feishuvc.minutes;

import java.time.Instant;
import java.util.List;

import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * Who viewed a minute, and how often ({@code GET /minutes/:minute_token/statistics}, the platform's
 * {@code statictics} [sic]).
 *
 * @param userViewCount how many users viewed it (UV)
 * @param pageViewCount how often it was viewed (PV)
 * @param userViewList each viewer and their latest view; not paged by the platform
 */
public record MinuteStatistics(@Nullable Long userViewCount, @Nullable Long pageViewCount,
		List<UserView> userViewList) {

	/**
	 * Create the statistics; the list is copied.
	 * @param userViewCount how many users viewed it (UV)
	 * @param pageViewCount how often it was viewed (PV)
	 * @param userViewList each viewer and their latest view
	 */
	public MinuteStatistics {
		userViewList = Lists.immutable(userViewList);
	}

	/**
	 * One viewer of a minute.
	 *
	 * @param userId the viewer, of the calls' user id type
	 * @param viewTime their latest view
	 */
	public record UserView(@Nullable String userId, @Nullable Instant viewTime) {
	}

}
