package io.github.feishuvc.reserve;

import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.internal.FeishuApiCaller.Params;
import io.github.feishuvc.internal.FeishuTemplate;
import io.github.feishuvc.internal.ReserveApis;
import io.github.feishuvc.meeting.Meeting;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * {@link ReserveOperations} over a {@link FeishuVcExecutor}: validates each call, which the executor then
 * authenticates, rate-limits, sends and retries as its declaration ({@link ReserveApis}) says. Reads (get, get active
 * meeting) are retried after transient failures; writes (apply, update, delete) only when the platform certainly did
 * not act on them. Instances are immutable and thread safe; {@link #withUserIdType}, {@link #forTenant} and
 * {@link #withUserAccessToken} return views.
 */
final class ReserveTemplate extends FeishuTemplate<ReserveOperations> implements ReserveOperations {

	private final ReserveRequestValidator validator;

	ReserveTemplate(FeishuApiCaller caller, ReserveRequestValidator validator) {
		super(caller);
		this.validator = validator;
	}

	@Override
	protected ReserveOperations with(FeishuApiCaller caller) {
		return new ReserveTemplate(caller, this.validator);
	}

	@Override
	public Mono<ReserveResult> apply(ReserveApplyRequest request) {
		this.validator.validateApply(request, this.caller.actsAsUser());
		Mono<ReserveResult> call = this.caller.call(ReserveApis.APPLY, Params.path().body(request));
		return Mono.defer(() -> {
			this.validator.checkEndTime("ReserveApplyRequest", request.endTime());
			return call;
		});
	}

	@Override
	public Mono<ReserveResult> update(String reserveId, ReserveUpdateRequest request) {
		Params params = Params.path(reserveId).body(request);
		this.validator.validateUpdate(request);
		Mono<ReserveResult> call = this.caller.call(ReserveApis.UPDATE, params);
		return Mono.defer(() -> {
			this.validator.checkEndTime("ReserveUpdateRequest", request.endTime());
			return call;
		});
	}

	@Override
	public Mono<Void> delete(String reserveId) {
		return this.caller.call(ReserveApis.DELETE, reserveId).then();
	}

	@Override
	public Mono<Reserve> get(String reserveId) {
		return this.caller.call(ReserveApis.GET, reserveId);
	}

	@Override
	public Mono<Reserve> get(String reserveId, UserIdType userIdType) {
		Assert.notNull(userIdType, "userIdType must not be null");
		return this.caller.withUserIdType(userIdType).call(ReserveApis.GET, reserveId);
	}

	@Override
	public Mono<Meeting> getActiveMeeting(String reserveId) {
		return this.caller.call(ReserveApis.GET_ACTIVE_MEETING, reserveId);
	}

	@Override
	public Mono<Meeting> getActiveMeeting(String reserveId, boolean withParticipants) {
		return this.caller.call(ReserveApis.GET_ACTIVE_MEETING,
				Params.path(reserveId).query("with_participants", withParticipants));
	}

}
