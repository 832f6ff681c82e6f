package io.github.feishuvc.room.event;

import java.time.Instant;

import io.github.feishuvc.room.ScopeType;
import io.github.feishuvc.room.TimeConfig;
import org.jspecify.annotations.Nullable;

/**
 * {@value #TYPE}: the booking restrictions of a level or a room were changed.
 *
 * @param eventId the event's id
 * @param tenantKey the tenant the event happened in, if named
 * @param createTime when the platform made the event
 * @param scopeId the level's or the room's id
 * @param scopeTypeCode the raw {@code scope_type} code; see {@link #scopeType()}
 * @param approvalConfig whether bookings need approval ({@code approve_config})
 * @param timeConfig when rooms may be booked
 * @param reserveScopeConfig who may book
 */
public record ReserveConfigUpdatedEvent(String eventId, @Nullable String tenantKey, @Nullable Instant createTime,
		@Nullable String scopeId, @Nullable Integer scopeTypeCode,
		@Nullable EventApprovalConfig approvalConfig, @Nullable TimeConfig timeConfig,
		@Nullable EventReserveScopeConfig reserveScopeConfig) implements RoomEvent {

	/** The platform's type of this event. */
	public static final String TYPE = "vc.reserve_config.updated_v1";

	/**
	 * Whether the scope is a level or a room.
	 * @return the type, {@link ScopeType#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable ScopeType scopeType() {
		return ScopeType.fromCode(this.scopeTypeCode);
	}

}
