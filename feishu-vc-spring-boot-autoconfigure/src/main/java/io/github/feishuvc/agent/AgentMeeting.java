package io.github.feishuvc.agent;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A meeting as the agent's events and activity show it.
 *
 * @param id the meeting's id (the long one every agent call but join takes)
 * @param topic its topic
 * @param meetingNo its 9-digit number, what an agent joins by
 * @param startTime when it started
 * @param endTime when it ended, once it did
 * @param hostUser its host
 */
public record AgentMeeting(@Nullable String id, @Nullable String topic, @Nullable String meetingNo,
		@Nullable Instant startTime, @Nullable Instant endTime, @Nullable AgentUser hostUser) {
}
