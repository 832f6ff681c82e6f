package io.github.feishuvc.room;

import java.util.List;

import io.github.feishuvc.core.CodedEnum;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.internal.FeishuApi;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.internal.FeishuApiCaller.Params;
import io.github.feishuvc.internal.FeishuTemplate;
import io.github.feishuvc.internal.ReserveConfigApis;
import io.github.feishuvc.internal.RoomRequests.AdminPatch;
import io.github.feishuvc.internal.RoomRequests.DisableInformPatch;
import io.github.feishuvc.internal.RoomRequests.FormPatch;
import io.github.feishuvc.internal.RoomRequests.ReserveScopePatch;
import io.github.feishuvc.internal.Violations;
import reactor.core.publisher.Mono;

/**
 * {@link ReserveConfigOperations} over a {@link FeishuVcExecutor}: validates each call, which the executor then
 * authenticates, rate-limits, sends and retries as its declaration ({@link ReserveConfigApis}) says. Immutable and
 * thread safe.
 */
final class ReserveConfigTemplate extends FeishuTemplate<ReserveConfigOperations> implements ReserveConfigOperations {

	/** The most users and departments one change may name. */
	private static final int MAX_IDS = 500;

	ReserveConfigTemplate(FeishuApiCaller caller) {
		super(caller);
	}

	@Override
	protected ReserveConfigOperations with(FeishuApiCaller caller) {
		return new ReserveConfigTemplate(caller);
	}

	@Override
	public Mono<ReserveScope> reserveScope(String scopeId, ScopeType scopeType) {
		int type = CodedEnum.codeToSend(scopeType, "scopeType");
		if (RoomTemplate.blank(scopeId)) {
			throw new IllegalArgumentException("scopeId must not be blank");
		}
		return this.caller.call(ReserveConfigApis.RESERVE_SCOPE,
				Params.path().query("scope_id", scopeId).query("scope_type", type));
	}

	@Override
	public Mono<Void> updateReserveScope(String scopeId, ScopeType scopeType, ReserveScope restrictions) {
		int type = CodedEnum.codeToSend(scopeType, "scopeType");
		Violations violations = new Violations("ReserveScope");
		ApprovalConfig approval = restrictions.approvalConfig();
		TimeConfig time = restrictions.timeConfig();
		ReserveScopeConfig allowed = restrictions.reserveScopeConfig();
		violations.addIf(approval == null && time == null && allowed == null, "nothing to change");
		int ids = 0;
		if (approval != null) {
			boolean on = Boolean.TRUE.equals(approval.approvalSwitch());
			violations.addIf((on || approval.approvalSwitch() == null) && approval.approvalConditionCode() == null,
					"approvalConfig.approvalCondition is required unless approval is switched off");
			violations.addIf(on && approval.approvers().isEmpty(), "approvalConfig.approvers must name at least one");
			violations.addIf(approval.approvalCondition() == ApprovalCondition.LONGER_THAN_DURATION
					&& approval.meetingDuration() == null, "approvalConfig.meetingDuration is required for "
							+ ApprovalCondition.LONGER_THAN_DURATION);
			checkUsers(violations, "approvalConfig.approvers", approval.approvers());
			ids += approval.approvers().size();
		}
		violations.addIf(time != null && time.timeSwitch() == null, "timeConfig.timeSwitch is required");
		if (allowed != null) {
			violations.addIf(allowed.allowAllUsers() == null, "reserveScopeConfig.allowAllUsers is required");
			violations.addIf(Boolean.FALSE.equals(allowed.allowAllUsers()) && allowed.allowUsers().isEmpty()
					&& allowed.allowDepts().isEmpty(), "reserveScopeConfig must allow a user or a department");
			checkUsers(violations, "reserveScopeConfig.allowUsers", allowed.allowUsers());
			checkDepartments(violations, "reserveScopeConfig.allowDepts", allowed.allowDepts());
			ids += allowed.allowUsers().size() + allowed.allowDepts().size();
		}
		checkCount(violations, ids);
		violations.throwIfAny();
		return patch(ReserveConfigApis.PATCH, scopeId, new ReserveScopePatch(type, approval, time, allowed));
	}

