package io.github.feishuvc.meeting;

import io.github.feishuvc.core.UserType;
import org.jspecify.annotations.Nullable;

/**
 * Whether one participant's name was set ({@code results} of {@code change_name}): a successful call may still have
 * failed for some. The platform documents no values of {@code result}; the emulator answers 1 for a participant in the
 * meeting, whose name it set, and 2 for anyone else, as {@code invite} does.
 *
 * @param id the participant's id
 * @param userTypeCode the raw {@code user_type} code; see {@link #userType()}
 * @param result the raw {@code result} code
 */
public record MeetingNameResult(@Nullable String id, @Nullable Integer userTypeCode, @Nullable Integer result) {

	/**
	 * The participant's type.
	 * @return the type, {@link UserType#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable UserType userType() {
		return UserType.fromCode(this.userTypeCode);
	}

}
