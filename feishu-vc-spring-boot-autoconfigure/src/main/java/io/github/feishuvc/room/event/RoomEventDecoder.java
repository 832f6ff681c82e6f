package io.github.feishuvc.room.event;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.events.FeishuEventDecoder;
import io.github.feishuvc.internal.TypedEvents;
import io.github.feishuvc.room.RoomLevel;
import io.github.feishuvc.room.TimeConfig;
import org.jspecify.annotations.Nullable;

/**
 * Turns the seven room events ({@code vc.room.*}, {@code vc.room_level.*}, {@code vc.reserve_config.updated_v1}) into
 * their {@link RoomEvent} records, as leniently as the API's answers; an event without an id, or without what it is
 * about, does not decode.
 */
public final class RoomEventDecoder implements FeishuEventDecoder {

	private static final TypedEvents<Body, RoomEvent> EVENTS = new TypedEvents<>(Body.class, Map.of(
			RoomCreatedEvent.TYPE,
			(h, b) -> new RoomCreatedEvent(h.eventId(), h.tenantKey(), h.createdAt(), required(b.room(), "room")),
			RoomUpdatedEvent.TYPE,
			(h, b) -> new RoomUpdatedEvent(h.eventId(), h.tenantKey(), h.createdAt(), required(b.room(), "room")),
			RoomDeletedEvent.TYPE,
			(h, b) -> new RoomDeletedEvent(h.eventId(), h.tenantKey(), h.createdAt(),
					required((b.room() != null) ? b.room().roomId() : null, "room.room_id")),
			RoomLevelCreatedEvent.TYPE,
			(h, b) -> new RoomLevelCreatedEvent(h.eventId(), h.tenantKey(), h.createdAt(),
					required(b.roomLevel(), "room_level")),
			RoomLevelUpdatedEvent.TYPE,
			(h, b) -> new RoomLevelUpdatedEvent(h.eventId(), h.tenantKey(), h.createdAt(),
					required(b.roomLevel(), "room_level")),
			RoomLevelDeletedEvent.TYPE,
			(h, b) -> new RoomLevelDeletedEvent(h.eventId(), h.tenantKey(), h.createdAt(),
					required(b.roomLevelId(), "room_level_id"), Boolean.TRUE.equals(b.deleteChild())),
			ReserveConfigUpdatedEvent.TYPE,
			(h, b) -> new ReserveConfigUpdatedEvent(h.eventId(), h.tenantKey(), h.createdAt(),
					required(b.scopeId(), "scope_id"), b.scopeType(), b.approvalConfig(), b.timeConfig(),
					b.reserveScopeConfig())),
			(type) -> type.equals(RoomLevelDeletedEvent.TYPE)
					? List.of("vc:room", "vc:room:readonly", "vc:rooms.roomlevel:delete", "vc:rooms.roomlevel:read")
					: List.of("vc:room", "vc:room:readonly"),
			"a room event");

	/**
	 * The types this decoder knows.
	 * @return the event types, such as {@code vc.room.created_v1}
	 */
	public static Set<String> types() {
		return EVENTS.types();
	}

	/**
	 * The scopes of each type, any one of which the app needs for the platform to send it.
	 * @return the scopes by event type
	 */
	public static Map<String, List<String>> scopes() {
		return EVENTS.scopes();
	}

	@Override
	public @Nullable RoomEvent decode(FeishuEvent event) {
		return EVENTS.decode(event, (body) -> true);
	}

	private static <T> T required(@Nullable T value, String field) {
		if (value == null) {
			throw new IllegalArgumentException("a room event without " + field);
		}
		return value;
	}

	@Override
	public String toString() {
		return "RoomEventDecoder[" + EVENTS.types().size() + " types]";
	}

	/** The body of a room event: what each type carries. */
	record Body(@Nullable EventRoom room, @Nullable RoomLevel roomLevel, @Nullable String roomLevelId,
			@Nullable Boolean deleteChild, @Nullable String scopeId, @Nullable Integer scopeType,
			@JsonProperty("approve_config") @Nullable EventApprovalConfig approvalConfig,
			@Nullable TimeConfig timeConfig, @Nullable EventReserveScopeConfig reserveScopeConfig) {
	}

}
