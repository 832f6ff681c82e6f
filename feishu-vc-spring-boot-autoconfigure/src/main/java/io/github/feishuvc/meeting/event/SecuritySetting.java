package io.github.feishuvc.meeting.event;

import java.util.List;

import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * Who may join a meeting ({@code security_setting} of an event's meeting).
 *
 * @param securityLevelCode the raw {@code security_level} code; see {@link #securityLevel()}
 * @param groupIds the groups whose members may join; never {@code null}
 * @param userIds the users who may join; never {@code null}
 * @param roomIds the meeting rooms that may join; never {@code null}
 * @param hasSetSecurityContactsAndGroup whether only the listed contacts and groups may join
 */
public record SecuritySetting(@Nullable Integer securityLevelCode, List<String> groupIds, List<EventUserIds> userIds,
		List<String> roomIds, @Nullable Boolean hasSetSecurityContactsAndGroup) {

	/**
	 * Copies the lists, so that the setting stays immutable.
	 * @param securityLevelCode the raw {@code security_level} code; see {@link #securityLevel()}
	 * @param groupIds the groups whose members may join; never {@code null}
	 * @param userIds the users who may join; never {@code null}
	 * @param roomIds the meeting rooms that may join; never {@code null}
	 * @param hasSetSecurityContactsAndGroup whether only the listed contacts and groups may join
	 */
	public SecuritySetting {
		groupIds = Lists.immutable(groupIds);
		userIds = Lists.immutable(userIds);
		roomIds = Lists.immutable(roomIds);
	}

	/**
	 * Who may join.
	 * @return the level, {@link SecurityLevel#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable SecurityLevel securityLevel() {
		return SecurityLevel.fromCode(this.securityLevelCode);
	}

}
