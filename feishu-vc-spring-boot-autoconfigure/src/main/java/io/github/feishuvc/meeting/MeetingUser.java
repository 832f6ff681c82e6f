package io.github.feishuvc.meeting;

import io.github.feishuvc.core.CodedEnum;
import io.github.feishuvc.core.UserType;
import org.jspecify.annotations.Nullable;

/**
 * A user of a meeting, such as its host or someone to invite ({@code meeting_user}).
 *
 * @param id the user's id, of the call's user id type
 * @param userTypeCode the raw {@code user_type} code; see {@link #userType()}
 */
public record MeetingUser(@Nullable String id, @Nullable Integer userTypeCode) {

	/**
	 * A Feishu (Lark) user, the usual kind to invite, remove or make host.
	 * @param id the user's id, of the call's user id type
	 * @return the user
	 */
	public static MeetingUser larkUser(String id) {
		return of(id, UserType.LARK_USER);
	}

	/**
	 * A user of a given type.
	 * @param id the user's id, of the call's user id type
	 * @param type the user's type
	 * @return the user
	 * @throws IllegalArgumentException if the type is {@code null} or {@link UserType#UNKNOWN}
	 */
	public static MeetingUser of(String id, UserType type) {
		return new MeetingUser(id, CodedEnum.codeToSend(type, "type"));
	}

	/**
	 * The user's type.
	 * @return the type, {@link UserType#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable UserType userType() {
		return UserType.fromCode(this.userTypeCode);
	}

}
