package io.github.feishuvc.meeting;

import java.time.Duration;
import java.time.Instant;

import io.github.feishuvc.core.UserType;
import org.jspecify.annotations.Nullable;

/**
 * A participant of a meeting ({@code meeting_participant}).
 *
 * @param id the user's id
 * @param firstJoinTime when the participant first joined
 * @param finalLeaveTime when the participant finally left
 * @param inMeetingDuration how long the participant has been in the meeting in all
 * @param userTypeCode the raw {@code user_type} code; see {@link #userType()}
 * @param isHost whether the participant is the host
 * @param isCohost whether the participant is a co-host
 * @param isExternal whether the participant is from outside the tenant
 * @param statusCode the raw {@code status} code; see {@link #status()}
 */
public record MeetingParticipant(@Nullable String id, @Nullable Instant firstJoinTime,
		@Nullable Instant finalLeaveTime, @Nullable Duration inMeetingDuration, @Nullable Integer userTypeCode,
		@Nullable Boolean isHost, @Nullable Boolean isCohost, @Nullable Boolean isExternal,
		@Nullable Integer statusCode) {

	/**
	 * The participant's user type.
	 * @return the type, {@link UserType#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable UserType userType() {
		return UserType.fromCode(this.userTypeCode);
	}

	/**
	 * Where the participant is.
	 * @return the status, {@link ParticipantStatus#UNKNOWN} for a code this version does not know, {@code null} if
	 * absent
	 */
	public @Nullable ParticipantStatus status() {
		return ParticipantStatus.fromCode(this.statusCode);
	}

}
