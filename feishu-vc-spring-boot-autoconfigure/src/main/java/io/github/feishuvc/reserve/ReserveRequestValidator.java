package io.github.feishuvc.reserve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import io.github.feishuvc.core.UserType;
import io.github.feishuvc.internal.Violations;
import org.jspecify.annotations.Nullable;

/**
 * Checks apply and update requests against what the platform documents, before anything is sent. Every violation
 * is named by its field; all of them are reported in one {@link IllegalArgumentException}. What depends on the
 * current time (an end time in the future, at most 30 days ahead) is checked apart, by {@link #checkEndTime}, when the
 * call is subscribed rather than when it is built, so that a call built early or retried later is judged by the time
 * it is sent.
 */
final class ReserveRequestValidator {

	/** How far ahead a reservation may expire. */
	static final Duration MAX_RESERVATION = Duration.ofDays(30);

	private static final Pattern PASSWORD = Pattern.compile("\\d{4,9}");

	private static final Pattern PHONE_NUMBER = Pattern.compile("\\+\\d{1,4}-\\d{3,20}");

	private final Clock clock;

	ReserveRequestValidator(Clock clock) {
		this.clock = clock;
	}

	void validateApply(@Nullable ReserveApplyRequest request, boolean asUser) {
		if (request == null) {
			throw new IllegalArgumentException("request must not be null");
		}
		Violations violations = new Violations("ReserveApplyRequest");
		ReserveMeetingSettingRequest settings = request.meetingSettings();
		boolean call = settings != null && Objects.equals(settings.meetingInitialTypeCode(),
				MeetingInitialType.ONE_ON_ONE_CALL.code());
		violations.addIf(request.endTime() == null && !call, "endTime is required for a group meeting");
		if (asUser) {
			violations.addIf(request.ownerId() != null,
					"ownerId applies only when the app (tenant access token) applies; with a user access token the user owns the reservation");
		}
		else {
			violations.addIf(isBlank(request.ownerId()),
					"ownerId is required when the app (tenant access token) applies: name the user who owns the meeting");
		}
		if (settings == null) {
			violations.add("meetingSettings is required");
		}
		else {
			checkSettings(settings, violations);
		}
		violations.throwIfAny();
	}

	void validateUpdate(@Nullable ReserveUpdateRequest request) {
		if (request == null) {
			throw new IllegalArgumentException("request must not be null");
		}
		Violations violations = new Violations("ReserveUpdateRequest");
		violations.addIf(request.endTime() == null && request.meetingSettings() == null,
				"nothing to update: set endTime or meetingSettings");
		ReserveMeetingSettingRequest settings = request.meetingSettings();
		if (settings != null) {
			violations.addIf(settings.meetingConnect() != null,
					"meetingSettings.meetingConnect cannot be updated, only set when applying");
			checkSettings(settings, violations);
		}
		violations.throwIfAny();
	}

	/**
	 * Check an end time against the clock now: in the future, at most 30 days ahead.
	 * @param requestName the request's type, for the message
	 * @param endTime the end time, if any
	 * @throws IllegalArgumentException naming the field
	 */
	void checkEndTime(String requestName, @Nullable Instant endTime) {
		if (endTime == null) {
			return;
		}
		Violations violations = new Violations(requestName);
		Instant now = this.clock.instant();
		violations.addIf(!endTime.isAfter(now), "endTime must be in the future, was " + endTime);
		violations.addIf(endTime.isAfter(now.plus(MAX_RESERVATION)),
				"endTime must be at most 30 days ahead, was " + endTime);
		violations.throwIfAny();
	}

	private void checkSettings(ReserveMeetingSettingRequest settings, Violations violations) {
		String prefix = "meetingSettings.";
		List<ReserveActionPermission> permissions = settings.actionPermissions();
		if (permissions != null) {
			for (int i = 0; i < permissions.size(); i++) {
				checkPermission(permissions.get(i), prefix + "actionPermissions[" + i + "]", violations);
			}
		}
		boolean call = Objects.equals(settings.meetingInitialTypeCode(), MeetingInitialType.ONE_ON_ONE_CALL.code());
		if (call) {
			violations.addIf(settings.callSetting() == null,
					prefix + "callSetting is required for a one-to-one call (meetingInitialType ONE_ON_ONE_CALL)");
			violations.addIf(Boolean.TRUE.equals(settings.autoRecord()),
					prefix + "autoRecord is not supported for a one-to-one call");
		}
		if (settings.callSetting() != null) {
			checkCallee(settings.callSetting().callee(), prefix + "callSetting.callee", violations);
		}
		List<ReserveAssignHost> hosts = settings.assignHostList();
		if (hosts != null) {
			violations.addIf(hosts.size() > ReserveMeetingSettingRequest.MAX_ASSIGNED_HOSTS,
					prefix + "assignHostList has " + hosts.size() + " hosts; the platform accepts at most "
							+ ReserveMeetingSettingRequest.MAX_ASSIGNED_HOSTS);
			for (int i = 0; i < hosts.size(); i++) {
				String name = prefix + "assignHostList[" + i + "]";
				violations.addIf(isBlank(hosts.get(i).id()), name + ".id is required");
				Integer userType = hosts.get(i).userTypeCode();
				violations.addIf(userType != null && userType != UserType.LARK_USER.code(),
						name + ".userType must be LARK_USER, the only type that can be a host");
			}
		}
		String password = settings.password();
		violations.addIf(password != null && !password.isEmpty() && !PASSWORD.matcher(password).matches(),
				prefix + "password must be 4 to 9 digits, or empty for no password");
	}

	private void checkPermission(ReserveActionPermission permission, String name, Violations violations) {
		violations.addIf(permission.permissionCode() == null, name + ".permission is required");
		List<ReservePermissionChecker> checkers = permission.permissionCheckers();
		violations.addIf(checkers.isEmpty(), name + ".permissionCheckers needs at least one checker");
		for (int i = 0; i < checkers.size(); i++) {
			ReservePermissionChecker checker = checkers.get(i);
			String checkerName = name + ".permissionCheckers[" + i + "]";
			violations.addIf(checker.checkFieldCode() == null, checkerName + ".checkField is required");
			violations.addIf(checker.checkModeCode() == null, checkerName + ".checkMode is required");
		}
	}

	private void checkCallee(@Nullable ReserveCallee callee, String name, Violations violations) {
		if (callee == null) {
			violations.add(name + " is required");
			return;
		}
		violations.addIf(!Objects.equals(callee.userTypeCode(), UserType.PSTN_USER.code()),
				name + ".userType must be PSTN_USER, the only type the platform can call");
		PstnSipInfo info = callee.pstnSipInfo();
		String address = (info != null) ? info.mainAddress() : null;
		if (address == null) {
			violations.add(name + ".pstnSipInfo.mainAddress is required: the number to call");
		}
		else {
			violations.addIf(!PHONE_NUMBER.matcher(address).matches(), name
					+ ".pstnSipInfo.mainAddress must look like +86-02187654321 ([country code]-[area code][number])");
		}
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	/** Collects violations of one request. */

}
