package io.github.feishuvc.room;

import java.util.List;

import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.internal.FeishuApiCaller.Params;
import io.github.feishuvc.internal.FeishuTemplate;
import io.github.feishuvc.internal.RoomApis;
import io.github.feishuvc.internal.RoomRequests.DeleteLevel;
import io.github.feishuvc.internal.RoomRequests.MgetLevels;
import io.github.feishuvc.internal.Violations;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link RoomLevelOperations} over a {@link FeishuVcExecutor}: validates each call, which the executor then
 * authenticates, rate-limits, sends and retries as its declaration ({@link RoomApis}) says. Immutable and thread safe.
 */
final class RoomLevelTemplate extends FeishuTemplate<RoomLevelOperations> implements RoomLevelOperations {

	RoomLevelTemplate(FeishuApiCaller caller) {
		super(caller);
	}

	@Override
	protected RoomLevelOperations with(FeishuApiCaller caller) {
		return new RoomLevelTemplate(caller);
	}

	@Override
	public Mono<RoomLevel> get(String roomLevelId) {
		return this.caller.call(RoomApis.LEVEL_GET, roomLevelId);
	}

	@Override
	public Mono<RoomLevel> root() {
		return get(ROOT);
	}

	@Override
	public Mono<List<RoomLevel>> getAll(List<String> roomLevelIds) {
		return this.caller.call(RoomApis.LEVEL_MGET,
				Params.path().body(new MgetLevels(RoomTemplate.ids(roomLevelIds, "roomLevelIds"))));
	}

	@Override
	public Flux<RoomLevel> list(@Nullable String parentId) {
		return this.caller.pages(RoomApis.LEVEL_LIST, Params.path().query("room_level_id", parentId));
	}

	@Override
	public Mono<RoomLevel> create(RoomLevelRequest request) {
		check(request);
		return this.caller.call(RoomApis.LEVEL_CREATE, Params.path().body(request));
	}

	@Override
	public Mono<Void> update(String roomLevelId, RoomLevelRequest request) {
		check(request);
		return this.caller.call(RoomApis.LEVEL_PATCH, Params.path(roomLevelId).body(request)).then();
	}

	private static void check(RoomLevelRequest request) {
		Violations violations = new Violations("RoomLevelRequest");
		violations.addIf(RoomTemplate.blank(request.name()), "name is required");
		violations.addIf(RoomTemplate.blank(request.parentId()), "parentId is required");
		violations.throwIfAny();
	}

	@Override
	public Mono<Void> delete(String roomLevelId, boolean withChildren) {
		if (RoomTemplate.blank(roomLevelId)) {
			throw new IllegalArgumentException("roomLevelId must not be blank");
		}
		return this.caller.call(RoomApis.LEVEL_DELETE, Params.path().body(new DeleteLevel(roomLevelId, withChildren)))
			.then();
	}

	@Override
	public Mono<List<String>> searchByCustomIds(List<String> customGroupIds) {
		List<String> ids = RoomTemplate.ids(customGroupIds, "customGroupIds");
		Violations violations = new Violations("customGroupIds");
		for (int i = 0; i < ids.size(); i++) {
			violations.addIf(ids.get(i).contains(","), "customGroupIds[" + i + "] must not contain a comma");
		}
		violations.throwIfAny();
		return this.caller.call(RoomApis.LEVEL_SEARCH, Params.path().query("custom_level_ids", String.join(",", ids)));
	}

}
