package io.github.feishuvc.agent;

import org.jspecify.annotations.Nullable;

/**
 * What {@code POST /bots/join} answers: the meeting the agent joined and the agent as it is in the meeting.
 *
 * @param meeting the meeting
 * @param joinUser the agent
 */
public record AgentJoin(Meeting meeting, @Nullable AgentUser joinUser) {

	/**
	 * The id of the meeting joined: what leave, messages, the countdown and the events take.
	 * @return the meeting's id
	 */
	public String meetingId() {
		return this.meeting.id();
	}

	/**
	 * The meeting joined.
	 *
	 * @param id its id
	 * @param meetingNo its number
	 * @param startTime when it started, as the platform writes it here: its page says {@code YYYY-MM-DD HH:mm:ss} in
	 * UTC+8, unlike every other time of the VC API (unix seconds), so it is kept as sent
	 * @param topic its topic
	 */
	public record Meeting(String id, @Nullable String meetingNo, @Nullable String startTime, @Nullable String topic) {
	}

}
