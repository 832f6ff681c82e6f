package io.github.feishuvc.internal;

import io.github.feishuvc.core.RateLimit;
import io.github.feishuvc.internal.FeishuApi.App;
import io.github.feishuvc.internal.FeishuApi.Meaning;
import io.github.feishuvc.internal.FeishuApi.Token;
import io.github.feishuvc.report.Alert;
import io.github.feishuvc.report.DailyReport;
import io.github.feishuvc.report.MeetingRecord;
import io.github.feishuvc.report.ParticipantQuality;
import io.github.feishuvc.report.ParticipantRecord;
import io.github.feishuvc.report.TopUser;

import java.util.List;

/**
 * The administrators' meeting data, reports and alerts ({@code vc-meeting-list.md}, {@code vc-reports-exports.md}
 * §1, §2, §9, §10): each declared once. The meeting data's codes {@code 126003}-{@code 126010} and {@code 126015}
 * are bad parameters; the reports' limit is not published, so none is declared for them.
 */
public final class ReportApis {

	private static final String VC = "/open-apis/vc/v1";

	private static final RateLimit TIER_3 = RateLimit.perMinute(100);

	/** {@code GET /meeting_list}: the tenant's meetings in a window, in pages of up to 100. */
	public static final FeishuApi<Page<MeetingRecord>> MEETING_LIST = meetingData(
			FeishuApi.get("meeting_list.get", VC + "/meeting_list")
				.scopes("vc:room:readonly", "vc:rooms.room.detailinfo:read")
				.query("start_time", "end_time", "meeting_status", "meeting_no", "user_id", "room_id", "meeting_type",
						"include_external_meetings", "include_webinar"))
		.error(126008, Meaning.INVALID_PARAMETER)
		.error(126016, Meaning.INVALID_PARAMETER)
		.paged("meeting_list", MeetingRecord.class, 100, false);

	/** {@code GET /participant_list}: the participants of one meeting, in pages of up to 100. */
	public static final FeishuApi<Page<ParticipantRecord>> PARTICIPANT_LIST = meetingData(
			FeishuApi.get("participant_list.get", VC + "/participant_list")
				.scopes("vc:room:readonly", "vc:rooms.room.detailinfo:read")
				.query("meeting_start_time", "meeting_end_time", "meeting_status", "meeting_no", "user_id", "room_id",
						"webinar_user_role"))
		.paged("participants", ParticipantRecord.class, 100, false);

	/** {@code GET /participant_quality_list}: one join's quality, a minute an item, in pages of up to 100. */
	public static final FeishuApi<Page<ParticipantQuality>> PARTICIPANT_QUALITY_LIST = meetingData(
			FeishuApi.get("participant_quality_list.get", VC + "/participant_quality_list")
				.scopes("vc:room:readonly")
				.query("meeting_start_time", "meeting_end_time", "meeting_no", "join_time", "user_id", "room_id"))
		.error(126010, Meaning.INVALID_PARAMETER)
		.paged("participant_quality_list", ParticipantQuality.class, 100, false);

	/** {@code GET /reports/get_daily}: the tenant's daily use over the last 90 days at most. */
	public static final FeishuApi<DailyReport> DAILY = FeishuApi.get("report.get_daily", VC + "/reports/get_daily")
		.tokens(Token.TENANT)
		.scopes("vc:report:readonly")
		.query("start_time", "end_time", "unit")
		.returning("meeting_report", DailyReport.class);

	/**
	 * {@code GET /reports/get_top_user}: the heaviest users; {@code 122359} when the list holds a room and ids are
	 * asked for as {@code user_id}.
	 */
	public static final FeishuApi<List<TopUser>> TOP_USERS = FeishuApi
		.get("report.get_top_user", VC + "/reports/get_top_user")
		.tokens(Token.TENANT)
		.scopes("vc:report:readonly")
		.userIdType()
		.query("start_time", "end_time", "limit", "order_by", "unit")
		.error(122359, Meaning.INVALID_PARAMETER)
		.returningList("top_user_report", TopUser.class);

	/** {@code GET /alerts}: the room devices' alerts, in pages of up to 200; self-built apps only. */
	public static final FeishuApi<Page<Alert>> ALERTS = FeishuApi.get("alert.list", VC + "/alerts")
		.tokens(Token.TENANT)
		.apps(App.SELF_BUILT)
		.scopes("vc:alert:readonly")
		.query("start_time", "end_time", "query_type", "query_value")
		.limit(TIER_3)
		.paged("items", Alert.class, 200, false);

	private ReportApis() {
	}

	/** What the three meeting data queries share: tokens, user ids, their limit and their codes. */
	private static FeishuApiBuilder meetingData(FeishuApiBuilder builder) {
		builder.tokens(Token.TENANT, Token.USER).userIdType().limit(TIER_3);
		for (int code : new int[] { 126003, 126004, 126005, 126006, 126007, 126009, 126015 }) {
			builder.error(code, Meaning.INVALID_PARAMETER);
		}
		return builder;
	}

}
