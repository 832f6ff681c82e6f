package io.github.feishuvc.autoconfigure;

import java.util.List;
import java.util.Map;

import io.github.feishuvc.core.FeishuVcEnvelope;
import io.github.feishuvc.core.FeishuVcResponseBody;
import io.github.feishuvc.meeting.Meeting;
import io.github.feishuvc.meeting.MeetingAbility;
import io.github.feishuvc.meeting.MeetingArtifacts;
import io.github.feishuvc.meeting.MeetingInviteResult;
import io.github.feishuvc.meeting.MeetingKickoutResult;
import io.github.feishuvc.meeting.MeetingParticipant;
import io.github.feishuvc.meeting.MeetingUser;
import io.github.feishuvc.meeting.Recording;
import io.github.feishuvc.meeting.RecordingPermissionObject;
import io.github.feishuvc.meeting.event.EventMeeting;
import io.github.feishuvc.meeting.event.EventUser;
import io.github.feishuvc.meeting.event.EventUserIds;
import io.github.feishuvc.meeting.event.SecuritySetting;
import io.github.feishuvc.meeting.event.WebinarSetting;
import io.github.feishuvc.reserve.PstnSipInfo;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveActionPermission;
import io.github.feishuvc.reserve.ReserveApplyRequest;
import io.github.feishuvc.reserve.ReserveAssignHost;
import io.github.feishuvc.reserve.ReserveCallSetting;
import io.github.feishuvc.reserve.ReserveCallee;
import io.github.feishuvc.reserve.ReserveCorrectionCheckInfo;
import io.github.feishuvc.reserve.ReserveMeetingSetting;
import io.github.feishuvc.reserve.ReserveMeetingSettingRequest;
import io.github.feishuvc.reserve.ReservePermissionChecker;
import io.github.feishuvc.reserve.ReserveResult;
import io.github.feishuvc.reserve.ReserveUpdateRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.util.ClassUtils;

/**
 * Hints for a native image: Jackson binds every model, request and response body record and every typed event, and
 * reads the wire names from the mix-ins of {@code ReserveJson}, {@code MeetingJson} and the meeting event decoder;
 * the shared state on Redis loads its Lua script from the classpath.
 */
class FeishuVcRuntimeHints implements RuntimeHintsRegistrar {

	/** Records Jackson reads or writes. */
	static final List<Class<?>> BOUND_TYPES = List.of(FeishuVcEnvelope.class, FeishuVcResponseBody.ErrorDetail.class,
			Reserve.class, ReserveMeetingSetting.class, ReserveActionPermission.class, ReservePermissionChecker.class,
			ReserveCallSetting.class, ReserveCallee.class, PstnSipInfo.class, ReserveAssignHost.class,
			ReserveCorrectionCheckInfo.class, ReserveResult.class, ReserveApplyRequest.class, ReserveUpdateRequest.class,
			ReserveMeetingSettingRequest.class, Meeting.class, MeetingUser.class, MeetingParticipant.class,
			MeetingAbility.class, MeetingArtifacts.class, MeetingInviteResult.class, MeetingKickoutResult.class,
			Recording.class, RecordingPermissionObject.class, EventMeeting.class, EventUser.class, EventUserIds.class,
			SecuritySetting.class, WebinarSetting.class);

	/** Package-private records Jackson reads or writes, named because they cannot be referenced from here. */
	static final List<String> BOUND_INTERNAL_TYPES = List.of("io.github.feishuvc.reserve.ReserveData",
			"io.github.feishuvc.reserve.MeetingData", "io.github.feishuvc.auth.AccessTokenResponse",
			"io.github.feishuvc.meeting.MeetingBodies$MeetingData", "io.github.feishuvc.meeting.MeetingBodies$MeetingPage",
			"io.github.feishuvc.meeting.MeetingBodies$InviteData", "io.github.feishuvc.meeting.MeetingBodies$KickoutData",
			"io.github.feishuvc.meeting.MeetingBodies$HostData", "io.github.feishuvc.meeting.MeetingBodies$RecordingData",
			"io.github.feishuvc.meeting.MeetingBodies$InviteRequest",
			"io.github.feishuvc.meeting.MeetingBodies$KickoutRequest",
			"io.github.feishuvc.meeting.MeetingBodies$SetHostRequest",
			"io.github.feishuvc.meeting.MeetingBodies$StartRecordingRequest",
			"io.github.feishuvc.meeting.MeetingBodies$SetPermissionRequest",
			"io.github.feishuvc.meeting.event.MeetingEventDecoder$Envelope",
			"io.github.feishuvc.meeting.event.MeetingEventDecoder$Header",
			"io.github.feishuvc.meeting.event.MeetingEventDecoder$Body");

	/** Jackson mix-ins carrying wire names, whose annotated methods Jackson introspects, by the class holding them. */
	static final Map<String, List<String>> MIX_INS = Map.of("io.github.feishuvc.reserve.ReserveJson",
			List.of("ReserveMixin", "MeetingSettingMixin", "ActionPermissionMixin", "PermissionCheckerMixin",
					"UserTypeMixin"),
			"io.github.feishuvc.meeting.MeetingJson",
			List.of("StatusMixin", "UserTypeMixin", "ParticipantMixin", "InviteResultMixin", "KickoutResultMixin",
					"RecordingMixin", "PermissionObjectMixin"),
			"io.github.feishuvc.meeting.event.MeetingEventDecoder",
			List.of("EventUserMixin", "EventMeetingMixin", "SecuritySettingMixin", "WebinarSettingMixin"));

	/** Classpath resources read at run time. */
	static final String RESOURCES = "io/github/feishuvc/redis/*.lua";

	private final BindingReflectionHintsRegistrar binding = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(RESOURCES);
		this.binding.registerReflectionHints(hints.reflection(), BOUND_TYPES.toArray(Class<?>[]::new));
		for (String type : BOUND_INTERNAL_TYPES) {
			this.binding.registerReflectionHints(hints.reflection(), ClassUtils.resolveClassName(type, classLoader));
		}
		MIX_INS.forEach((holder, mixIns) -> mixIns.forEach((mixIn) -> hints.reflection()
			.registerType(TypeReference.of(holder + "$" + mixIn), MemberCategory.INVOKE_DECLARED_METHODS)));
	}

}
