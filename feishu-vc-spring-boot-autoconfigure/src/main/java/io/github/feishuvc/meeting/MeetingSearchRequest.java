package io.github.feishuvc.meeting;

import java.time.OffsetDateTime;
import java.util.List;

import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * What {@link MeetingOperations#search} looks for among the ended meetings the signed-in user may see: a keyword,
 * and filters by organiser, participant, room and start time. Build one with {@link #keyword} or {@link #all}.
 *
 * @param query the keyword, 1 to 50 characters, or {@code null} for none
 * @param organizerIds only meetings one of these users organised (open ids), at most 128
 * @param participantIds only meetings one of these users took part in (open ids), at most 128
 * @param roomIds only meetings one of these rooms took part in, at most 128
 * @param startedFrom only meetings that started at or after this time
 * @param startedTo only meetings that started at or before this time
 */
public record MeetingSearchRequest(@Nullable String query, List<String> organizerIds, List<String> participantIds,
		List<String> roomIds, @Nullable OffsetDateTime startedFrom, @Nullable OffsetDateTime startedTo) {

	/**
	 * Create a request; the lists are copied.
	 * @param query the keyword, 1 to 50 characters, or {@code null} for none
	 * @param organizerIds only meetings one of these users organised (open ids), at most 128
	 * @param participantIds only meetings one of these users took part in (open ids), at most 128
	 * @param roomIds only meetings one of these rooms took part in, at most 128
	 * @param startedFrom only meetings that started at or after this time
	 * @param startedTo only meetings that started at or before this time
	 */
	public MeetingSearchRequest {
		organizerIds = Lists.immutable(organizerIds);
		participantIds = Lists.immutable(participantIds);
		roomIds = Lists.immutable(roomIds);
	}

	/**
	 * The meetings a keyword finds.
	 * @param query the keyword, 1 to 50 characters
	 * @return the request
	 */
	public static MeetingSearchRequest keyword(String query) {
		return new MeetingSearchRequest(query, List.of(), List.of(), List.of(), null, null);
	}

	/**
	 * Every ended meeting the user may see (at most the platform's 150), to narrow with the other methods.
	 * @return the request
	 */
	public static MeetingSearchRequest all() {
		return new MeetingSearchRequest(null, List.of(), List.of(), List.of(), null, null);
	}

	/**
	 * The same search, for meetings these users organised.
	 * @param openIds the organisers' open ids
	 * @return the request
	 */
	public MeetingSearchRequest organizedBy(String... openIds) {
		return new MeetingSearchRequest(this.query, List.of(openIds), this.participantIds, this.roomIds,
				this.startedFrom, this.startedTo);
	}

	/**
	 * The same search, for meetings these users took part in.
	 * @param openIds the participants' open ids
	 * @return the request
	 */
	public MeetingSearchRequest attendedBy(String... openIds) {
		return new MeetingSearchRequest(this.query, this.organizerIds, List.of(openIds), this.roomIds,
				this.startedFrom, this.startedTo);
	}

	/**
	 * The same search, for meetings these rooms took part in.
	 * @param roomIds the rooms' ids ({@code omm_...})
	 * @return the request
	 */
	public MeetingSearchRequest inRooms(String... roomIds) {
		return new MeetingSearchRequest(this.query, this.organizerIds, this.participantIds, List.of(roomIds),
				this.startedFrom, this.startedTo);
	}

	/**
	 * The same search, for meetings that started in a window.
	 * @param from the window's start, or {@code null} for none
	 * @param to the window's end, or {@code null} for none
	 * @return the request
	 */
	public MeetingSearchRequest startedBetween(@Nullable OffsetDateTime from, @Nullable OffsetDateTime to) {
		return new MeetingSearchRequest(this.query, this.organizerIds, this.participantIds, this.roomIds, from, to);
	}

}
