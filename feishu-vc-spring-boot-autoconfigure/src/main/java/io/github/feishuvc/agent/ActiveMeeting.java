package io.github.feishuvc.agent;

import org.jspecify.annotations.Nullable;

/**
 * A meeting a user is in now, as {@code GET /bots/user_active_meeting} answers it.
 *
 * @param meetingNo its 9-digit number
 * @param meetingId its id, what the other agent calls take
 * @param meetingTitle its title
 */
public record ActiveMeeting(@Nullable String meetingNo, String meetingId, @Nullable String meetingTitle) {
}
