package io.github.feishuvc.agent.event;

import java.time.Instant;

import io.github.feishuvc.agent.AgentJoinRequest;
import io.github.feishuvc.agent.AgentMeeting;
import io.github.feishuvc.agent.AgentUser;
import org.jspecify.annotations.Nullable;

/**
 * {@value #TYPE}: someone invited the app's agent into a meeting. To accept, join with the invitation's call id
 * ({@link #joinRequest()}): the platform's page says the call id must be sent back as it came.
 *
 * @param eventId the event's id
 * @param tenantKey the tenant the event happened in, if named
 * @param createTime when the platform made the event
 * @param meeting the meeting
 * @param bot the agent invited
 * @param inviter who invited it
 * @param inviteTime when
 * @param callId the invitation's id, to send back when joining
 */
public record AgentInvitedEvent(String eventId, @Nullable String tenantKey, @Nullable Instant createTime,
		AgentMeeting meeting, @Nullable AgentUser bot, @Nullable AgentUser inviter, @Nullable Instant inviteTime,
		@Nullable String callId) implements AgentEvent {

	/** The platform's type of this event. */
	public static final String TYPE = "vc.bot.meeting_invited_v1";

	/**
	 * How to accept the invitation: join the meeting by its number with the call id (add its password if it has one).
	 * @return the request
	 * @throws IllegalStateException if the event names no meeting number
	 */
	public AgentJoinRequest joinRequest() {
		String meetingNo = this.meeting.meetingNo();
		if (meetingNo == null) {
			throw new IllegalStateException("The invitation names no meeting number");
		}
		AgentJoinRequest request = AgentJoinRequest.meetingNo(meetingNo);
		return (this.callId != null) ? request.withCallId(this.callId) : request;
	}

}
