package io.github.feishuvc.report;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.feishuvc.core.UserType;
import org.jspecify.annotations.Nullable;

/**
 * One of the tenant's heaviest meeting users ({@code report_top_user} of {@code GET /reports/get_top_user}). Unlike
 * the daily report, the platform counts this time in minutes.
 *
 * @param id the user's id, of the calls' user id type (a room's, for a room)
 * @param name the user's name
 * @param userTypeCode the raw {@code user_type}; see {@link #userType()}
 * @param meetingCount how many meetings they took part in
 * @param meetingMinutes how many minutes they spent in meetings ({@code meeting_duration}); see
 * {@link #meetingDuration()}
 */
public record TopUser(@Nullable String id, @Nullable String name, @Nullable Integer userTypeCode, long meetingCount,
		@JsonProperty("meeting_duration") long meetingMinutes) {

	/**
	 * What kind of user this is.
	 * @return the kind, {@link UserType#UNKNOWN} for a code this version does not know
	 */
	public @Nullable UserType userType() {
		return UserType.fromCode(this.userTypeCode);
	}

	/**
	 * The time spent in meetings.
	 * @return the time, to the minute
	 */
	public Duration meetingDuration() {
		return Duration.ofMinutes(this.meetingMinutes);
	}

}
