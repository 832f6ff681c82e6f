package io.github.feishuvc.agent;

import org.jspecify.annotations.Nullable;

/**
 * One event of a meeting as {@code GET /bots/events} lists it: the pull counterpart of
 * {@code vc.bot.meeting_activity_v1}.
 *
 * @param eventId its id, the same however often it is listed (for de-duplication)
 * @param eventType its type: the activity's kind, such as {@code participant_joined} (the platform's page shows
 * {@code meeting.created} in its sample)
 * @param eventTime when it happened, as the platform writes it (its page says RFC 3339, such as
 * {@code 2024-05-20T14:30:00+08:00}; its CLI also accepts unix seconds or milliseconds), kept as sent
 * @param payload what happened
 */
public record AgentMeetingEvent(String eventId, @Nullable String eventType, @Nullable String eventTime,
		@Nullable MeetingActivity payload) {
}
