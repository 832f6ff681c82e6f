package io.github.feishuvc.room.event;

import java.time.Instant;
import java.util.List;

import io.github.feishuvc.internal.Lists;
import io.github.feishuvc.meeting.event.EventUserIds;
import org.jspecify.annotations.Nullable;

/**
 * A room's status as its events show it ({@code room_status_event}): a {@link io.github.feishuvc.room.RoomStatus}
 * whose contacts carry every kind of user id.
 *
 * @param status whether the room is enabled
 * @param scheduleStatus whether it will be enabled once a planned disablement ends
 * @param disableStartTime when the disablement starts
 * @param disableEndTime when it ends; {@link Instant#EPOCH} for never
 * @param disableReason why
 * @param contactIds whom to ask about it
 * @param disableNotice whether those who booked it are told when it is disabled
 * @param resumeNotice whether they are told when it is enabled again
 */
public record EventRoomStatus(@Nullable Boolean status, @Nullable Boolean scheduleStatus,
		@Nullable Instant disableStartTime, @Nullable Instant disableEndTime, @Nullable String disableReason,
		List<EventUserIds> contactIds, @Nullable Boolean disableNotice, @Nullable Boolean resumeNotice) {

	/**
	 * Create a status, its contacts immutable and without nulls.
	 * @param status whether the room is enabled
	 * @param scheduleStatus whether it will be enabled once a planned disablement ends
	 * @param disableStartTime when the disablement starts
	 * @param disableEndTime when it ends; {@link Instant#EPOCH} for never
	 * @param disableReason why
	 * @param contactIds whom to ask about it
	 * @param disableNotice whether those who booked it are told when it is disabled
	 * @param resumeNotice whether they are told when it is enabled again
	 */
	public EventRoomStatus {
		contactIds = Lists.immutable(contactIds);
	}

}
