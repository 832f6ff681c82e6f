package io.github.feishuvc.room;

import io.github.feishuvc.core.CodedEnum;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.internal.FeishuApi;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.internal.FeishuApiCaller.Params;
import io.github.feishuvc.internal.FeishuTemplate;
import io.github.feishuvc.internal.RoomConfigApis;
import io.github.feishuvc.internal.RoomRequests.AccessCodeRequest;
import io.github.feishuvc.internal.RoomRequests.DeleteRoomConfig;
import io.github.feishuvc.internal.RoomRequests.ScopeAccessCodeRequest;
import io.github.feishuvc.internal.RoomRequests.SetRoomConfig;
import io.github.feishuvc.internal.Violations;
import reactor.core.publisher.Mono;

/**
 * {@link RoomConfigOperations} over a {@link FeishuVcExecutor}: validates each call, which the executor then
 * authenticates, rate-limits, sends and retries as its declaration ({@link RoomConfigApis}) says. Immutable and thread
 * safe.
 */
final class RoomConfigTemplate extends FeishuTemplate<RoomConfigOperations> implements RoomConfigOperations {

	RoomConfigTemplate(FeishuApiCaller caller) {
		super(caller);
	}

	@Override
	protected RoomConfigOperations with(FeishuApiCaller caller) {
		return new RoomConfigTemplate(caller);
	}

	@Override
	public Mono<ScopeConfigs> get(ScopeType scopeType, String scopeId) {
		int type = CodedEnum.codeToSend(scopeType, "scopeType");
		if (RoomTemplate.blank(scopeId)) {
			throw new IllegalArgumentException("scopeId must not be blank");
		}
		return this.caller.call(RoomConfigApis.GET, Params.path().query("scope_type", type).query("scope_id", scopeId));
	}

	@Override
	public Mono<Void> set(ScopeConfig config) {
		Violations violations = new Violations("ScopeConfig");
		violations.addIf(config.scopeType() == null || config.scopeType() == ScopeType.UNKNOWN,
				"scopeType must be ROOM_LEVEL or ROOM, was " + config.scopeTypeCode());
		violations.addIf(RoomTemplate.blank(config.scopeId()), "scopeId is required");
		violations.addIf(config.config() == null, "config is required");
		violations.throwIfAny();
		return this.caller.call(RoomConfigApis.SET, Params.path().body(config)).then();
	}

	@Override
	public Mono<RoomConfig> query(RoomConfigLocation location) {
		location.validate();
		return this.caller.call(RoomConfigApis.QUERY, Params.path()
			.query("scope", location.scopeCode())
			.query("country_id", location.countryId())
			.query("district_id", location.districtId())
			.query("building_id", location.buildingId())
			.query("floor_name", location.floorName())
			.query("room_id", location.roomId()));
	}

	@Override
	public Mono<Void> set(RoomConfigLocation location, RoomConfig config) {
		location.validate();
		if (config == null) {
			throw new IllegalArgumentException("config must not be null");
		}
		return this.caller.call(RoomConfigApis.LEGACY_SET, Params.path().body(new SetRoomConfig(location, config)))
			.then();
	}

	@Override
	public Mono<String> checkboardAccessCode(RoomConfigLocation location, AccessCodeValidity validity) {
		return accessCode(RoomConfigApis.CHECKBOARD_ACCESS_CODE, location, validity);
	}

	@Override
	public Mono<String> roomAccessCode(RoomConfigLocation location, AccessCodeValidity validity) {
		return accessCode(RoomConfigApis.ROOM_ACCESS_CODE, location, validity);
	}

	@Override
	public Mono<String> accessCode(ScopeType scopeType, String scopeId, AccessCodeValidity validity) {
		int type = CodedEnum.codeToSend(scopeType, "scopeType");
		int days = CodedEnum.codeToSend(validity, "validity");
		if (RoomTemplate.blank(scopeId)) {
			throw new IllegalArgumentException("scopeId must not be blank");
		}
		return this.caller.call(RoomConfigApis.SCOPE_ACCESS_CODE,
				Params.path().body(new ScopeAccessCodeRequest(type, scopeId, days)));
	}

	@Override
	public Mono<Void> delete(RoomConfigLocation location, String config) {
		location.validate();
		if (RoomTemplate.blank(config)) {
			throw new IllegalArgumentException("config must not be blank");
		}
		return this.caller.call(RoomConfigApis.LEGACY_DELETE, Params.path().body(new DeleteRoomConfig(location, config)))
			.then();
	}

	private Mono<String> accessCode(FeishuApi<String> api, RoomConfigLocation location, AccessCodeValidity validity) {
		location.validate();
		int days = CodedEnum.codeToSend(validity, "validity");
		return this.caller.call(api, Params.path().body(new AccessCodeRequest(location, days)));
	}

}
