package io.github.feishuvc.report;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which top users {@link ReportOperations#topUsers} reads: the first {@code limit} (at most 100) of the last 90
 * days' window, ranked by meetings or by time. Build one with {@link #byMeetingCount} or {@link #byMeetingDuration}.
 *
 * @param from the window's start, within the last 90 days
 * @param to the window's end, after {@code from}
 * @param limit how many users, from 1 to 100
 * @param orderBy what they are ranked by
 * @param region the data region to read, or {@code null} for the tenant's own
 */
public record TopUserQuery(Instant from, Instant to, int limit, TopUserOrder orderBy, @Nullable DataRegion region) {

	/** The platform's default number of users. */
	public static final int DEFAULT_LIMIT = 10;

	/**
	 * The ten users with the most meetings in a window.
	 * @param from the window's start
	 * @param to the window's end
	 * @return the query
	 */
	public static TopUserQuery byMeetingCount(Instant from, Instant to) {
		return new TopUserQuery(from, to, DEFAULT_LIMIT, TopUserOrder.MEETING_COUNT, null);
	}

	/**
	 * The ten users who spent the most time in meetings in a window.
	 * @param from the window's start
	 * @param to the window's end
	 * @return the query
	 */
	public static TopUserQuery byMeetingDuration(Instant from, Instant to) {
		return new TopUserQuery(from, to, DEFAULT_LIMIT, TopUserOrder.MEETING_DURATION, null);
	}

	/**
	 * The same query for another number of users.
	 * @param limit how many, from 1 to 100
	 * @return the query
	 */
	public TopUserQuery withLimit(int limit) {
		return new TopUserQuery(this.from, this.to, limit, this.orderBy, this.region);
	}

	/**
	 * The same query in another data region.
	 * @param region the region
	 * @return the query
	 */
	public TopUserQuery inRegion(DataRegion region) {
		return new TopUserQuery(this.from, this.to, this.limit, this.orderBy, region);
	}

}
