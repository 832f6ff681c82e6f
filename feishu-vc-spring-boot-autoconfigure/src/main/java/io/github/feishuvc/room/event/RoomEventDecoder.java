package io.github.feishuvc.room.event;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.events.FeishuEventDecoder;
import io.github.feishuvc.internal.EventHeader;
import io.github.feishuvc.room.RoomLevel;
import io.github.feishuvc.room.TimeConfig;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;

/**
 * Turns the seven room events ({@code vc.room.*}, {@code vc.room_level.*}, {@code vc.reserve_config.updated_v1}) into
 * their {@link RoomEvent} records, as leniently as the API's answers; an event without an id, or without what it is
 * about, does not decode.
 */
public final class RoomEventDecoder implements FeishuEventDecoder {

	private static final ObjectReader READER = FeishuVcJson.mapper().readerFor(Envelope.class);

	private static final Map<String, Factory> FACTORIES = Map.of(
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
					b.reserveScopeConfig()));

	/**
	 * The types this decoder knows.
	 * @return the event types, such as {@code vc.room.created_v1}
	 */
	public static Set<String> types() {
		return FACTORIES.keySet();
	}

	@Override
	public @Nullable RoomEvent decode(FeishuEvent event) {
		Factory factory = FACTORIES.get(event.type());
		if (factory == null) {
			return null;
		}
		Envelope envelope = READER.readValue(event.json());
		EventHeader header = envelope.header();
		if (header == null || header.eventId() == null || envelope.event() == null) {
			throw new IllegalArgumentException("a room event without an id or a body");
		}
		return factory.create(header, envelope.event());
	}

	private static <T> T required(@Nullable T value, String field) {
		if (value == null) {
			throw new IllegalArgumentException("a room event without " + field);
		}
		return value;
	}

	@Override
	public String toString() {
		return "RoomEventDecoder[" + FACTORIES.size() + " types]";
	}

	/** Makes one type's record of a decoded event. */
	@FunctionalInterface
	private interface Factory {

		RoomEvent create(EventHeader header, Body body);

	}

	/** A version 2 event: its header and body. */
	record Envelope(@Nullable EventHeader header, @Nullable Body event) {
	}

	/** The body of a room event: what each type carries. */
	record Body(@Nullable EventRoom room, @Nullable RoomLevel roomLevel, @Nullable String roomLevelId,
			@Nullable Boolean deleteChild, @Nullable String scopeId, @Nullable Integer scopeType,
			@JsonProperty("approve_config") @Nullable EventApprovalConfig approvalConfig,
			@Nullable TimeConfig timeConfig, @Nullable EventReserveScopeConfig reserveScopeConfig) {
	}

}
