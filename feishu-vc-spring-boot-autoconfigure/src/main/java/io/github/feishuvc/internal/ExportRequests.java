package io.github.feishuvc.internal;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The bodies and answers of the export endpoints that are only wire shapes: the operations take the meeting data's
 * queries. Times are strings of seconds, as the Feishu mapper writes every {@link Instant}.
 */
public final class ExportRequests {

	private ExportRequests() {
	}

	/**
	 * Export the tenant's meetings.
	 *
	 * @param startTime the window's start
	 * @param endTime the window's end
	 * @param meetingStatus the meetings' state
	 * @param meetingNo only this meeting number
	 * @param userId only this user's meetings
	 * @param roomId only this room's meetings
	 * @param meetingType only this kind of meeting
	 */
	public record MeetingListExport(Instant startTime, Instant endTime, @Nullable Integer meetingStatus,
			@Nullable String meetingNo, @Nullable String userId, @Nullable String roomId,
			@Nullable Integer meetingType) {
	}

	/**
	 * Export one meeting's participants.
	 *
	 * @param meetingStartTime when the meeting started
	 * @param meetingEndTime when it ended
	 * @param meetingStatus its state
	 * @param meetingNo its number
	 * @param userId only this user
	 * @param roomId only this room
	 */
	public record ParticipantListExport(Instant meetingStartTime, Instant meetingEndTime,
			@Nullable Integer meetingStatus, String meetingNo, @Nullable String userId, @Nullable String roomId) {
	}

	/**
	 * Export one join's quality.
	 *
	 * @param meetingStartTime when the meeting started
	 * @param meetingEndTime when it ended
	 * @param meetingNo its number
	 * @param joinTime when the participant joined
	 * @param userId the user, or {@code null}
	 * @param roomId the room, or {@code null}
	 */
	public record ParticipantQualityListExport(Instant meetingStartTime, Instant meetingEndTime, String meetingNo,
			Instant joinTime, @Nullable String userId, @Nullable String roomId) {
	}

	/**
	 * Export the bookings of rooms.
	 *
	 * @param roomLevelId the level
	 * @param needTopic whether the meetings' titles are written
	 * @param startTime the window's start
	 * @param endTime the window's end
	 * @param roomIds the rooms, or those left out with {@code isExclude}
	 * @param isExclude whether {@code roomIds} are left out
	 */
	public record ReservationListExport(String roomLevelId, boolean needTopic, Instant startTime, Instant endTime,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> roomIds,
			@JsonProperty("is_exclude") boolean isExclude) {
	}

	/**
	 * A task's state as the platform answers it.
	 *
	 * @param status the raw state
	 * @param url where the file lies, for the platform's own use
	 * @param fileToken the file's token, once done
	 * @param failMsg why it failed
	 */
	public record TaskData(@Nullable Integer status, @Nullable String url, @Nullable String fileToken,
			@Nullable String failMsg) {
	}

}
