package io.github.feishuvc.meeting;

import io.github.feishuvc.core.CodedEnum;
import io.github.feishuvc.core.UserType;
import org.jspecify.annotations.Nullable;

/**
 * A participant's new name in a meeting ({@code change_name_users}): what
 * {@link MeetingOperations#changeNames} sets.
 *
 * @param id the participant's id, of the call's user id type
 * @param userTypeCode the raw {@code user_type} code; see {@link #userType()}
 * @param inMeetingName the name the meeting shows
 */
public record ParticipantName(@Nullable String id, @Nullable Integer userTypeCode, @Nullable String inMeetingName) {

	/**
	 * A Feishu (Lark) user's new name in a meeting.
	 * @param id the user's id, of the call's user id type
	 * @param inMeetingName the name the meeting shows
	 * @return the name
	 */
	public static ParticipantName larkUser(String id, String inMeetingName) {
		return new ParticipantName(id, CodedEnum.codeToSend(UserType.LARK_USER, "type"), inMeetingName);
	}

	/**
	 * The participant's type.
	 * @return the type, {@link UserType#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable UserType userType() {
		return UserType.fromCode(this.userTypeCode);
	}

}
