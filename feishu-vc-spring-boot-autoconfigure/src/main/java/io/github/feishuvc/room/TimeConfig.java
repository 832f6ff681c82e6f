package io.github.feishuvc.room;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.jspecify.annotations.Nullable;

/**
 * When rooms may be booked ({@code time_config}). Times of day are durations since midnight, 0 to 24 hours, which
 * the platform rounds to whole minutes.
 *
 * @param ifCoverChildScope whether this also applies to the levels and rooms below
 * @param timeSwitch whether the limits are on (0 or 1 on the wire); required when sent
 * @param daysInAdvance how many days ahead a room may be booked, 1 to 730 (365 if absent)
 * @param openingHour from when in the day a newly bookable day opens (8:00 if absent)
 * @param startTime the earliest a booking may start each day (0:00 if absent)
 * @param endTime the latest a booking may end each day (24:00 if absent), at least 30 seconds after the start
 * @param maxDuration the longest a booking may last, 1 to 99 hours (2 if absent)
 */
public record TimeConfig(@Nullable Boolean ifCoverChildScope,
		@JsonFormat(shape = JsonFormat.Shape.NUMBER) @Nullable Boolean timeSwitch, @Nullable Integer daysInAdvance,
		@Nullable Duration openingHour, @Nullable Duration startTime, @Nullable Duration endTime,
		@Nullable Integer maxDuration) {
}
