package io.github.feishuvc.room;

import java.time.Instant;
import java.util.List;

import io.github.feishuvc.internal.Lists;

/**
 * Which bookings {@link RoomOperations#reservations} reads: those of some rooms of a level in a window of at most one
 * day that started no later than now. Build one with {@link #of}.
 *
 * @param roomLevelId the level; an id the platform does not know reads the whole tenant
 * @param from the window's start, not after now
 * @param to the window's end, after {@code from} and at most a day later
 * @param roomIds the rooms to read, or, with {@code exclude}, those to leave out of the level's
 * @param exclude whether {@code roomIds} are left out rather than read
 * @param withTopic whether the meetings' titles are read too
 */
public record RoomReservationQuery(String roomLevelId, Instant from, Instant to, List<String> roomIds, boolean exclude,
		boolean withTopic) {

	/**
	 * Create a query; {@link #of} reads better.
	 * @param roomLevelId the level; an id the platform does not know reads the whole tenant
	 * @param from the window's start, not after now
	 * @param to the window's end, after {@code from} and at most a day later
	 * @param roomIds the rooms to read, or, with {@code exclude}, those to leave out of the level's
	 * @param exclude whether {@code roomIds} are left out rather than read
	 * @param withTopic whether the meetings' titles are read too
	 */
	public RoomReservationQuery {
		roomIds = Lists.immutable(roomIds);
	}

	/**
	 * The bookings of some rooms of a level in a window, without the meetings' titles.
	 * @param roomLevelId the level
	 * @param from the window's start
	 * @param to the window's end
	 * @param roomIds the rooms, at least one
	 * @return the query
	 */
	public static RoomReservationQuery of(String roomLevelId, Instant from, Instant to, List<String> roomIds) {
		return new RoomReservationQuery(roomLevelId, from, to, roomIds, false, false);
	}

	/**
	 * The same query, reading every room of the level but the ones given.
	 * @return the query
	 */
	public RoomReservationQuery excludingRooms() {
		return new RoomReservationQuery(this.roomLevelId, this.from, this.to, this.roomIds, true, this.withTopic);
	}

	/**
	 * The same query, with the meetings' titles.
	 * @return the query
	 */
	public RoomReservationQuery withTopics() {
		return new RoomReservationQuery(this.roomLevelId, this.from, this.to, this.roomIds, this.exclude, true);
	}

}
