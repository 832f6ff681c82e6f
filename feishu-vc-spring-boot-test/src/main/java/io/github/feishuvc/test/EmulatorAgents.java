package io.github.feishuvc.test;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The meeting agents of a {@link FeishuVcEmulator} ({@link FeishuVcEmulator#agents()}): the app's agent joins a meeting
 * in progress by its number ({@code POST /bots/join}) and, while it is in it, receives
 * {@code vc.bot.meeting_activity_v1} as people join, leave ({@link EmulatorMeetings#join},
 * {@link EmulatorMeetings#leave}), say something ({@link EmulatorMeetings#say}) or {@link #chat chat}, and
 * {@code vc.bot.meeting_ended_v1} when the meeting ends; {@code GET /bots/events} lists the same activity. The test
 * hooks here invite the agent, put the tenant (or a meeting owner) outside the gray release, and read what the agent
 * sent.
 */
public final class EmulatorAgents {

	/** The platform's agents, read at each call: a reset replaces them. */
	private final Supplier<EmulatedAgents> agents;

	EmulatorAgents(Supplier<EmulatedAgents> agents) {
		this.agents = agents;
	}

	/**
	 * The open id the app's agent has in meetings (its {@code user_type} is 10).
	 * @return the id
	 */
	public String agentId() {
		return this.agents.get().agentId();
	}

	/**
	 * Someone invites the agent into a meeting in progress: pushes {@code vc.bot.meeting_invited_v1} (without waiting)
	 * with a new call id, which the agent sends back when it joins.
	 * @param meetingId the meeting's id
	 * @param inviterId who invites it
	 * @return the invitation's call id
	 * @throws IllegalArgumentException if no such meeting is in progress
	 */
	public String invite(String meetingId, String inviterId) {
		return this.agents.get().invite(meetingId, inviterId);
	}

	/**
	 * A participant writes in a meeting's chat: {@code chat_received} activity.
	 * @param meetingId the meeting's id
	 * @param userId the participant
	 * @param text what they wrote
	 * @throws IllegalArgumentException if no such meeting is in progress, or the user is not in it
	 */
	public void chat(String meetingId, String userId, String text) {
		this.agents.get().chat(meetingId, userId, text);
	}

	/**
	 * Put the tenant outside the agents' gray release, or back in: outside, every agent call is refused with
	 * {@code 20017} ({@code ErrNotInGray}).
	 * @param outside whether the tenant is outside
	 */
	public void outsideGrayRelease(boolean outside) {
		this.agents.get().outsideGrayRelease(outside);
	}

	/**
	 * Put a meeting owner outside the gray release: the agent may not join their meetings as the app ({@code 10012}).
	 * @param ownerId the owner's open id
	 */
	public void ownerOutsideGrayRelease(String ownerId) {
		this.agents.get().ownerOutsideGrayRelease(ownerId);
	}

	/**
	 * Push {@code vc.bot.meeting_started_v1} as each meeting starts from now on, or stop. Off by default: the
	 * platform's page does not say which meetings' starts it sends.
	 * @param announce whether to push it
	 */
	public void announceMeetingStarts(boolean announce) {
		this.agents.get().announceStarts(announce);
	}

	/**
	 * Whether the agent is in a meeting.
	 * @param meetingId the meeting's id
	 * @return whether it joined and has not left, and the meeting has not ended
	 */
	public boolean isIn(String meetingId) {
		return this.agents.get().isIn(meetingId);
	}

	/**
	 * The messages sent into a meeting ({@code POST /bots/message}), in order.
	 * @param meetingId the meeting's id
	 * @return the messages
	 */
	public List<SentMessage> messages(String meetingId) {
		return this.agents.get().messages(meetingId);
	}

	/**
	 * The countdown operations of a meeting ({@code POST /bots/countdown}), in order.
	 * @param meetingId the meeting's id
	 * @return the operations
	 */
	public List<Countdown> countdowns(String meetingId) {
		return this.agents.get().countdowns(meetingId);
	}

	/**
	 * A message sent into a meeting.
	 *
	 * @param meetingId the meeting's id
	 * @param senderId the agent's id, or the user's who sent it
	 * @param msgType {@code text} or {@code reaction}
	 * @param content the text or the reaction's key
	 * @param uuid the idempotency key, the sender's or the platform's
	 */
	public record SentMessage(String meetingId, String senderId, String msgType, String content, String uuid) {
	}

	/**
	 * A countdown operation.
	 *
	 * @param action {@code set}, {@code prolong}, {@code end_in_advance} or {@code close_window}
	 * @param minutes its minutes (a prolonging capped at 24 hours), for {@code set} and {@code prolong}
	 * @param playAudioAtEnd whether a sound plays at its end
	 * @param reminderMinutesBeforeEnd the reminder, minutes before the end
	 */
	public record Countdown(String action, @Nullable Integer minutes, boolean playAudioAtEnd,
			@Nullable Integer reminderMinutesBeforeEnd) {

		/**
		 * The countdown's length.
		 * @return the minutes as a duration, or {@code null}
		 */
		public @Nullable Duration duration() {
			return (this.minutes != null) ? Duration.ofMinutes(this.minutes) : null;
		}

	}

}
