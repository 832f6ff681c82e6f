package io.github.feishuvc.room;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The booking restrictions of a level or a room: approval, times, and who may book. What
 * {@link ReserveConfigOperations#reserveScope} reads and {@link ReserveConfigOperations#updateReserveScope} changes
 * (absent parts are left as they are).
 *
 * @param approvalConfig whether bookings need approval ({@code approve_config} when read)
 * @param timeConfig when rooms may be booked
 * @param reserveScopeConfig who may book
 */
public record ReserveScope(@JsonProperty("approve_config") @Nullable ApprovalConfig approvalConfig,
		@Nullable TimeConfig timeConfig, @Nullable ReserveScopeConfig reserveScopeConfig) {
}
