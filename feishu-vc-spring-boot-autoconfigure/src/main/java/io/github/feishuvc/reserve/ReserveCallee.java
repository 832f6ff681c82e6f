package io.github.feishuvc.reserve;

import io.github.feishuvc.core.UserType;
import org.jspecify.annotations.Nullable;

/**
 * The user a one-to-one call rings ({@code callee}).
 *
 * @param id the user's id
 * @param userTypeCode the raw {@code user_type} code; see {@link #userType()} (the platform currently supports
 * only {@link UserType#PSTN_USER})
 * @param pstnSipInfo how to reach a PSTN/SIP callee
 */
public record ReserveCallee(@Nullable String id, @Nullable Integer userTypeCode,
		@Nullable PstnSipInfo pstnSipInfo) {

	/**
	 * A phone number to ring, the only kind of callee the platform supports.
	 * @param nickname temporary nickname shown for the callee, or {@code null}
	 * @param mainAddress the number, {@code [country code]-[area code][number]}, such as {@code +86-02187654321}
	 * @return the callee
	 */
	public static ReserveCallee pstn(@Nullable String nickname, String mainAddress) {
		return new ReserveCallee(null, UserType.PSTN_USER.code(), new PstnSipInfo(nickname, mainAddress));
	}

	/**
	 * The callee's user type.
	 * @return the type, {@link UserType#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable UserType userType() {
		return UserType.fromCode(this.userTypeCode);
	}

}
