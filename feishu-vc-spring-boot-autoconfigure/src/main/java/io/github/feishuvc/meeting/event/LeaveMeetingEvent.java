package io.github.feishuvc.meeting.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * {@value #TYPE}: someone left a meeting reserved through the open platform.
 *
 * @param eventId the event's id
 * @param tenantKey the tenant the event happened in, if named
 * @param createTime when the platform made the event
 * @param meeting the meeting
 * @param operator who made them leave: themselves, or whoever removed them or ended the meeting
 * @param leaveReasonCode the raw {@code leave_reason} code; see {@link #leaveReason()}
 * @param leaveUser who left
 */
public record LeaveMeetingEvent(String eventId, @Nullable String tenantKey, @Nullable Instant createTime,
		EventMeeting meeting, @Nullable EventUser operator, @Nullable Integer leaveReasonCode,
		@Nullable EventUser leaveUser) implements MeetingEvent {

	/** The platform's type of this event. */
	public static final String TYPE = "vc.meeting.leave_meeting_v1";

	/**
	 * Why they left.
	 * @return the reason, {@link LeaveReason#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable LeaveReason leaveReason() {
		return LeaveReason.fromCode(this.leaveReasonCode);
	}

}
