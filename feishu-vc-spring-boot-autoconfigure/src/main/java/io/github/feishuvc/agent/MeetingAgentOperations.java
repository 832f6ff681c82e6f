package io.github.feishuvc.agent;

import java.time.Instant;
import java.util.List;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcOperations;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.internal.FeishuApiCaller;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The app's meeting agent (会议智能体, {@code /open-apis/vc/v1/bots}): it joins a meeting in progress by its number,
 * sends messages into it, runs its countdown, reads what happens in it and leaves; a user (with
 * {@link #withUserAccessToken}) may read the events of a meeting they are in, list their active meetings, send
 * messages and run the countdown. What applications inject. The platform pushes what happens to the agent as
 * {@link io.github.feishuvc.agent.event.AgentEvent}s.
 *
 * <p>The platform offers the agents in gray release: a tenant outside it is refused with
 * {@link io.github.feishuvc.core.FeishuVcGrayReleaseException} ({@code 20017}, or {@code 10012} when the meeting's
 * owner is outside it), which a retry or a scope does not cure. A meeting the agent is not in is refused with
 * {@link io.github.feishuvc.core.FeishuVcMeetingStateException} ({@code 10005}), as is one that ended
 * ({@code 20001}). Every call but {@link #join} takes the meeting's long id, never its 9-digit number: input that
 * breaks a documented rule is refused with an {@link IllegalArgumentException} before anything is sent.
 */
public interface MeetingAgentOperations extends FeishuVcOperations<MeetingAgentOperations> {

	/**
	 * Operations acting as the app over an executor, as the auto-configuration provides them: for an application that
	 * builds its own.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token (and of the user's tenant)
	 * @param userIdType the user id type of calls
	 * @return the operations
	 */
	static MeetingAgentOperations create(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType) {
		return new MeetingAgentTemplate(FeishuApiCaller.app(executor, tenantTokens, userIdType));
	}

	/**
	 * The agent joins a meeting in progress by its number ({@code POST /bots/join}), as the app. A meeting the agent
	 * may not join (a wrong number or password, not started, agents not allowed) is refused with
	 * {@link io.github.feishuvc.core.FeishuVcPermissionDeniedException} ({@code 121003}).
	 * @param request the meeting's number, and its password or the invitation's call id
	 * @return the meeting joined, whose {@link AgentJoin#meetingId() id} the other calls take
	 * @throws IllegalArgumentException if the number is not 9 digits, or the password or call id is blank
	 * @throws IllegalStateException acting as a user
	 */
	Mono<AgentJoin> join(AgentJoinRequest request);

	/**
	 * The agent leaves a meeting ({@code POST /bots/leave}), as the app.
	 * @param meetingId the meeting's id
	 * @return the agent as it was in the meeting
	 * @throws IllegalArgumentException if the id is blank, not digits, or a 9-digit meeting number
	 * @throws IllegalStateException acting as a user
	 */
	Mono<AgentUser> leave(String meetingId);

	/**
	 * Send a message into a meeting the agent (or, acting as a user, the user) is in ({@code POST /bots/message}).
	 * @param message the text or reaction
	 * @return the idempotency key the platform used (the message's, or one it made)
	 * @throws IllegalArgumentException if the meeting id is invalid, the type is neither {@code text} nor
	 * {@code reaction}, the content is blank, or the uuid is blank
	 */
	Mono<String> sendMessage(AgentMessage message);

	/**
	 * Set, prolong, end or close the meeting's countdown ({@code POST /bots/countdown}).
	 * @param countdown the operation
	 * @return completes when done
	 * @throws IllegalArgumentException if the meeting id is invalid, a duration is missing, not whole minutes, not
	 * positive, a countdown over 24 hours, a reminder not shorter than its countdown, or an option given to another
	 * action than {@code set}
	 */
	Mono<Void> countdown(AgentCountdown countdown);

	/**
	 * Every event of a meeting ({@code GET /bots/events}), page after page as the subscriber asks for them, in the
	 * platform's order. As the app the agent must be in the meeting, as a user the user.
	 * @param meetingId the meeting's id
	 * @return the events
	 * @throws IllegalArgumentException if the id is invalid
	 */
	default Flux<AgentMeetingEvent> events(String meetingId) {
		return events(meetingId, null, null);
	}

	/**
	 * The events of a meeting within a window, every page.
	 * @param meetingId the meeting's id
	 * @param from the window's start (whole seconds are sent), or {@code null}
	 * @param to its end, or {@code null}
	 * @return the events
	 * @throws IllegalArgumentException if the id is invalid, or the window ends before it starts
	 */
	Flux<AgentMeetingEvent> events(String meetingId, @Nullable Instant from, @Nullable Instant to);

	/**
	 * The meetings a user is in now ({@code GET /bots/user_active_meeting}). As the app, only those the agent is in
	 * too: an empty list does not mean the user is in none.
	 * @param userId the user's id, of the calls' user id type
	 * @return the meetings
	 * @throws IllegalArgumentException if the id is blank
	 */
	Mono<List<ActiveMeeting>> activeMeetings(String userId);

	/**
	 * The meetings the signed-in user is in now.
	 * @return the meetings
	 * @throws IllegalStateException acting as the app (it must name the user: {@link #activeMeetings(String)})
	 */
	Mono<List<ActiveMeeting>> activeMeetings();

}
