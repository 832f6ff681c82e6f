package io.github.feishuvc.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A meeting as the meeting data reads it: a copy taken under the lock of {@link EmulatedMeetings}.
 *
 * @param id the meeting's id
 * @param meetingNo its number
 * @param topic its topic
 * @param hostId its host
 * @param start when it started
 * @param end when it ended, {@code null} while in progress
 * @param recorded whether it was recorded
 * @param shared whether anyone shared
 * @param attendances who took part
 */
record MeetingHistory(String id, String meetingNo, String topic, String hostId, Instant start, @Nullable Instant end,
		boolean recorded, boolean shared, List<Attendance> attendances) {

	/**
	 * One participant's attendance as the meeting data reads it.
	 *
	 * @param userId who
	 * @param firstJoin when they first joined
	 * @param finalLeave when they last left, {@code null} while in the meeting
	 * @param attended how long they were in it
	 * @param endedByHost whether they left because the meeting ended
	 */
	record Attendance(String userId, Instant firstJoin, @Nullable Instant finalLeave, Duration attended,
			boolean endedByHost) {
	}

}
