package io.github.feishuvc.agent;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * An operation on a meeting's countdown (会中倒计时, {@code POST /bots/countdown}): set one, prolong it, end it early,
 * close its window. Times are whole minutes; a countdown is set for at most 24 hours (the platform caps a prolonging
 * at 24 hours), and its one reminder comes before its end. Immutable; {@code with...} return copies.
 *
 * @param meetingId the meeting's id (the long one)
 * @param action what to do
 * @param duration for {@link Action#SET} and {@link Action#PROLONG}: how long, or how much longer
 * @param playAudioAtEnd for {@link Action#SET}: play a sound when it ends (the platform's default: no)
 * @param reminderBeforeEnd for {@link Action#SET}: one reminder this long before the end
 */
public record AgentCountdown(String meetingId, Action action, @Nullable Duration duration,
		@Nullable Boolean playAudioAtEnd, @Nullable Duration reminderBeforeEnd) {

	/**
	 * Set a countdown.
	 * @param meetingId the meeting's id
	 * @param duration how long, in whole minutes, at most 24 hours
	 * @return the operation
	 */
	public static AgentCountdown set(String meetingId, Duration duration) {
		return new AgentCountdown(meetingId, Action.SET, duration, null, null);
	}

	/**
	 * Prolong the countdown.
	 * @param meetingId the meeting's id
	 * @param duration how much longer, in whole minutes
	 * @return the operation
	 */
	public static AgentCountdown prolong(String meetingId, Duration duration) {
		return new AgentCountdown(meetingId, Action.PROLONG, duration, null, null);
	}

	/**
	 * End the countdown now.
	 * @param meetingId the meeting's id
	 * @return the operation
	 */
	public static AgentCountdown endInAdvance(String meetingId) {
		return new AgentCountdown(meetingId, Action.END_IN_ADVANCE, null, null, null);
	}

	/**
	 * Close the countdown's window.
	 * @param meetingId the meeting's id
	 * @return the operation
	 */
	public static AgentCountdown closeWindow(String meetingId) {
		return new AgentCountdown(meetingId, Action.CLOSE_WINDOW, null, null, null);
	}

	/**
	 * The same countdown, playing a sound when it ends ({@link Action#SET} only).
	 * @return the operation
	 */
	public AgentCountdown withAudioAtEnd() {
		return new AgentCountdown(this.meetingId, this.action, this.duration, true, this.reminderBeforeEnd);
	}

	/**
	 * The same countdown with one reminder before its end ({@link Action#SET} only).
	 * @param beforeEnd how long before the end, in whole minutes, shorter than the countdown
	 * @return the operation
	 */
	public AgentCountdown withReminderBeforeEnd(Duration beforeEnd) {
		return new AgentCountdown(this.meetingId, this.action, this.duration, this.playAudioAtEnd, beforeEnd);
	}

	/** What a countdown operation does. */
	public enum Action {

		/** Set a countdown ({@code set}). */
		SET("set"),

		/** Prolong it ({@code prolong}). */
		PROLONG("prolong"),

		/** End it now ({@code end_in_advance}). */
		END_IN_ADVANCE("end_in_advance"),

		/** Close its window ({@code close_window}). */
		CLOSE_WINDOW("close_window");

		private final String wire;

		Action(String wire) {
			this.wire = wire;
		}

		/**
		 * The platform's name of the action.
		 * @return the name, such as {@code end_in_advance}
		 */
		public String wire() {
			return this.wire;
		}

	}

}
