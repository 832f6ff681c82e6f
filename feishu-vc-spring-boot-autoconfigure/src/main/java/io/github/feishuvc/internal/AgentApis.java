package io.github.feishuvc.internal;

import java.util.List;

import io.github.feishuvc.agent.ActiveMeeting;
import io.github.feishuvc.agent.AgentJoin;
import io.github.feishuvc.agent.AgentMeetingEvent;
import io.github.feishuvc.agent.AgentUser;
import io.github.feishuvc.core.RateLimit;
import io.github.feishuvc.internal.AgentRequests.CountdownBody;
import io.github.feishuvc.internal.AgentRequests.JoinBody;
import io.github.feishuvc.internal.AgentRequests.LeaveBody;
import io.github.feishuvc.internal.AgentRequests.MessageBody;
import io.github.feishuvc.internal.FeishuApi.Meaning;
import io.github.feishuvc.internal.FeishuApi.Token;

/**
 * The meeting agents ({@code vc-search-notes-bots.md} §6, {@code vc-agents-recordings-transcripts.md} §2): each
 * declared once. Every one may answer the gray release's refusals: {@code 20017} ({@code ErrNotInGray}) and, on join,
 * {@code 10012} (the meeting owner is outside the gray release), both a {@code FeishuVcGrayReleaseException};
 * {@code 10005} (the agent is not in the meeting) and {@code 20001} (the meeting ended) are the meeting's state,
 * {@code 20002} (no such meeting) not found. Pages not stored give no rate limit nor kinds of app for join, leave,
 * message and countdown: the standard limit, every kind of app.
 */
public final class AgentApis {

	/** The agent is not in the meeting (the platform's CLI: "bot is not in meeting"). */
	public static final int NOT_IN_MEETING = 10005;

	/** The meeting owner is outside the gray release: an agent may not join as the app. */
	public static final int OWNER_NOT_IN_GRAY_RELEASE = 10012;

	/** {@code ErrNotInGray}: the app or tenant is not on the agents' allowlist. */
	public static final int NOT_IN_GRAY_RELEASE = 20017;

	/** The meeting ended. */
	public static final int MEETING_ENDED = 20001;

	/** No such meeting. */
	public static final int MEETING_NOT_EXIST = 20002;

	private static final String BOTS = "/open-apis/vc/v1/bots";

	/**
	 * {@code POST /bots/join}: the app's agent joins a meeting in progress by its number. As the app only: the
	 * Python SDK's schema lists both tokens, but the platform's CLI made it bot-only (an agent is the app) and no page
	 * says what a user's token would do. A refusal of the meeting's preconditions (number, password, not started,
	 * agents not allowed) is {@code 121003} with HTTP 403: a permission, not a parameter, here.
	 */
	public static final FeishuApi<AgentJoin> JOIN = agentErrors(FeishuApi.post("bot.join", BOTS + "/join")
		.tokens(Token.TENANT)
		.scopes("vc:meeting.bot.join:write")
		.body(JoinBody.class)
		.error(121003, Meaning.PERMISSION_DENIED)).returningData(AgentJoin.class);

	/** {@code POST /bots/leave}: the agent leaves a meeting it is in; as the app, like join. */
	public static final FeishuApi<AgentUser> LEAVE = agentErrors(FeishuApi.post("bot.leave", BOTS + "/leave")
		.tokens(Token.TENANT)
		.scopes("vc:meeting.bot.join:write")
		.body(LeaveBody.class)).returning("leave_user", AgentUser.class);

	/**
	 * {@code POST /bots/message}: a text or reaction into a meeting the agent (as the app) or the user is in; a write,
	 * made safe to send again by its {@code uuid}, but not retried here.
	 */
	public static final FeishuApi<String> MESSAGE = agentErrors(FeishuApi.post("bot.message", BOTS + "/message")
		.tokens(Token.TENANT, Token.USER)
		.scopes("vc:meeting.message:write")
		.body(MessageBody.class)).returning("uuid", String.class);

	/**
	 * {@code POST /bots/countdown}: the meeting's countdown; not in the official SDKs, from its page (catalog id
	 * 7680486345160821966) and the platform's CLI; answers an empty {@code data}.
	 */
	public static final FeishuApi<Boolean> COUNTDOWN = agentErrors(FeishuApi.post("bot.countdown", BOTS + "/countdown")
		.tokens(Token.TENANT, Token.USER)
		.scopes("vc:meeting.interaction:write")
		.body(CountdownBody.class)).acknowledged();

	/**
	 * {@code GET /bots/events}: a meeting's events, in pages of up to 100 (20 to 100); 100 calls a minute. As the
	 * app, the agent must be in the meeting; as a user, the user.
	 */
	public static final FeishuApi<Page<AgentMeetingEvent>> EVENTS = agentErrors(FeishuApi
		.get("bot.events", BOTS + "/events")
		.tokens(Token.TENANT, Token.USER)
		.scopes("vc:meeting.meetingevent:read", "vc:meeting.bot.join:write")
		.userIdType()
		.query("meeting_id", "start_time", "end_time")
		.limit(RateLimit.perMinute(100))).paged("events", AgentMeetingEvent.class, 100, false);

	/**
	 * {@code GET /bots/user_active_meeting}: the meetings a user is in now (as the app: those the agent is in too),
	 * not paged; 5 calls a second.
	 */
	public static final FeishuApi<List<ActiveMeeting>> USER_ACTIVE_MEETINGS = agentErrors(FeishuApi
		.get("bot.user_active_meeting", BOTS + "/user_active_meeting")
		.tokens(Token.TENANT, Token.USER)
		.scopes("vc:meeting.meetingevent:read", "vc:meeting.bot.join:write")
		.userIdType()
		.query("user_id")
		.limit(new RateLimit(5, 300))).returningList("meetings", ActiveMeeting.class);

	private AgentApis() {
	}

	private static FeishuApiBuilder agentErrors(FeishuApiBuilder builder) {
		return builder.error(OWNER_NOT_IN_GRAY_RELEASE, Meaning.NOT_IN_GRAY_RELEASE)
			.error(NOT_IN_GRAY_RELEASE, Meaning.NOT_IN_GRAY_RELEASE)
			.error(NOT_IN_MEETING, Meaning.MEETING_STATE)
			.error(MEETING_ENDED, Meaning.MEETING_STATE)
			.error(MEETING_NOT_EXIST, Meaning.NOT_FOUND);
	}

}
