package io.github.feishuvc.room;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * Whether a room (or every room of a scope) is enabled, and when and why it is disabled ({@code room_status}).
 *
 * @param status whether it is enabled; required whenever a status is sent
 * @param scheduleStatus whether it will be enabled once a planned disablement ends (read only)
 * @param disableStartTime when the disablement starts
 * @param disableEndTime when it ends; {@link Instant#EPOCH} for never (see {@link #disabledForever()})
 * @param disableReason why
 * @param contactIds whom to ask about it, of the call's user id type; not sent when empty
 * @param disableNotice whether those who booked the room are told when it is disabled
 * @param resumeNotice whether they are told when it is enabled again
 */
public record RoomStatus(@Nullable Boolean status, @Nullable Boolean scheduleStatus, @Nullable Instant disableStartTime,
		@Nullable Instant disableEndTime, @Nullable String disableReason,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> contactIds,
		@Nullable Boolean disableNotice, @Nullable Boolean resumeNotice) {

	/**
	 * Create a status, its contacts immutable and without nulls.
	 * @param status whether it is enabled; required whenever a status is sent
	 * @param scheduleStatus whether it will be enabled once a planned disablement ends (read only)
	 * @param disableStartTime when the disablement starts
	 * @param disableEndTime when it ends; {@link Instant#EPOCH} for never (see {@link #disabledForever()})
	 * @param disableReason why
	 * @param contactIds whom to ask about it, of the call's user id type; not sent when empty
	 * @param disableNotice whether those who booked the room are told when it is disabled
	 * @param resumeNotice whether they are told when it is enabled again
	 */
	public RoomStatus {
		contactIds = Lists.immutable(contactIds);
	}

	/**
	 * Enabled.
	 * @return the status
	 */
	public static RoomStatus enabled() {
		return new RoomStatus(true, null, null, null, null, List.of(), null, null);
	}

	/**
	 * Disabled from one time to another, with a reason; those who booked it are told.
	 * @param from when the disablement starts
	 * @param until when it ends, or {@code null} for never
	 * @param reason why
	 * @return the status
	 */
	public static RoomStatus disabled(Instant from, @Nullable Instant until, String reason) {
		return new RoomStatus(false, null, from, (until != null) ? until : Instant.EPOCH, reason, List.of(), true,
				null);
	}

	/**
	 * Whether a disablement never ends (the platform's end time {@code 0}).
	 * @return {@code true} if it never ends
	 */
	public boolean disabledForever() {
		return Instant.EPOCH.equals(this.disableEndTime);
	}

}
