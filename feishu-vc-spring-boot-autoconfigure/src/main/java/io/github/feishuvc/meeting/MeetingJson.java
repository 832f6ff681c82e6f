package io.github.feishuvc.meeting;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.feishuvc.core.FeishuVcJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Feishu mapper with the meeting and recording models' wire names for their raw enum codes
 * ({@code statusCode} is {@code status} on the wire) and a recording's length in milliseconds. The names live in
 * mix-ins rather than on the models, so an application that returns a {@link Meeting} from its own controllers
 * serializes it with its own conventions. Every API whose answers hold a meeting builds on it.
 */
public final class MeetingJson {

	private static final JsonMapper MAPPER = FeishuVcJson.mapper()
		.rebuild()
		.addMixIn(Meeting.class, StatusMixin.class)
		.addMixIn(MeetingUser.class, UserTypeMixin.class)
		.addMixIn(MeetingParticipant.class, ParticipantMixin.class)
		.addMixIn(MeetingInviteResult.class, InviteResultMixin.class)
		.addMixIn(MeetingKickoutResult.class, KickoutResultMixin.class)
		.addMixIn(Recording.class, RecordingMixin.class)
		.addMixIn(RecordingPermissionObject.class, PermissionObjectMixin.class)
		.build();

	private MeetingJson() {
	}

	/**
	 * The mapper; thread safe.
	 * @return the mapper
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	private interface StatusMixin {

		@JsonProperty("status")
		@Nullable Integer statusCode();

	}

	private interface UserTypeMixin {

		@JsonProperty("user_type")
		@Nullable Integer userTypeCode();

	}

	private interface ParticipantMixin extends UserTypeMixin, StatusMixin {

	}

	private interface InviteResultMixin extends UserTypeMixin, StatusMixin {

	}

	private interface KickoutResultMixin extends UserTypeMixin {

		@JsonProperty("result")
		@Nullable Integer resultCode();

	}

	private interface RecordingMixin {

		@JsonDeserialize(using = FeishuVcJson.MillisecondsDeserializer.class)
		@JsonSerialize(using = FeishuVcJson.MillisecondsSerializer.class)
		@Nullable Duration duration();

	}

	private interface PermissionObjectMixin {

		@JsonProperty("type")
		@Nullable Integer typeCode();

		@JsonProperty("permission")
		@Nullable Integer permissionCode();

	}

}
