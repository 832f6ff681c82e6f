package io.github.feishuvc.report;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which meetings of the tenant {@link MeetingDataOperations#meetings} reads and {@code ExportOperations#meetings}
 * exports: those that started in a window of at most a year, ended ones unless said otherwise, with at most one
 * filter (a meeting number, a participating user or room, or a kind of meeting). Build one with {@link #between}.
 *
 * @param from the window's start, not after now
 * @param to the window's end, after {@code from} and at most a year later
 * @param status the meetings' state; {@code null} for ended ones, the platform's default
 * @param meetingNo only the meeting of this 9-digit number
 * @param userId only meetings this user took part in, an id of the calls' user id type
 * @param roomId only meetings this room took part in
 * @param meetingType only meetings of this kind
 * @param withExternalMeetings whether external meetings are read too (not for exports)
 * @param withWebinars whether webinars are read too (not for exports)
 */
public record MeetingListQuery(Instant from, Instant to, @Nullable MeetingDataStatus status, @Nullable String meetingNo,
		@Nullable String userId, @Nullable String roomId, @Nullable MeetingDataType meetingType,
		boolean withExternalMeetings, boolean withWebinars) {

	/**
	 * The ended meetings that started in a window.
	 * @param from the window's start
	 * @param to the window's end
	 * @return the query
	 */
	public static MeetingListQuery between(Instant from, Instant to) {
		return new MeetingListQuery(from, to, null, null, null, null, null, false, false);
	}

	/**
	 * The same query, reading meetings in another state.
	 * @param status the state
	 * @return the query
	 */
	public MeetingListQuery withStatus(MeetingDataStatus status) {
		return new MeetingListQuery(this.from, this.to, status, this.meetingNo, this.userId, this.roomId,
				this.meetingType, this.withExternalMeetings, this.withWebinars);
	}

	/**
	 * The same query, for the meeting of one number only.
	 * @param meetingNo the 9-digit meeting number
	 * @return the query
	 */
	public MeetingListQuery byMeetingNo(String meetingNo) {
		return new MeetingListQuery(this.from, this.to, this.status, meetingNo, this.userId, this.roomId,
				this.meetingType, this.withExternalMeetings, this.withWebinars);
	}

	/**
	 * The same query, for meetings a user took part in.
	 * @param userId the user's id, of the calls' user id type
	 * @return the query
	 */
	public MeetingListQuery byUser(String userId) {
		return new MeetingListQuery(this.from, this.to, this.status, this.meetingNo, userId, this.roomId,
				this.meetingType, this.withExternalMeetings, this.withWebinars);
	}

	/**
	 * The same query, for meetings a room took part in.
	 * @param roomId the room's id
	 * @return the query
	 */
	public MeetingListQuery byRoom(String roomId) {
		return new MeetingListQuery(this.from, this.to, this.status, this.meetingNo, this.userId, roomId,
				this.meetingType, this.withExternalMeetings, this.withWebinars);
	}

	/**
	 * The same query, for meetings of one kind.
	 * @param meetingType the kind
	 * @return the query
	 */
	public MeetingListQuery ofType(MeetingDataType meetingType) {
		return new MeetingListQuery(this.from, this.to, this.status, this.meetingNo, this.userId, this.roomId,
				meetingType, this.withExternalMeetings, this.withWebinars);
	}

	/**
	 * The same query, reading external meetings and webinars too.
	 * @return the query
	 */
	public MeetingListQuery withExternalMeetingsAndWebinars() {
		return new MeetingListQuery(this.from, this.to, this.status, this.meetingNo, this.userId, this.roomId,
				this.meetingType, true, true);
	}

}
