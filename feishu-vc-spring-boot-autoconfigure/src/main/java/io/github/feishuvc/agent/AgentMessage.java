package io.github.feishuvc.agent;

import org.jspecify.annotations.Nullable;

/**
 * A message the agent (or a user) sends into a meeting it is in ({@code POST /bots/message}): a text, or a reaction
 * (会中反馈表情). Immutable; {@link #withUuid} returns a copy.
 *
 * @param meetingId the meeting's id (the long one, not its number)
 * @param msgType {@value #TEXT} or {@value #REACTION}
 * @param content the text, or the reaction's key (case-sensitive, such as {@code THUMBSUP} or {@code VC_SoundsClear})
 * @param uuid the idempotency key: the platform makes one when none is given, and answers with the one it used
 */
public record AgentMessage(String meetingId, String msgType, String content, @Nullable String uuid) {

	/** The type of a text message. */
	public static final String TEXT = "text";

	/** The type of a reaction. */
	public static final String REACTION = "reaction";

	/**
	 * A text message.
	 * @param meetingId the meeting's id
	 * @param text the text
	 * @return the message
	 */
	public static AgentMessage text(String meetingId, String text) {
		return new AgentMessage(meetingId, TEXT, text, null);
	}

	/**
	 * A reaction.
	 * @param meetingId the meeting's id
	 * @param reactionKey the reaction's key, such as {@code THUMBSUP}
	 * @return the message
	 */
	public static AgentMessage reaction(String meetingId, String reactionKey) {
		return new AgentMessage(meetingId, REACTION, reactionKey, null);
	}

	/**
	 * The same message with an idempotency key of the caller's, so that sending it again does not show it twice.
	 * @param uuid the key
	 * @return the message
	 */
	public AgentMessage withUuid(String uuid) {
		return new AgentMessage(this.meetingId, this.msgType, this.content, uuid);
	}

}
