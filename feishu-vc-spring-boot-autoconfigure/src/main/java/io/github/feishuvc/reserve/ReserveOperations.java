package io.github.feishuvc.reserve;

import io.github.feishuvc.core.AccessTokenSource;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.meeting.Meeting;
import reactor.core.publisher.Mono;

/**
 * Meeting reservations of the Feishu VC API ({@code /open-apis/vc/v1/reserves}): what applications inject.
 *
 * <p>Calls are non-blocking and lazy: nothing is sent until the returned {@link Mono} is subscribed. Failures arrive
 * as {@link io.github.feishuvc.core.FeishuVcException} subclasses carrying the platform's code, message, HTTP
 * status and log id. Invalid arguments are rejected with an {@link IllegalArgumentException} thrown by the method
 * itself, naming each offending field, before anything is sent; only what depends on the current time (an end time
 * in the future, at most 30 days ahead) is checked when the returned {@link Mono} is subscribed, which then fails with
 * the {@link IllegalArgumentException}, so that a call built early is judged by the time it is sent.
 *
 * <p>Calls are made as the app, with the tenant access token, unless {@link #withUserAccessToken(String)} (or {@link #withUserAccessToken(AccessTokenSource)}) says
 * otherwise. A store app, which acts for many tenants, names the tenant of its calls with {@link #forTenant(String)}.
 * Reservations belong to whoever made them: only the owner can read, change or delete one.
 *
 * @see ReserveTemplate
 */
public interface ReserveOperations {

	/**
	 * Make a reservation (a meeting number and link valid until {@code endTime}, at most 30 days ahead). No calendar
	 * event is created.
	 * @param request the reservation
	 * @return the reservation, with the hosts the platform dropped as invalid; an {@link IllegalArgumentException} if,
	 * when subscribed, the end time is not in the future or more than 30 days ahead
	 * @throws IllegalArgumentException if the request breaks another documented rule (see {@link ReserveApplyRequest})
	 */
	Mono<ReserveResult> apply(ReserveApplyRequest request);

	/**
	 * Change a reservation: only the fields set in the request change. Setting {@code endTime} renews it.
	 * @param reserveId the reservation's id
	 * @param request the changes
	 * @return the updated reservation, with the hosts the platform dropped as invalid; an
	 * {@link IllegalArgumentException} if, when subscribed, the end time is not in the future or more than 30 days
	 * ahead
	 * @throws IllegalArgumentException if the id is blank or the request breaks another documented rule
	 */
	Mono<ReserveResult> update(String reserveId, ReserveUpdateRequest request);

	/**
	 * Delete a reservation; this cannot be undone.
	 * @param reserveId the reservation's id
	 * @return completes when deleted; {@link io.github.feishuvc.core.FeishuVcNotFoundException} if it does not exist
	 * @throws IllegalArgumentException if the id is blank
	 */
	Mono<Void> delete(String reserveId);

	/**
	 * Get a reservation.
	 * @param reserveId the reservation's id
	 * @return the reservation; {@link io.github.feishuvc.core.FeishuVcNotFoundException} if it does not exist,
	 * {@link io.github.feishuvc.core.FeishuVcPermissionDeniedException} if the caller does not own it
	 * @throws IllegalArgumentException if {@code reserveId} is null or blank
	 */
	Mono<Reserve> get(String reserveId);

	/**
	 * Get a reservation, with user ids of the given type.
	 * @param reserveId the reservation's id
	 * @param userIdType the type of the user ids in the response
	 * @return the reservation; {@link io.github.feishuvc.core.FeishuVcNotFoundException} if it does not exist,
	 * {@link io.github.feishuvc.core.FeishuVcPermissionDeniedException} if the caller does not own it
	 * @throws IllegalArgumentException if {@code reserveId} is null or blank or {@code userIdType} is null
	 */
	Mono<Reserve> get(String reserveId, UserIdType userIdType);

	/**
	 * Get the meeting currently running behind a reservation (at most one runs at a time), without its
	 * participant list.
	 * @param reserveId the reservation's id
	 * @return the meeting; {@link io.github.feishuvc.core.FeishuVcNotFoundException} if none is running
	 * @throws IllegalArgumentException if {@code reserveId} is null or blank
	 */
	Mono<Meeting> getActiveMeeting(String reserveId);

	/**
	 * Get the meeting currently running behind a reservation.
	 * @param reserveId the reservation's id
	 * @param withParticipants whether to include the participant list
	 * @return the meeting; {@link io.github.feishuvc.core.FeishuVcNotFoundException} if none is running
	 * @throws IllegalArgumentException if {@code reserveId} is null or blank
	 */
	Mono<Meeting> getActiveMeeting(String reserveId, boolean withParticipants);

	/**
	 * The same operations with user ids of another type in requests and responses.
	 * @param userIdType the user id type
	 * @return operations using that type
	 */
	ReserveOperations withUserIdType(UserIdType userIdType);

	/**
	 * The same operations acting in one tenant of a store app ({@code feishu.vc.app-type=store}), with that tenant's
	 * tenant access token. A store app must name the tenant of every call made with a tenant token: without one, a
	 * call fails at once with an {@link IllegalStateException}. Composes with {@link #withUserIdType}; followed by
	 * {@link #withUserAccessToken}, the user's token is used and the calls are rate limited as the tenant's.
	 * @param tenantKey the tenant's key, as the platform's events name it ({@code tenant_key})
	 * @return operations acting in that tenant
	 * @throws IllegalArgumentException if the tenant key is null or blank
	 * @throws IllegalStateException if the app is a self-built app, which acts in its own tenant only
	 */
	ReserveOperations forTenant(String tenantKey);

	/**
	 * The same operations acting as a user, with their user access token instead of the app's tenant access
	 * token, for example to manage the reservations a user made in Feishu. The token is sent as given: it is not
	 * cached, logged, refreshed, or replaced by the tenant token if the platform rejects it.
	 * @param userAccessToken the user access token ({@code u-...})
	 * @return operations acting as that user
	 * @throws IllegalArgumentException if the token is null or blank
	 */
	ReserveOperations withUserAccessToken(String userAccessToken);

	/**
	 * The same operations acting as a user whose tokens come from {@code userAccessTokens}, such as the signed-in
	 * user's ({@code FeishuUserTokens#of}, with Spring Security's OAuth 2.0 client): the source renews an expiring
	 * token, and a token the platform rejects ({@code 99991668}, {@code 99991677}) is renewed and the call retried
	 * once. When no token can be had, calls fail with
	 * {@link io.github.feishuvc.core.FeishuVcSignInRequiredException}.
	 * @param userAccessTokens where the user's tokens come from
	 * @return operations acting as that user
	 * @throws IllegalArgumentException if the source is null
	 */
	ReserveOperations withUserAccessToken(AccessTokenSource userAccessTokens);

}
