package io.github.feishuvc.meeting.event;

import io.github.feishuvc.core.UserType;
import org.jspecify.annotations.Nullable;

/**
 * A user in an event ({@code meeting_event_user}): a meeting's host or owner, who did something, who left.
 *
 * @param id the user's ids
 * @param userRoleCode the raw {@code user_role} code; see {@link #userRole()}
 * @param userTypeCode the raw {@code user_type} code; see {@link #userType()}
 */
public record EventUser(@Nullable EventUserIds id, @Nullable Integer userRoleCode, @Nullable Integer userTypeCode) {

	/**
	 * The user's role in the meeting.
	 * @return the role, {@link UserRole#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable UserRole userRole() {
		return UserRole.fromCode(this.userRoleCode);
	}

	/**
	 * The user's type.
	 * @return the type, {@link UserType#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable UserType userType() {
		return UserType.fromCode(this.userTypeCode);
	}

}
