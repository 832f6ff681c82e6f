package io.github.feishuvc.test;

import java.time.Instant;

/**
 * An event the application did not acknowledge in time, which {@link FeishuVcEmulator} will push again as the
 * platform does: 15 seconds, 5 minutes, 1 hour and 6 hours after the failed pushes, on the emulator's clock.
 *
 * @param eventId the event's id, the same in every push of it
 * @param eventType the event's type, such as {@code vc.meeting.all_meeting_started_v1}
 * @param attempts how many times it was pushed so far
 * @param nextAttempt when it is pushed again, on the emulator's clock
 * @param lastAnswer how the application answered the last push
 */
public record PendingDelivery(String eventId, String eventType, int attempts, Instant nextAttempt,
		EventDelivery lastAnswer) {
}
