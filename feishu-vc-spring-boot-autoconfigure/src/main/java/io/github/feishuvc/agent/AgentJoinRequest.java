package io.github.feishuvc.agent;

import org.jspecify.annotations.Nullable;

/**
 * How the agent joins a meeting in progress ({@code POST /bots/join}): by the meeting's 9-digit number (the only way
 * the platform offers, {@code join_type} 1), with its password if it has one, and, when it answers an invitation
 * ({@link io.github.feishuvc.agent.event.AgentInvitedEvent}), the invitation's call id. Immutable; {@code with...}
 * return copies.
 *
 * @param meetingNo the meeting's 9-digit number
 * @param password the meeting's password, if it has one (without it, or with a wrong one, the agent cannot join)
 * @param callId the call id of the invitation the agent answers, sent back as it came
 */
public record AgentJoinRequest(String meetingNo, @Nullable String password, @Nullable String callId) {

	/**
	 * Join the meeting of a number.
	 * @param meetingNo the meeting's 9-digit number
	 * @return the request
	 */
	public static AgentJoinRequest meetingNo(String meetingNo) {
		return new AgentJoinRequest(meetingNo, null, null);
	}

	/**
	 * The same request with the meeting's password.
	 * @param password the password
	 * @return the request
	 */
	public AgentJoinRequest withPassword(String password) {
		return new AgentJoinRequest(this.meetingNo, password, this.callId);
	}

	/**
	 * The same request answering an invitation.
	 * @param callId the invitation's call id ({@code AgentInvitedEvent.callId()})
	 * @return the request
	 */
	public AgentJoinRequest withCallId(String callId) {
		return new AgentJoinRequest(this.meetingNo, this.password, callId);
	}

}
