package io.github.feishuvc.reserve;

import java.time.Clock;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.AccessTokenSource;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.core.FeishuVcOperations;
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
public interface ReserveOperations extends FeishuVcOperations<ReserveOperations> {

	/**
	 * Operations acting as the app over an executor, as the auto-configuration provides them: for an application that
	 * builds its own.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls
	 * @return the operations
	 */
	static ReserveOperations create(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType) {
		return create(executor, tenantTokens, userIdType, Clock.systemUTC());
	}

	/**
	 * Operations acting as the app over an executor, as the auto-configuration provides them: for an application that
	 * builds its own.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls
	 * @param clock the clock that decides whether an end time is in the future
	 * @return the operations
	 */
	static ReserveOperations create(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType, Clock clock) {
		return new ReserveTemplate(FeishuApiCaller.app(executor, tenantTokens, userIdType),
				new ReserveRequestValidator(clock));
	}

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

}
