package io.github.feishuvc.autoconfigure;

import java.util.List;

import io.github.feishuvc.core.FeishuVcEnvelope;
import io.github.feishuvc.core.FeishuVcResponseBody;
import io.github.feishuvc.reserve.Meeting;
import io.github.feishuvc.reserve.MeetingAbility;
import io.github.feishuvc.reserve.MeetingParticipant;
import io.github.feishuvc.reserve.MeetingUser;
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
 * Hints for a native image: Jackson binds every model, request and response body record, and reads the wire names
 * from the mix-ins of {@code ReserveJson}; the shared state on Redis loads its Lua script from the classpath.
 */
class FeishuVcRuntimeHints implements RuntimeHintsRegistrar {

	/** Records Jackson reads or writes. */
	static final List<Class<?>> BOUND_TYPES = List.of(FeishuVcEnvelope.class, FeishuVcResponseBody.ErrorDetail.class,
			Reserve.class, ReserveMeetingSetting.class, ReserveActionPermission.class, ReservePermissionChecker.class,
			ReserveCallSetting.class, ReserveCallee.class, PstnSipInfo.class, ReserveAssignHost.class,
			ReserveCorrectionCheckInfo.class, ReserveResult.class, Meeting.class, MeetingUser.class,
			MeetingParticipant.class, MeetingAbility.class, ReserveApplyRequest.class, ReserveUpdateRequest.class,
			ReserveMeetingSettingRequest.class);

	/** Package-private records Jackson reads, named because they cannot be referenced from here. */
	static final List<String> BOUND_INTERNAL_TYPES = List.of("io.github.feishuvc.reserve.ReserveData",
			"io.github.feishuvc.reserve.MeetingData", "io.github.feishuvc.auth.AccessTokenResponse");

	/** Jackson mix-ins carrying wire names, whose annotated methods Jackson introspects. */
	static final List<String> MIX_INS = List.of("ReserveMixin", "MeetingSettingMixin", "ActionPermissionMixin",
			"PermissionCheckerMixin", "UserTypeMixin", "StatusMixin", "ParticipantMixin");

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
		for (String mixIn : MIX_INS) {
			hints.reflection()
				.registerType(TypeReference.of("io.github.feishuvc.reserve.ReserveJson$" + mixIn),
						MemberCategory.INVOKE_DECLARED_METHODS);
		}
	}

}
