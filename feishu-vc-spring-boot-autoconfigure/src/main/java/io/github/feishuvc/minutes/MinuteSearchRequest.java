package io.github.feishuvc.minutes;

import java.time.OffsetDateTime;
import java.util.List;

import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * What {@link MinuteOperations#search} looks for among the minutes the signed-in user may see: a keyword, and filters
 * by owner, participant and creation time. Build one with {@link #keyword} or {@link #all}.
 *
 * @param query the keyword, at most 50 characters, or {@code null} for none
 * @param ownerIds only minutes one of these users owns (open ids), at most 100
 * @param participantIds only minutes one of these users took part in (open ids), at most 100
 * @param createdFrom only minutes made at or after this time
 * @param createdTo only minutes made at or before this time
 * @param newestFirst newest first ({@code sorter=create_time_desc}, which only the SDKs declare), else the platform's
 * order
 */
public record MinuteSearchRequest(@Nullable String query, List<String> ownerIds, List<String> participantIds,
		@Nullable OffsetDateTime createdFrom, @Nullable OffsetDateTime createdTo, boolean newestFirst) {

	/**
	 * Create a request; the lists are copied.
	 * @param query the keyword, at most 50 characters, or {@code null} for none
	 * @param ownerIds only minutes one of these users owns (open ids), at most 100
	 * @param participantIds only minutes one of these users took part in (open ids), at most 100
	 * @param createdFrom only minutes made at or after this time
	 * @param createdTo only minutes made at or before this time
	 * @param newestFirst newest first, else the platform's order
	 */
	public MinuteSearchRequest {
		ownerIds = Lists.immutable(ownerIds);
		participantIds = Lists.immutable(participantIds);
	}

	/**
	 * The minutes a keyword finds.
	 * @param query the keyword, 1 to 50 characters
	 * @return the request
	 */
	public static MinuteSearchRequest keyword(String query) {
		return new MinuteSearchRequest(query, List.of(), List.of(), null, null, false);
	}

	/**
	 * Every minute the user may see, to narrow with the other methods; the platform may refuse a search with nothing
	 * to narrow it ({@code 2094007}, pagination limit reached).
	 * @return the request
	 */
	public static MinuteSearchRequest all() {
		return new MinuteSearchRequest(null, List.of(), List.of(), null, null, false);
	}

	/**
	 * The same search, for minutes these users own.
	 * @param openIds the owners' open ids
	 * @return the request
	 */
	public MinuteSearchRequest ownedBy(String... openIds) {
		return new MinuteSearchRequest(this.query, List.of(openIds), this.participantIds, this.createdFrom,
				this.createdTo, this.newestFirst);
	}

	/**
	 * The same search, for minutes these users took part in.
	 * @param openIds the participants' open ids
	 * @return the request
	 */
	public MinuteSearchRequest attendedBy(String... openIds) {
		return new MinuteSearchRequest(this.query, this.ownerIds, List.of(openIds), this.createdFrom, this.createdTo,
				this.newestFirst);
	}

	/**
	 * The same search, for minutes made in a window.
	 * @param from the window's start, or {@code null} for none
	 * @param to the window's end, or {@code null} for none
	 * @return the request
	 */
	public MinuteSearchRequest createdBetween(@Nullable OffsetDateTime from, @Nullable OffsetDateTime to) {
		return new MinuteSearchRequest(this.query, this.ownerIds, this.participantIds, from, to, this.newestFirst);
	}

	/**
	 * The same search, newest first.
	 * @return the request
	 */
	public MinuteSearchRequest sortedNewestFirst() {
		return new MinuteSearchRequest(this.query, this.ownerIds, this.participantIds, this.createdFrom,
				this.createdTo, true);
	}

}
