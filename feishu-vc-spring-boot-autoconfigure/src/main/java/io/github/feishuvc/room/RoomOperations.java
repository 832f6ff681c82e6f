package io.github.feishuvc.room;

import java.time.Clock;
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
 * The meeting rooms of the Feishu VC API ({@code /open-apis/vc/v1/rooms}): read, list, create, change and delete
 * rooms, search the rooms a user may book, and read the bookings of rooms. What applications inject.
 *
 * <p>Calls are made as the app, with the tenant access token: the platform accepts nothing else for rooms, but for
 * {@link #search} (a user access token only: {@link #withUserAccessToken(String)}) and {@link #reservations} (either).
 * A call made with a kind of token the platform refuses fails at once with an {@link IllegalStateException} that says
 * which it needs. Calls are non-blocking and lazy; failures arrive as {@link io.github.feishuvc.core.FeishuVcException}
 * subclasses (an unknown room as {@link io.github.feishuvc.core.FeishuVcNotFoundException}, a level that may not hold
 * rooms as {@link io.github.feishuvc.core.FeishuVcInvalidParameterException}); invalid arguments are refused with an
 * {@link IllegalArgumentException} naming the field, before anything is sent. The platform allows creating, changing
 * and deleting rooms 20 times a minute per tenant, and reading bookings 100 times a minute; the client's limiter
 * holds calls to that. Writes are never repeated once they may have reached the platform.
 *
 * @see RoomLevelOperations
 */
public interface RoomOperations extends FeishuVcOperations<RoomOperations> {

	/**
	 * Operations acting as the app over an executor, as the auto-configuration provides them: for an application that
	 * builds its own.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls
	 * @return the operations
	 */
	static RoomOperations create(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType) {
		return create(executor, tenantTokens, userIdType, Clock.systemUTC());
	}

	/**
	 * Operations acting as the app over an executor, as the auto-configuration provides them: for an application that
	 * builds its own.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls
	 * @param clock the clock that decides whether a window of bookings starts in the future
	 * @return the operations
	 */
	static RoomOperations create(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType, Clock clock) {
		return new RoomTemplate(FeishuApiCaller.app(executor, tenantTokens, userIdType), clock);
	}

	/**
	 * Get a room.
	 * @param roomId the room's id
	 * @return the room
	 * @throws IllegalArgumentException if the id is null or blank
	 */
	Mono<Room> get(String roomId);

	/**
	 * Get rooms by id, in one call.
	 * @param roomIds the rooms' ids, at least one
	 * @return the rooms the platform found
	 * @throws IllegalArgumentException if the ids are empty or one is blank
	 */
	Mono<List<Room>> getAll(List<String> roomIds);

	/**
	 * Every room of a level, page after page (100 a page) as the subscriber asks for them.
	 * @param roomLevelId the level's id; {@code null} for every room of the tenant
	 * @return the rooms
	 */
	Flux<Room> list(@Nullable String roomLevelId);

	/**
	 * Create a room.
	 * @param request the room
	 * @return the room created, with its id
	 * @throws IllegalArgumentException if the name or level is missing, or the capacity less than 1
	 */
	Mono<Room> create(RoomCreateRequest request);

	/**
	 * Change a room: what the request sets.
	 * @param roomId the room's id
	 * @param request what to change
	 * @return completes when changed
	 * @throws IllegalArgumentException if the id is blank, the request sets nothing, or a capacity less than 1
	 */
	Mono<Void> update(String roomId, RoomUpdateRequest request);

	/**
	 * Delete a room.
	 * @param roomId the room's id
	 * @return completes when deleted
	 * @throws IllegalArgumentException if the id is blank
	 */
	Mono<Void> delete(String roomId);

	/**
	 * The rooms the user may book that match a search, page after page. User access token only.
	 * @param request what to look for
	 * @return the rooms
	 * @throws IllegalArgumentException if the request names neither custom ids nor a keyword
	 * @throws IllegalStateException acting as the app
	 */
	Flux<Room> search(RoomSearchRequest request);

	/**
	 * The bookings of rooms in a window of at most a day, page after page (100 a page). Tenant or user access token;
	 * the app's creator must administer the tenant's meetings.
	 * @param query which rooms and when
	 * @return the bookings
	 * @throws IllegalArgumentException if the level is blank, no room is given, or the window is empty, longer than a
	 * day, or starts in the future
	 */
	Flux<RoomReservation> reservations(RoomReservationQuery query);

}
