package io.github.feishuvc.reserve;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.feishuvc.meeting.MeetingJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The meeting mapper ({@link MeetingJson}) with the reserve models' wire names for their raw enum codes
 * ({@code expireStatusCode} is {@code expire_status} on the wire). The names live in mix-ins rather than on the models, so an application that
 * returns a {@link Reserve} from its own controllers serializes it with its own conventions.
 */
final class ReserveJson {

	static final JsonMapper MAPPER = MeetingJson.mapper()
		.rebuild()
		.addMixIn(Reserve.class, ReserveMixin.class)
		.addMixIn(ReserveMeetingSetting.class, MeetingSettingMixin.class)
		.addMixIn(ReserveMeetingSettingRequest.class, MeetingSettingMixin.class)
		.addMixIn(ReserveActionPermission.class, ActionPermissionMixin.class)
		.addMixIn(ReservePermissionChecker.class, PermissionCheckerMixin.class)
		.addMixIn(ReserveCallee.class, UserTypeMixin.class)
		.addMixIn(ReserveAssignHost.class, UserTypeMixin.class)
		.build();

	private ReserveJson() {
	}

	private interface ReserveMixin {

		@JsonProperty("expire_status")
		@Nullable Integer expireStatusCode();

	}

	private interface MeetingSettingMixin {

		@JsonProperty("meeting_initial_type")
		@Nullable Integer meetingInitialTypeCode();

	}

	private interface ActionPermissionMixin {

		@JsonProperty("permission")
		@Nullable Integer permissionCode();

	}

	private interface PermissionCheckerMixin {

		@JsonProperty("check_field")
		@Nullable Integer checkFieldCode();

		@JsonProperty("check_mode")
		@Nullable Integer checkModeCode();

	}

	private interface UserTypeMixin {

		@JsonProperty("user_type")
		@Nullable Integer userTypeCode();

	}

}
