package io.github.feishuvc.reserve;

import io.github.feishuvc.core.UserType;
import org.jspecify.annotations.Nullable;

/**
 * A user assigned as host of the meeting ({@code assign_host_list} item).
 *
 * @param userTypeCode the raw {@code user_type} code; see {@link #userType()} (only Feishu users of the same
 * tenant can be assigned)
 * @param id the user's id
 */
public record ReserveAssignHost(@Nullable Integer userTypeCode, @Nullable String id) {

	/**
	 * A Feishu user of the same tenant to assign as host, the only kind the platform accepts.
	 * @param id the user's id, of the call's user id type
	 * @return the host
	 */
	public static ReserveAssignHost larkUser(String id) {
		return new ReserveAssignHost(UserType.LARK_USER.code(), id);
	}

	/**
	 * The host's user type.
	 * @return the type, {@link UserType#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable UserType userType() {
		return UserType.fromCode(this.userTypeCode);
	}

}
