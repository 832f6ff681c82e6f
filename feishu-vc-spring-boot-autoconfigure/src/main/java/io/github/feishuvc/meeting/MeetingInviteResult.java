package io.github.feishuvc.meeting;

import io.github.feishuvc.core.UserType;
import org.jspecify.annotations.Nullable;

/**
 * Whether one user was invited ({@code invite_results}): a successful invite call may still have failed for some.
 *
 * @param id the user's id
 * @param userTypeCode the raw {@code user_type} code; see {@link #userType()}
 * @param statusCode the raw {@code status} code; see {@link #status()}
 */
public record MeetingInviteResult(@Nullable String id, @Nullable Integer userTypeCode, @Nullable Integer statusCode) {

	/**
	 * The user's type.
	 * @return the type, {@link UserType#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable UserType userType() {
		return UserType.fromCode(this.userTypeCode);
	}

	/**
	 * Whether the user was invited.
	 * @return the status, {@link InviteStatus#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable InviteStatus status() {
		return InviteStatus.fromCode(this.statusCode);
	}

}
