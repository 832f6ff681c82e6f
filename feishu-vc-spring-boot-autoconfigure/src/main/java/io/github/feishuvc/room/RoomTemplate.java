package io.github.feishuvc.room;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.internal.FeishuApiCaller.Params;
import io.github.feishuvc.internal.FeishuTemplate;
import io.github.feishuvc.internal.Lists;
import io.github.feishuvc.internal.MeetingDataChecks;
import io.github.feishuvc.internal.RoomApis;
import io.github.feishuvc.internal.RoomRequests.MgetRooms;
import io.github.feishuvc.internal.Violations;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link RoomOperations} over a {@link FeishuVcExecutor}: validates each call, which the executor then authenticates,
 * rate-limits, sends and retries as its declaration ({@link RoomApis}) says. Immutable and thread safe;
 * {@link #withUserIdType}, {@link #forTenant} and {@link #withUserAccessToken} return views.
 */
final class RoomTemplate extends FeishuTemplate<RoomOperations> implements RoomOperations {

	private static final Duration LONGEST_WINDOW = Duration.ofDays(1);

	private final Clock clock;

	RoomTemplate(FeishuApiCaller caller, Clock clock) {
		super(caller);
		this.clock = clock;
	}

	@Override
	protected RoomOperations with(FeishuApiCaller caller) {
		return new RoomTemplate(caller, this.clock);
	}

	@Override
	public Mono<Room> get(String roomId) {
		return this.caller.call(RoomApis.GET, roomId);
	}

	@Override
	public Mono<List<Room>> getAll(List<String> roomIds) {
		return this.caller.call(RoomApis.MGET, Params.path().body(new MgetRooms(ids(roomIds, "roomIds"))));
	}

	@Override
	public Flux<Room> list(@Nullable String roomLevelId) {
		return this.caller.pages(RoomApis.LIST, Params.path().query("room_level_id", roomLevelId));
	}

	@Override
	public Mono<Room> create(RoomCreateRequest request) {
		Violations violations = new Violations("RoomCreateRequest");
		violations.addIf(blank(request.name()), "name is required");
		violations.addIf(request.capacity() == null, "capacity is required");
		violations.addIf(blank(request.roomLevelId()), "roomLevelId is required");
		checkRoom(violations, request.capacity(), request.roomStatus(), request.devices());
		violations.throwIfAny();
		return this.caller.call(RoomApis.CREATE, Params.path().body(request));
	}

	@Override
	public Mono<Void> update(String roomId, RoomUpdateRequest request) {
		Violations violations = new Violations("RoomUpdateRequest");
		violations.addIf(request.name() == null && request.capacity() == null && request.description() == null
				&& request.customRoomId() == null && request.roomLevelId() == null && request.roomStatus() == null
				&& request.devices().isEmpty(), "nothing to change");
		violations.addIf(request.name() != null && request.name().isBlank(), "name must not be blank");
		violations.addIf(request.roomLevelId() != null && request.roomLevelId().isBlank(),
				"roomLevelId must not be blank");
		checkRoom(violations, request.capacity(), request.roomStatus(), request.devices());
		violations.throwIfAny();
		return this.caller.call(RoomApis.PATCH, Params.path(roomId).body(request)).then();
	}

	private static void checkRoom(Violations violations, @Nullable Integer capacity, @Nullable RoomStatus status,
			List<RoomDevice> devices) {
		violations.addIf(capacity != null && capacity < 1, "capacity must be at least 1, was " + capacity);
		violations.addIf(status != null && status.status() == null, "roomStatus.status is required");
		for (int i = 0; i < devices.size(); i++) {
			violations.addIf(blank(devices.get(i).name()), "devices[" + i + "].name is required");
		}
	}

	@Override
	public Mono<Void> delete(String roomId) {
		return this.caller.call(RoomApis.DELETE, roomId).then();
	}

	@Override
	public Flux<Room> search(RoomSearchRequest request) {
		Violations violations = new Violations("RoomSearchRequest");
		violations.addIf(request.customRoomIds().isEmpty() && blank(request.keyword()),
				"customRoomIds or a keyword is required");
		violations.throwIfAny();
		return this.caller.pages(RoomApis.SEARCH, Params.path().body(request));
	}

	@Override
	public Flux<RoomReservation> reservations(RoomReservationQuery query) {
		Violations violations = new Violations("RoomReservationQuery");
		violations.addIf(blank(query.roomLevelId()), "roomLevelId is required");
		violations.addIf(query.roomIds().isEmpty(), "roomIds must name at least one room");
		violations.addIf(!query.to().isAfter(query.from()), "to must be after from");
		violations.addIf(query.to().isAfter(query.from().plus(LONGEST_WINDOW)), "to must be at most a day after from");
		violations.throwIfAny();
		Params params = Params.path()
			.query("room_level_id", query.roomLevelId())
			.query("need_topic", query.withTopic())
			.query("start_time", query.from().getEpochSecond())
			.query("end_time", query.to().getEpochSecond());
		query.roomIds().forEach((roomId) -> params.query("room_ids", roomId));
		params.query("is_exclude", query.exclude());
		MeetingDataChecks.notInFuture(this.clock, query.from(), "RoomReservationQuery", "from");
		return this.caller.pages(RoomApis.RESERVATIONS, params);
	}

	/** A caller's ids, at least one, none blank. */
	static List<String> ids(List<String> ids, String name) {
		List<String> checked = Lists.required(ids, name);
		Violations violations = new Violations(name);
		violations.addIf(checked.isEmpty(), name + " must name at least one");
		for (int i = 0; i < checked.size(); i++) {
			violations.addIf(checked.get(i).isBlank(), name + "[" + i + "] must not be blank");
		}
		violations.throwIfAny();
		return checked;
	}

	static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