	@Override
	public Mono<ReserveFormConfig> form(String scopeId, ScopeType scopeType) {
		return part(ReserveConfigApis.FORM, scopeId, scopeType);
	}

	@Override
	public Mono<Void> updateForm(String scopeId, ScopeType scopeType, ReserveFormConfig form) {
		int type = CodedEnum.codeToSend(scopeType, "scopeType");
		Violations violations = new Violations("ReserveFormConfig");
		violations.addIf(form.reserveForm() == null, "reserveForm is required");
		violations.addIf(form.timeUnit() == NoticeTimeUnit.UNKNOWN,
				"timeUnit must be MINUTE, HOUR or DAY, was " + form.timeUnitCode());
		checkUsers(violations, "notifiedUsers", form.notifiedUsers());
		checkCount(violations, form.notifiedUsers().size());
		violations.throwIfAny();
		return patch(ReserveConfigApis.FORM_PATCH, scopeId, new FormPatch(type, form));
	}

	@Override
	public Mono<ReserveAdminConfig> admins(String scopeId, ScopeType scopeType) {
		return part(ReserveConfigApis.ADMIN, scopeId, scopeType);
	}

	@Override
	public Mono<Void> updateAdmins(String scopeId, ScopeType scopeType, ReserveAdminConfig admins) {
		int type = CodedEnum.codeToSend(scopeType, "scopeType");
		Violations violations = new Violations("ReserveAdminConfig");
		checkUsers(violations, "users", admins.users());
		checkDepartments(violations, "departments", admins.departments());
		checkCount(violations, admins.users().size() + admins.departments().size());
		violations.throwIfAny();
		return patch(ReserveConfigApis.ADMIN_PATCH, scopeId, new AdminPatch(type, admins));
	}

	@Override
	public Mono<DisableInformConfig> disableInform(String scopeId, ScopeType scopeType) {
		return part(ReserveConfigApis.DISABLE_INFORM, scopeId, scopeType);
	}

	@Override
	public Mono<Void> updateDisableInform(String scopeId, ScopeType scopeType, DisableInformConfig inform) {
		int type = CodedEnum.codeToSend(scopeType, "scopeType");
		Violations violations = new Violations("DisableInformConfig");
		violations.addIf(inform.ifInform() == null, "ifInform is required");
		checkUsers(violations, "informedUsers", inform.informedUsers());
		checkDepartments(violations, "informedDepts", inform.informedDepts());
		checkCount(violations, inform.informedUsers().size() + inform.informedDepts().size());
		violations.throwIfAny();
		return patch(ReserveConfigApis.DISABLE_INFORM_PATCH, scopeId, new DisableInformPatch(type, inform));
	}

	private <T> Mono<T> part(FeishuApi<T> api, String scopeId, ScopeType scopeType) {
		int type = CodedEnum.codeToSend(scopeType, "scopeType");
		return this.caller.call(api, Params.path(scopeId).query("scope_type", type));
	}

	private Mono<Void> patch(FeishuApi<Boolean> api, String scopeId, Object body) {
		return this.caller.call(api, Params.path(scopeId).body(body)).then();
	}

	private static void checkUsers(Violations violations, String name, List<SubscribeUser> users) {
		for (int i = 0; i < users.size(); i++) {
			violations.addIf(RoomTemplate.blank(users.get(i).userId()), name + "[" + i + "].userId is required");
		}
	}

	private static void checkDepartments(Violations violations, String name, List<SubscribeDepartment> departments) {
		for (int i = 0; i < departments.size(); i++) {
			violations.addIf(RoomTemplate.blank(departments.get(i).departmentId()),
					name + "[" + i + "].departmentId is required");
		}
	}

	private static void checkCount(Violations violations, int ids) {
		violations.addIf(ids > MAX_IDS, "at most " + MAX_IDS + " users and departments in all, was " + ids);
	}

}
