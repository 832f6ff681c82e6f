package io.github.feishuvc.room;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.core.FeishuVcOperations;
import io.github.feishuvc.core.UserIdType;
import reactor.core.publisher.Mono;

/**
 * The configuration of rooms ({@code /open-apis/vc/v1/scope_config}, and the legacy {@code room_configs} of the fixed
 * hierarchy): backgrounds, digital signage and status, set on a level (for what it holds) or a room, and the
 * deployment codes of room devices. What applications inject.
 *
 * <p>Calls are made with the tenant access token, the only one the platform accepts here; {@link RoomOperations}
 * says how failures and bad arguments are reported. The platform allows setting a scope's configuration 20 times a
 * minute per tenant.
 */
public interface RoomConfigOperations extends FeishuVcOperations<RoomConfigOperations> {

	/**
	 * Operations acting as the app over an executor, as the auto-configuration provides them: for an application that
	 * builds its own.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls
	 * @return the operations
	 */
	static RoomConfigOperations create(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType) {
		return new RoomConfigTemplate(FeishuApiCaller.app(executor, tenantTokens, userIdType));
	}

	/**
	 * A level's or a room's configuration: what applies, and what each scope up to the tenant sets.
	 * @param scopeType a level or a room
	 * @param scopeId its id
	 * @return the configurations
	 * @throws IllegalArgumentException if the type is unknown or the id blank
	 */
	Mono<ScopeConfigs> get(ScopeType scopeType, String scopeId);

	/**
	 * Set a level's or a room's configuration.
	 * @param config the scope and its configuration
	 * @return completes when set
	 * @throws IllegalArgumentException if the type is unknown, the id blank or the configuration missing
	 */
	Mono<Void> set(ScopeConfig config);

	/**
	 * The configuration of a scope of the legacy fixed hierarchy.
	 * @param location the scope
	 * @return its configuration
	 * @throws IllegalArgumentException if the scope lacks an id its kind needs
	 */
	Mono<RoomConfig> query(RoomConfigLocation location);

	/**
	 * Set the configuration of a scope of the legacy fixed hierarchy.
	 * @param location the scope
	 * @param config its configuration
	 * @return completes when set
	 * @throws IllegalArgumentException if the scope lacks an id its kind needs, or the configuration is missing
	 */
	Mono<Void> set(RoomConfigLocation location, RoomConfig config);

	/**
	 * A new code that deploys check-in boards in a scope of the legacy fixed hierarchy.
	 * @param location the scope
	 * @param validity how long the code stays valid
	 * @return the code
	 * @throws IllegalArgumentException if the scope lacks an id its kind needs, or the validity is unknown
	 */
	Mono<String> checkboardAccessCode(RoomConfigLocation location, AccessCodeValidity validity);

	/**
	 * A new code that deploys Rooms devices in a scope of the legacy fixed hierarchy.
	 * @param location the scope
	 * @param validity how long the code stays valid
	 * @return the code
	 * @throws IllegalArgumentException if the scope lacks an id its kind needs, or the validity is unknown
	 */
	Mono<String> roomAccessCode(RoomConfigLocation location, AccessCodeValidity validity);

	/**
	 * A new code that deploys the devices of a level or a room of the flexible hierarchy
	 * ({@code POST /scope_config/access_code}). The endpoint has no public page (the official Node SDK's contract);
	 * its validities are assumed to be the legacy codes' (1, 7 or 30 days).
	 * @param scopeType a level or a room
	 * @param scopeId its id
	 * @param validity how long the code stays valid
	 * @return the code
	 * @throws IllegalArgumentException if the type or the validity is unknown, or the id blank
	 */
	Mono<String> accessCode(ScopeType scopeType, String scopeId, AccessCodeValidity validity);

	/**
	 * Delete one configuration of a scope of the legacy fixed hierarchy ({@code POST /room_configs/del}). The endpoint
	 * has no public page (the official Node SDK's contract) and does not say what {@code config} names; the emulator
	 * takes the name of one field of {@link RoomConfig} as on the wire, such as {@code room_background}.
	 * @param location the scope
	 * @param config which configuration
	 * @return completes when deleted
	 * @throws IllegalArgumentException if the scope lacks an id its kind needs, or the configuration is blank
	 */
	Mono<Void> delete(RoomConfigLocation location, String config);

}
