package io.github.feishuvc.reserve;

import java.time.Clock;

import io.github.feishuvc.auth.ActingAs;
import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.AccessTokenSource;
import io.github.feishuvc.core.FeishuVcEnvelope;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.PathSegment;
import io.github.feishuvc.core.ResponseReader;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.meeting.Meeting;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * {@link ReserveOperations} over a {@link FeishuVcExecutor}: validates and encodes each call, which the executor then
 * authenticates, rate-limits, sends and retries. Reads (get, get active meeting) are retried after transient
 * failures; writes (apply, update, delete) only when the platform certainly did not act on them. Instances are
 * immutable and thread safe; {@link #withUserIdType}, {@link #forTenant} and {@link #withUserAccessToken} return
 * views.
 */
public class ReserveTemplate implements ReserveOperations {

	private static final String RESERVES = "/open-apis/vc/v1/reserves/";

	static final ResponseReader<FeishuVcEnvelope<ReserveData>, Reserve> RESERVE = ResponseReader
		.envelope(ReserveJson.MAPPER, ReserveData.class, ReserveData::identifiedReserve, "data.reserve");

	static final ResponseReader<FeishuVcEnvelope<ReserveData>, ReserveResult> RESERVE_RESULT = ResponseReader
		.envelope(ReserveJson.MAPPER, ReserveData.class, ReserveData::result, "data.reserve");

	static final ResponseReader<FeishuVcEnvelope<MeetingData>, Meeting> MEETING = ResponseReader
		.envelope(ReserveJson.MAPPER, MeetingData.class, MeetingData::meeting, "data.meeting");

	private final FeishuVcExecutor executor;

	private final ActingAs actingAs;

	private final UserIdType userIdType;

	private final ReserveRequestValidator validator;

	/**
	 * Create a template acting as the app.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls
	 */
	public ReserveTemplate(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens, UserIdType userIdType) {
		this(executor, tenantTokens, userIdType, Clock.systemUTC());
	}

	/**
	 * Create a template acting as the app.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls
	 * @param clock the clock that decides whether an end time is in the future
	 */
	public ReserveTemplate(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens, UserIdType userIdType,
			Clock clock) {
		this(executor, ActingAs.app(tenantTokens), userIdType, new ReserveRequestValidator(clock));
	}

	private ReserveTemplate(FeishuVcExecutor executor, ActingAs actingAs, UserIdType userIdType,
			ReserveRequestValidator validator) {
		this.executor = executor;
		this.actingAs = actingAs;
		this.userIdType = userIdType;
		this.validator = validator;
	}

	@Override
	public Mono<ReserveResult> apply(ReserveApplyRequest request) {
		this.validator.validateApply(request, this.actingAs.isUser());
		Mono<ReserveResult> call = send("reserve.apply", HttpMethod.POST,
				RESERVES + "apply" + userIdTypeQuery(this.userIdType), ReserveJson.MAPPER.writeValueAsBytes(request),
				false, RESERVE_RESULT);
		return Mono.defer(() -> {
			this.validator.checkEndTime("ReserveApplyRequest", request.endTime());
			return call;
		});
	}

	@Override
	public Mono<ReserveResult> update(String reserveId, ReserveUpdateRequest request) {
		String segment = PathSegment.encode("reserveId", reserveId);
		this.validator.validateUpdate(request);
		Mono<ReserveResult> call = send("reserve.update", HttpMethod.PUT,
				RESERVES + segment + userIdTypeQuery(this.userIdType), ReserveJson.MAPPER.writeValueAsBytes(request),
				false, RESERVE_RESULT);
		return Mono.defer(() -> {
			this.validator.checkEndTime("ReserveUpdateRequest", request.endTime());
			return call;
		});
	}

	@Override
	public Mono<Void> delete(String reserveId) {
		String segment = PathSegment.encode("reserveId", reserveId);
		return send("reserve.delete", HttpMethod.DELETE, RESERVES + segment, null, false,
				ResponseReader.acknowledgement())
			.then();
	}

	@Override
	public Mono<Reserve> get(String reserveId) {
		return get(reserveId, this.userIdType);
	}

	@Override
	public Mono<Reserve> get(String reserveId, UserIdType userIdType) {
		String segment = PathSegment.encode("reserveId", reserveId);
		return send("reserve.get", HttpMethod.GET, RESERVES + segment + userIdTypeQuery(userIdType), null, true,
				RESERVE);
	}

	@Override
	public Mono<Meeting> getActiveMeeting(String reserveId) {
		return activeMeeting(reserveId, "");
	}

	@Override
	public Mono<Meeting> getActiveMeeting(String reserveId, boolean withParticipants) {
		return activeMeeting(reserveId, "&with_participants=" + withParticipants);
	}

	private Mono<Meeting> activeMeeting(String reserveId, String extraQuery) {
		String segment = PathSegment.encode("reserveId", reserveId);
		return send("reserve.get_active_meeting", HttpMethod.GET,
				RESERVES + segment + "/get_active_meeting" + userIdTypeQuery(this.userIdType) + extraQuery, null, true,
				MEETING);
	}

	@Override
	public ReserveOperations withUserIdType(UserIdType userIdType) {
		Assert.notNull(userIdType, "userIdType must not be null");
		return new ReserveTemplate(this.executor, this.actingAs, userIdType, this.validator);
	}

	@Override
	public ReserveOperations forTenant(String tenantKey) {
		return new ReserveTemplate(this.executor, this.actingAs.forTenant(tenantKey), this.userIdType, this.validator);
	}

	@Override
	public ReserveOperations withUserAccessToken(String userAccessToken) {
		return new ReserveTemplate(this.executor, this.actingAs.user(userAccessToken), this.userIdType,
				this.validator);
	}

	@Override
	public ReserveOperations withUserAccessToken(AccessTokenSource userAccessTokens) {
		return new ReserveTemplate(this.executor, this.actingAs.user(userAccessTokens), this.userIdType,
				this.validator);
	}

	private <T> Mono<T> send(String operation, HttpMethod method, String pathAndQuery, byte @Nullable [] body,
			boolean idempotent, ResponseReader<?, T> reader) {
		return this.executor.execute(operation, method, pathAndQuery, body, idempotent, this.actingAs.tokens(), reader);
	}

	private static String userIdTypeQuery(UserIdType userIdType) {
		Assert.notNull(userIdType, "userIdType must not be null");
		return userIdType.query();
	}

	/** Never shows the user access token. */
	@Override
	public String toString() {
		return "ReserveTemplate[baseUrl=" + this.executor.baseUrl() + ", userIdType=" + this.userIdType + ", "
				+ this.actingAs + "]";
	}

}
