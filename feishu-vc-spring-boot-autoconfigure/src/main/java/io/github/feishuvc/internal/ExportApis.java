package io.github.feishuvc.internal;

import io.github.feishuvc.core.RateLimit;
import io.github.feishuvc.internal.ExportRequests.MeetingListExport;
import io.github.feishuvc.internal.ExportRequests.ParticipantListExport;
import io.github.feishuvc.internal.ExportRequests.ParticipantQualityListExport;
import io.github.feishuvc.internal.ExportRequests.ReservationListExport;
import io.github.feishuvc.internal.ExportRequests.TaskData;
import io.github.feishuvc.internal.FeishuApi.Token;

/**
 * The export tasks and their files ({@code vc-reports-exports.md} §3-§8): each declared once, all 100 a minute with
 * the scope {@code vc:export}. A task is created, read until it is done, and its file downloaded, the one answer of
 * the API that is not JSON.
 */
public final class ExportApis {

	private static final String EXPORTS = "/open-apis/vc/v1/exports";

	private static final RateLimit TIER_3 = RateLimit.perMinute(100);

	/** {@code POST /exports/meeting_list}: export the tenant's meetings. */
	public static final FeishuApi<String> MEETING_LIST = create("export.meeting_list", "/meeting_list")
		.userIdType()
		.body(MeetingListExport.class)
		.returning("task_id", String.class);

	/** {@code POST /exports/participant_list}: export one meeting's participants. */
	public static final FeishuApi<String> PARTICIPANT_LIST = create("export.participant_list", "/participant_list")
		.userIdType()
		.body(ParticipantListExport.class)
		.returning("task_id", String.class);

	/** {@code POST /exports/participant_quality_list}: export one join's quality. */
	public static final FeishuApi<String> PARTICIPANT_QUALITY_LIST = create("export.participant_quality_list",
			"/participant_quality_list")
		.userIdType()
		.body(ParticipantQualityListExport.class)
		.returning("task_id", String.class);

	/** {@code POST /exports/resource_reservation_list}: export the bookings of rooms; no {@code user_id_type}. */
	public static final FeishuApi<String> RESERVATION_LIST = create("export.resource_reservation_list",
			"/resource_reservation_list")
		.body(ReservationListExport.class)
		.returning("task_id", String.class);

	/** {@code GET /exports/:task_id}: a task's state, and its file once done. */
	public static final FeishuApi<TaskData> GET = FeishuApi.get("export.get", EXPORTS + "/{task_id}")
		.tokens(Token.TENANT, Token.USER)
		.scopes("vc:export")
		.limit(TIER_3)
		.returningData(TaskData.class);

	/**
	 * {@code GET /exports/download}: a task's file, by its token in the query. The answer read here is the JSON of a
	 * refusal: the file itself is streamed (see {@code ExportTemplate}).
	 */
	public static final FeishuApi<Boolean> DOWNLOAD = FeishuApi.get("export.download", EXPORTS + "/download")
		.tokens(Token.TENANT, Token.USER)
		.scopes("vc:export")
		.query("file_token")
		.limit(TIER_3)
		.acknowledged();

	private ExportApis() {
	}

	private static FeishuApiBuilder create(String operation, String path) {
		return FeishuApi.post(operation, EXPORTS + path)
			.tokens(Token.TENANT, Token.USER)
			.scopes("vc:export")
			.limit(TIER_3);
	}

}
