package io.github.feishuvc.report;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Whose participation in one meeting {@link MeetingDataOperations#participants} reads and
 * {@code ExportOperations#participants} exports. The window is the meeting's own: from its start to its end (now,
 * for one in progress), at most a day. Build one with {@link #of}.
 *
 * @param meetingNo the 9-digit meeting number
 * @param meetingStart when the meeting started
 * @param meetingEnd when it ended, or now for one in progress; at most a day after its start
 * @param status the meeting's state; {@code null} for ended, the platform's default
 * @param userId only this user, an id of the calls' user id type
 * @param roomId only this room; not with {@code userId}
 * @param webinarUserRole only webinar participants of this role: {@code 0} guests, {@code 3} audience (not for
 * exports)
 */
public record ParticipantQuery(String meetingNo, Instant meetingStart, Instant meetingEnd,
		@Nullable MeetingDataStatus status, @Nullable String userId, @Nullable String roomId,
		@Nullable String webinarUserRole) {

	/**
	 * Everyone who took part in an ended meeting.
	 * @param meetingNo the 9-digit meeting number
	 * @param meetingStart when it started
	 * @param meetingEnd when it ended
	 * @return the query
	 */
	public static ParticipantQuery of(String meetingNo, Instant meetingStart, Instant meetingEnd) {
		return new ParticipantQuery(meetingNo, meetingStart, meetingEnd, null, null, null, null);
	}

	/**
	 * The same query, for a meeting in another state.
	 * @param status the state
	 * @return the query
	 */
	public ParticipantQuery withStatus(MeetingDataStatus status) {
		return new ParticipantQuery(this.meetingNo, this.meetingStart, this.meetingEnd, status, this.userId,
				this.roomId, this.webinarUserRole);
	}

	/**
	 * The same query, for one user only.
	 * @param userId the user's id, of the calls' user id type
	 * @return the query
	 */
	public ParticipantQuery byUser(String userId) {
		return new ParticipantQuery(this.meetingNo, this.meetingStart, this.meetingEnd, this.status, userId,
				this.roomId, this.webinarUserRole);
	}

	/**
	 * The same query, for one room only.
	 * @param roomId the room's id
	 * @return the query
	 */
	public ParticipantQuery byRoom(String roomId) {
		return new ParticipantQuery(this.meetingNo, this.meetingStart, this.meetingEnd, this.status, this.userId,
				roomId, this.webinarUserRole);
	}

}
