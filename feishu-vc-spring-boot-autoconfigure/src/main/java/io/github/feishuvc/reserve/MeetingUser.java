package io.github.feishuvc.reserve;

import org.jspecify.annotations.Nullable;

/**
 * A user of a meeting, such as its host ({@code meeting_user}).
 *
 * @param id the user's id
 * @param userTypeCode the raw {@code user_type} code; see {@link #userType()}
 */
public record MeetingUser(@Nullable String id, @Nullable Integer userTypeCode) {

	/**
	 * The user's type.
	 * @return the type, {@link UserType#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable UserType userType() {
		return UserType.fromCode(this.userTypeCode);
	}

}
