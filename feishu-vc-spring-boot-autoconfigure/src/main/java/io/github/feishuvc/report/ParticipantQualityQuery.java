package io.github.feishuvc.report;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Whose media quality {@link MeetingDataOperations#participantQuality} reads and
 * {@code ExportOperations#participantQuality} exports: one join of one participant (a user or a room, exactly one)
 * in one ended meeting. Build one with {@link #ofUser} or {@link #ofRoom}; the join time is a participant's
 * {@link ParticipantRecord#joinTime()}.
 *
 * @param meetingNo the 9-digit meeting number
 * @param meetingStart when the meeting started, to the minute
 * @param meetingEnd when it ended, at most a day later
 * @param joinTime when the participant joined
 * @param userId the user, or {@code null} for a room
 * @param roomId the room, or {@code null} for a user
 */
public record ParticipantQualityQuery(String meetingNo, Instant meetingStart, Instant meetingEnd, Instant joinTime,
		@Nullable String userId, @Nullable String roomId) {

	/**
	 * One user's join.
	 * @param meetingNo the 9-digit meeting number
	 * @param meetingStart when the meeting started
	 * @param meetingEnd when it ended
	 * @param joinTime when the user joined
	 * @param userId the user's id, of the calls' user id type
	 * @return the query
	 */
	public static ParticipantQualityQuery ofUser(String meetingNo, Instant meetingStart, Instant meetingEnd,
			Instant joinTime, String userId) {
		return new ParticipantQualityQuery(meetingNo, meetingStart, meetingEnd, joinTime, userId, null);
	}

	/**
	 * One room's join.
	 * @param meetingNo the 9-digit meeting number
	 * @param meetingStart when the meeting started
	 * @param meetingEnd when it ended
	 * @param joinTime when the room joined
	 * @param roomId the room's id
	 * @return the query
	 */
	public static ParticipantQualityQuery ofRoom(String meetingNo, Instant meetingStart, Instant meetingEnd,
			Instant joinTime, String roomId) {
		return new ParticipantQualityQuery(meetingNo, meetingStart, meetingEnd, joinTime, null, roomId);
	}

}
