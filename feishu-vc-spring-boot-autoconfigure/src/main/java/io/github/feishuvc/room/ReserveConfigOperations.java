package io.github.feishuvc.room;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.core.FeishuVcOperations;
import io.github.feishuvc.core.UserIdType;
import reactor.core.publisher.Mono;

/**
 * The booking configuration of rooms ({@code /open-apis/vc/v1/reserve_configs}): the restrictions (approval, times,
 * who may book), the booking form, the booking administrators and who is told when a room is disabled, of a level
 * (for what it holds) or a room. What applications inject.
 *
 * <p>Calls are made with the tenant access token, the only one the platform accepts here; {@link RoomOperations}
 * says how failures and bad arguments are reported (an id that is no room or level of the type given as
 * {@link io.github.feishuvc.core.FeishuVcNotFoundException}, code {@code 126001}). The platform allows each of these
 * calls 100 times a minute per tenant. Changing the restrictions makes the platform send a
 * {@code vc.reserve_config.updated_v1} event.
 */
public interface ReserveConfigOperations extends FeishuVcOperations<ReserveConfigOperations> {

	/**
	 * Operations acting as the app over an executor, as the auto-configuration provides them: for an application that
	 * builds its own.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls
	 * @return the operations
	 */
	static ReserveConfigOperations create(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType) {
		return new ReserveConfigTemplate(FeishuApiCaller.app(executor, tenantTokens, userIdType));
	}

	/**
	 * A scope's booking restrictions.
	 * @param scopeId the level's or the room's id
	 * @param scopeType which it is
	 * @return the restrictions
	 * @throws IllegalArgumentException if the id is blank or the type unknown
	 */
	Mono<ReserveScope> reserveScope(String scopeId, ScopeType scopeType);

	/**
	 * Change a scope's booking restrictions: the parts given.
	 * @param scopeId the level's or the room's id
	 * @param scopeType which it is
	 * @param restrictions the parts to change
	 * @return completes when changed
	 * @throws IllegalArgumentException if the id is blank, the type unknown, nothing is given, a part lacks what it
	 * requires, or more than 500 users and departments are named
	 */
	Mono<Void> updateReserveScope(String scopeId, ScopeType scopeType, ReserveScope restrictions);

	/**
	 * A scope's booking form.
	 * @param scopeId the level's or the room's id
	 * @param scopeType which it is
	 * @return the form's configuration
	 * @throws IllegalArgumentException if the id is blank or the type unknown
	 */
	Mono<ReserveFormConfig> form(String scopeId, ScopeType scopeType);

	/**
	 * Change a scope's booking form.
	 * @param scopeId the level's or the room's id
	 * @param scopeType which it is
	 * @param form the form's configuration; whether there is a form is required
	 * @return completes when changed
	 * @throws IllegalArgumentException if the id is blank, the type unknown, or the form lacks what it requires
	 */
	Mono<Void> updateForm(String scopeId, ScopeType scopeType, ReserveFormConfig form);

	/**
	 * A scope's booking administrators; a feature of paid plans.
	 * @param scopeId the level's or the room's id
	 * @param scopeType which it is
	 * @return the administrators
	 * @throws IllegalArgumentException if the id is blank or the type unknown
	 */
	Mono<ReserveAdminConfig> admins(String scopeId, ScopeType scopeType);

	/**
	 * Change a scope's booking administrators.
	 * @param scopeId the level's or the room's id
	 * @param scopeType which it is
	 * @param admins the administrators
	 * @return completes when changed
	 * @throws IllegalArgumentException if the id is blank, the type unknown, or more than 500 are named
	 */
	Mono<Void> updateAdmins(String scopeId, ScopeType scopeType, ReserveAdminConfig admins);

	/**
	 * Who is told when a scope's rooms are disabled or enabled again.
	 * @param scopeId the level's or the room's id
	 * @param scopeType which it is
	 * @return who is told
	 * @throws IllegalArgumentException if the id is blank or the type unknown
	 */
	Mono<DisableInformConfig> disableInform(String scopeId, ScopeType scopeType);

	/**
	 * Change who is told when a scope's rooms are disabled or enabled again.
	 * @param scopeId the level's or the room's id
	 * @param scopeType which it is
	 * @param inform who is told; whether anyone is told is required
	 * @return completes when changed
	 * @throws IllegalArgumentException if the id is blank, the type unknown, whether anyone is told is missing, or
	 * more than 500 are named
	 */
	Mono<Void> updateDisableInform(String scopeId, ScopeType scopeType, DisableInformConfig inform);

}
