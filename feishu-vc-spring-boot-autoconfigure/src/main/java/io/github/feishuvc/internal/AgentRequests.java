package io.github.feishuvc.internal;

import org.jspecify.annotations.Nullable;

/**
 * The request bodies of the meeting-agent endpoints: wire shapes only, the operations take the agent package's
 * requests.
 */
public final class AgentRequests {

	private AgentRequests() {
	}

	/**
	 * Join a meeting ({@code join_type} 1: by its number, the only way the platform offers).
	 *
	 * @param joinType how: 1 by number
	 * @param joinIdentify which meeting
	 * @param password its password
	 * @param callId the invitation answered
	 */
	public record JoinBody(int joinType, JoinIdentify joinIdentify, @Nullable String password,
			@Nullable String callId) {
	}

	/**
	 * Which meeting to join.
	 *
	 * @param meetingNo its 9-digit number
	 */
	public record JoinIdentify(String meetingNo) {
	}

	/**
	 * Leave a meeting.
	 *
	 * @param meetingId its id
	 */
	public record LeaveBody(String meetingId) {
	}

	/**
	 * An in-meeting message.
	 *
	 * @param meetingId the meeting's id
	 * @param msgType {@code text} or {@code reaction}
	 * @param content the text or reaction key
	 * @param uuid the idempotency key
	 */
	public record MessageBody(String meetingId, String msgType, String content, @Nullable String uuid) {
	}

	/**
	 * A countdown operation; minutes are strings, as the platform's page types them (its CLI sends numbers).
	 *
	 * @param meetingId the meeting's id
	 * @param action {@code set}, {@code prolong}, {@code end_in_advance} or {@code close_window}
	 * @param duration minutes
	 * @param needPlayAudioAtEnd play a sound at the end
	 * @param reminderBeforeEnd minutes before the end
	 */
	public record CountdownBody(String meetingId, String action, @Nullable String duration,
			@Nullable Boolean needPlayAudioAtEnd, @Nullable String reminderBeforeEnd) {
	}

}
