package io.github.feishuvc.meeting;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.feishuvc.core.UserType;
import org.jspecify.annotations.Nullable;

/**
 * Whether one participant was removed ({@code kickout_results}): a successful kickout call may still have failed
 * for some.
 *
 * @param id the user's id
 * @param userTypeCode the raw {@code user_type} code; see {@link #userType()}
 * @param resultCode the raw {@code result} code; see {@link #status()}
 */
public record MeetingKickoutResult(@Nullable String id, @Nullable Integer userTypeCode,
		@JsonProperty("result") @Nullable Integer resultCode) {

	/**
	 * The user's type.
	 * @return the type, {@link UserType#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable UserType userType() {
		return UserType.fromCode(this.userTypeCode);
	}

	/**
	 * Whether the participant was removed.
	 * @return the status, {@link KickoutStatus#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable KickoutStatus status() {
		return KickoutStatus.fromCode(this.resultCode);
	}

}
