package io.github.feishuvc.internal;

import java.util.List;

import io.github.feishuvc.core.RateLimit;
import io.github.feishuvc.internal.FeishuApi.App;
import io.github.feishuvc.internal.FeishuApi.Meaning;
import io.github.feishuvc.internal.FeishuApi.Token;
import io.github.feishuvc.internal.MeetingRequests.ChangeNameRequest;
import io.github.feishuvc.internal.MeetingRequests.SearchBody;
import io.github.feishuvc.internal.MeetingRequests.InviteRequest;
import io.github.feishuvc.internal.MeetingRequests.KickoutRequest;
import io.github.feishuvc.internal.MeetingRequests.SetHostRequest;
import io.github.feishuvc.meeting.Meeting;
import io.github.feishuvc.meeting.MeetingArtifacts;
import io.github.feishuvc.meeting.MeetingNameResult;
import io.github.feishuvc.meeting.MeetingInviteResult;
import io.github.feishuvc.meeting.MeetingKickoutResult;
import io.github.feishuvc.meeting.MeetingSearchItem;
import io.github.feishuvc.meeting.MeetingSubtitle;
import io.github.feishuvc.meeting.MeetingUser;

/**
 * The meeting endpoints ({@code vc-meeting.md}): each declared once.
 */
public final class MeetingApis {

	private static final String MEETINGS = "/open-apis/vc/v1/meetings";

	/** {@code GET /meetings/:meeting_id}: a meeting, with its participants and ability if asked. */
	public static final FeishuApi<Meeting> GET = FeishuApi.get("meeting.get", MEETINGS + "/{meeting_id}")
		.tokens(Token.TENANT, Token.USER)
		.scopes("vc:meeting.meetingevent:read", "vc:meeting:readonly")
		.userIdType()
		.query("with_participants", "with_meeting_ability", "query_mode")
		.returning("meeting", Meeting.class);

	/** {@code GET /meetings/:meeting_id?query_mode=1}: the documents a meeting made (the same endpoint). */
	public static final FeishuApi<MeetingArtifacts> GET_ARTIFACTS = GET.reading("related_artifacts",
			MeetingArtifacts.class);

	/** {@code GET /meetings/list_by_no}: the meetings held under a number, in pages of 50; 100 calls a minute. */
	public static final FeishuApi<Page<Meeting>> LIST_BY_NO = FeishuApi
		.get("meeting.list_by_no", MEETINGS + "/list_by_no")
		.tokens(Token.TENANT, Token.USER)
		.scopes("vc:meeting.meetingid:read", "vc:meeting:readonly")
		.query("meeting_no", "start_time", "end_time")
		.limit(RateLimit.perMinute(100))
		.paged("meeting_briefs", Meeting.class, 50, false);

	/** {@code PATCH /meetings/:meeting_id/invite}: invite users, as a user in the meeting. */
	public static final FeishuApi<List<MeetingInviteResult>> INVITE = FeishuApi
		.patch("meeting.invite", MEETINGS + "/{meeting_id}/invite")
		.tokens(Token.USER)
		.scopes("vc:meeting")
		.userIdType()
		.body(InviteRequest.class)
		.returningList("invite_results", MeetingInviteResult.class);

	/** {@code POST /meetings/:meeting_id/kickout}: remove users, as the app. */
	public static final FeishuApi<List<MeetingKickoutResult>> KICKOUT = FeishuApi
		.post("meeting.kickout", MEETINGS + "/{meeting_id}/kickout")
		.tokens(Token.TENANT)
		.scopes("vc:meeting")
		.userIdType()
		.body(KickoutRequest.class)
		.returningList("kickout_results", MeetingKickoutResult.class);

	/** {@code PATCH /meetings/:meeting_id/set_host}: hand the host over. */
	public static final FeishuApi<MeetingUser> SET_HOST = FeishuApi
		.patch("meeting.set_host", MEETINGS + "/{meeting_id}/set_host")
		.tokens(Token.TENANT, Token.USER)
		.scopes("vc:meeting")
		.userIdType()
		.body(SetHostRequest.class)
		.returning("host_user", MeetingUser.class);

	/** {@code PATCH /meetings/:meeting_id/end}: end a meeting, as its host. */
	public static final FeishuApi<Boolean> END = FeishuApi.patch("meeting.end", MEETINGS + "/{meeting_id}/end")
		.tokens(Token.USER)
		.scopes("vc:meeting")
		.acknowledged();

