package io.github.feishuvc.room;

import java.util.List;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.core.FeishuVcOperations;
import io.github.feishuvc.core.UserIdType;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The levels of the Feishu VC API ({@code /open-apis/vc/v1/room_levels}): the tree a tenant's rooms are arranged in,
 * such as countries, buildings and floors. What applications inject.
 *
 * <p>Calls are made with the tenant access token, the only one the platform accepts here; {@link RoomOperations}
 * says how failures and bad arguments are reported. The platform allows creating, changing and deleting levels 20
 * times a minute per tenant. A level that holds rooms or levels is deleted only with them
 * ({@link #delete(String, boolean)}).
 */
public interface RoomLevelOperations extends FeishuVcOperations<RoomLevelOperations> {

	/**
	 * Operations acting as the app over an executor, as the auto-configuration provides them: for an application that
	 * builds its own.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls
	 * @return the operations
	 */
	static RoomLevelOperations create(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType) {
		return new RoomLevelTemplate(FeishuApiCaller.app(executor, tenantTokens, userIdType));
	}

	/** The id that reads the tenant's root level with {@link #get}. */
	String ROOT = "0";

	/**
	 * Get a level.
	 * @param roomLevelId the level's id, or {@link #ROOT}
	 * @return the level
	 * @throws IllegalArgumentException if the id is null or blank
	 */
	Mono<RoomLevel> get(String roomLevelId);

	/**
	 * The tenant's root level: its id is the parent of the levels at the top.
	 * @return the root level
	 */
	Mono<RoomLevel> root();

	/**
	 * Get levels by id, in one call.
	 * @param roomLevelIds the levels' ids, at least one
	 * @return the levels the platform found
	 * @throws IllegalArgumentException if the ids are empty or one is blank
	 */
	Mono<List<RoomLevel>> getAll(List<String> roomLevelIds);

	/**
	 * The levels right below a level, page after page (100 a page) as the subscriber asks for them.
	 * @param parentId the level's id; {@code null} for the levels at the top
	 * @return the levels
	 */
	Flux<RoomLevel> list(@Nullable String parentId);

	/**
	 * Create a level.
	 * @param request its name and parent
	 * @return the level created, with its id
	 * @throws IllegalArgumentException if the name or parent is blank
	 */
	Mono<RoomLevel> create(RoomLevelRequest request);

	/**
	 * Rename or move a level (the platform takes both its name and its parent each time).
	 * @param roomLevelId the level's id
	 * @param request its name and parent
	 * @return completes when changed
	 * @throws IllegalArgumentException if the id, the name or the parent is blank
	 */
	Mono<Void> update(String roomLevelId, RoomLevelRequest request);

	/**
	 * Delete a level.
	 * @param roomLevelId the level's id
	 * @param withChildren whether the levels and rooms below it go too; without, a level that holds any is not
	 * deleted ({@link io.github.feishuvc.core.FeishuVcInvalidParameterException}, code {@code 125001})
	 * @return completes when deleted
	 * @throws IllegalArgumentException if the id is blank
	 */
	Mono<Void> delete(String roomLevelId, boolean withChildren);

	/**
	 * The ids of the levels the tenant knows by its own ids.
	 * @param customGroupIds the tenant's own ids, at least one, none with a comma
	 * @return the levels' ids
	 * @throws IllegalArgumentException if the ids are empty, or one is blank or has a comma
	 */
	Mono<List<String>> searchByCustomIds(List<String> customGroupIds);

}
