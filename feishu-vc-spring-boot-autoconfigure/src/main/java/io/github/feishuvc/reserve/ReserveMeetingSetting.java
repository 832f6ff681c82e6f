package io.github.feishuvc.reserve;

import java.util.List;

import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the meeting a reservation starts ({@code meeting_settings}).
 *
 * @param topic the meeting's topic
 * @param actionPermissions who may become host, invite or join; never {@code null}
 * @param meetingInitialTypeCode the raw {@code meeting_initial_type} code; see {@link #meetingInitialType()}
 * @param meetingConnect whether the meeting supports interconnection (cannot be updated; in beta on the platform)
 * @param callSetting settings of a one-to-one call
 * @param autoRecord whether Feishu VC records the meeting automatically
 * @param assignHostList users assigned as hosts; never {@code null}
 */
public record ReserveMeetingSetting(@Nullable String topic, List<ReserveActionPermission> actionPermissions,
		@Nullable Integer meetingInitialTypeCode,
		@Nullable Boolean meetingConnect, @Nullable ReserveCallSetting callSetting, @Nullable Boolean autoRecord,
		List<ReserveAssignHost> assignHostList) {

	/**
	 * Copies the lists, so that the settings stay immutable.
	 * @param topic the meeting's topic
	 * @param actionPermissions who may become host, invite or join; never {@code null}
	 * @param meetingInitialTypeCode the raw {@code meeting_initial_type} code; see {@link #meetingInitialType()}
	 * @param meetingConnect whether the meeting supports interconnection (cannot be updated; in beta on the platform)
	 * @param callSetting settings of a one-to-one call
	 * @param autoRecord whether Feishu VC records the meeting automatically
	 * @param assignHostList users assigned as hosts; never {@code null}
	 */
	public ReserveMeetingSetting {
		actionPermissions = Lists.immutable(actionPermissions);
		assignHostList = Lists.immutable(assignHostList);
	}

	/**
	 * Whether the reservation starts a group meeting or a one-to-one call.
	 * @return the type, {@link MeetingInitialType#UNKNOWN} for a code this version does not know, {@code null} if
	 * absent
	 */
	public @Nullable MeetingInitialType meetingInitialType() {
		return MeetingInitialType.fromCode(this.meetingInitialTypeCode);
	}

}