	/**
	 * {@code POST /meetings/search}: the ended meetings the user may see, paged in the query (at most 30 a page, 150 in
	 * all); a user token and a self-built app only. Every error comes with HTTP 500, and {@code 121001} is a bad
	 * parameter here, not the platform's failure.
	 */
	public static final FeishuApi<Page<MeetingSearchItem>> SEARCH = searchErrors(FeishuApi
		.post("meeting.search", MEETINGS + "/search")
		.read()
		.tokens(Token.USER)
		.apps(App.SELF_BUILT)
		.scopes("vc:meeting.search:read")
		.limit(RateLimit.perMinute(100))
		.body(SearchBody.class))
		.paged("items", MeetingSearchItem.class, 30, false);

	/**
	 * {@code POST /meetings/subscription}: the user's subscription to {@code vc.meeting.participant_meeting_ended_v1};
	 * repeating it is harmless.
	 */
	public static final FeishuApi<Boolean> SUBSCRIBE = NoteApis.subscription("meeting.subscription",
			MEETINGS + "/subscription", "vc:meeting.meetingevent:read");

	/** {@code POST /meetings/unsubscription}: the user's subscription ended. */
	public static final FeishuApi<Boolean> UNSUBSCRIBE = NoteApis.subscription("meeting.unsubscription",
			MEETINGS + "/unsubscription", "vc:meeting.meetingevent:read");

	/*
	 * The endpoints below have no public page: their wire contract is the official Node SDK's (1.74.0) and the
	 * platform's CLI's ({@code vc-agents-recordings-transcripts.md} §3-4). Where neither names the token or the scope,
	 * the documented sibling's are assumed (docs/meetings.md says which).
	 */

	/**
	 * {@code GET /meetings}: the meetings that started in a time range, in a status, optionally of one room, in pages
	 * (the platform's largest page is not documented: 20 are asked for).
	 */
	public static final FeishuApi<Page<Meeting>> LIST = FeishuApi.get("meeting.list", MEETINGS)
		.tokens(Token.TENANT, Token.USER)
		.scopes("vc:meeting:readonly")
		.query("room_id", "start_time", "end_time", "status")
		.paged("meetings", Meeting.class, 20, false);

	/** {@code POST /meetings/:meeting_id/change_name}: set participants' names in a meeting in progress. */
	public static final FeishuApi<List<MeetingNameResult>> CHANGE_NAME = FeishuApi
		.post("meeting.change_name", MEETINGS + "/{meeting_id}/change_name")
		.tokens(Token.TENANT, Token.USER)
		.scopes("vc:meeting")
		.userIdType()
		.body(ChangeNameRequest.class)
		.returningList("results", MeetingNameResult.class);

	/**
	 * {@code GET /meetings/:meeting_id/pull_subtitle}: a meeting's subtitles for a subscribed user and device, in pages
	 * (the largest page is not documented: 50 are asked for).
	 */
	public static final FeishuApi<Page<MeetingSubtitle>> PULL_SUBTITLE = FeishuApi
		.get("meeting.pull_subtitle", MEETINGS + "/{meeting_id}/pull_subtitle")
		.tokens(Token.TENANT, Token.USER)
		.scopes("vc:meeting:readonly")
		.userIdType()
		.query("uid", "did")
		.paged("meeting_subtitles", MeetingSubtitle.class, 50, false);

	/**
	 * {@code POST /recordings/subscription}: the user's subscription to one {@code vc.recording.*} event type (the
	 * audio recordings, 录音, of a Feishu recorder: not the meetings' recordings); the body's type is required.
	 */
	public static final FeishuApi<Boolean> RECORDING_SUBSCRIBE = NoteApis.subscription("recording.subscription",
			"/open-apis/vc/v1/recordings/subscription", "vc:recording:read");

	/** {@code POST /recordings/unsubscription}: the user's subscription to one {@code vc.recording.*} type ended. */
	public static final FeishuApi<Boolean> RECORDING_UNSUBSCRIBE = NoteApis.subscription("recording.unsubscription",
			"/open-apis/vc/v1/recordings/unsubscription", "vc:recording:read");

	private MeetingApis() {
	}

	private static FeishuApiBuilder searchErrors(FeishuApiBuilder builder) {
		for (int code : new int[] { 121001, 121011, 121012, 121020, 121021, 121022, 122601, 122602, 122604 }) {
			builder.error(code, Meaning.INVALID_PARAMETER);
		}
		for (int code : new int[] { 121002, 121040, 121041, 122603 }) {
			builder.error(code, Meaning.SERVER_ERROR);
		}
		return builder;
	}

}
