package io.github.feishuvc.agent;

import io.github.feishuvc.internal.EventUserIdDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A person or an agent in a meeting, as the agent APIs and events show them ({@code agent_user}): the meeting's host,
 * a participant, a speaker, whoever sent a message or shared a document, the agent itself.
 *
 * @param id the user's id, of the calls' user id type; the platform's events have been seen with an object of the
 * three ids instead of a string, read here as its {@code open_id} (else its {@code user_id}, else its {@code union_id})
 * @param userType the kind of user (1 a Feishu user, 2 a room, 6 a phone, 7 SIP; an agent has been seen as 10)
 * @param userRole the role in the meeting (the platform's CLI reads 1 participant, 2 host, 4 agent)
 * @param userName the name shown in the meeting
 */
public record AgentUser(@JsonDeserialize(using = EventUserIdDeserializer.class) @Nullable String id,
		@Nullable Integer userType, @Nullable Integer userRole, @Nullable String userName) {
}
