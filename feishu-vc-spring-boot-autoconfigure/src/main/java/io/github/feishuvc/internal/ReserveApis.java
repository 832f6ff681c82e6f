package io.github.feishuvc.internal;

import io.github.feishuvc.internal.FeishuApi.Token;
import io.github.feishuvc.meeting.Meeting;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveApplyRequest;
import io.github.feishuvc.reserve.ReserveResult;
import io.github.feishuvc.reserve.ReserveUpdateRequest;

/**
 * The reservation endpoints ({@code vc-reserve-get.md}): each declared once.
 */
public final class ReserveApis {

	private static final String RESERVES = "/open-apis/vc/v1/reserves";

	/** {@code POST /reserves/apply}: make a reservation. */
	public static final FeishuApi<ReserveResult> APPLY = FeishuApi.post("reserve.apply", RESERVES + "/apply")
		.tokens(Token.TENANT, Token.USER)
		.scopes("vc:reserve")
		.userIdType()
		.body(ReserveApplyRequest.class)
		.returningData(ReserveData.class)
		.map(ReserveData::result, "data.reserve");

	/** {@code GET /reserves/:reserve_id}: a reservation. */
	public static final FeishuApi<Reserve> GET = FeishuApi.get("reserve.get", RESERVES + "/{reserve_id}")
		.tokens(Token.TENANT, Token.USER)
		.scopes("vc:reserve:readonly")
		.userIdType()
		.returning("reserve", Reserve.class)
		.map((reserve) -> (reserve.id() != null) ? reserve : null, "data.reserve");

	/** {@code PUT /reserves/:reserve_id}: change a reservation. */
	public static final FeishuApi<ReserveResult> UPDATE = FeishuApi.put("reserve.update", RESERVES + "/{reserve_id}")
		.tokens(Token.TENANT, Token.USER)
		.scopes("vc:reserve")
		.userIdType()
		.body(ReserveUpdateRequest.class)
		.returningData(ReserveData.class)
		.map(ReserveData::result, "data.reserve");

	/** {@code DELETE /reserves/:reserve_id}: delete a reservation. */
	public static final FeishuApi<Boolean> DELETE = FeishuApi.delete("reserve.delete", RESERVES + "/{reserve_id}")
		.tokens(Token.TENANT, Token.USER)
		.scopes("vc:reserve")
		.acknowledged();

	/** {@code GET /reserves/:reserve_id/get_active_meeting}: the meeting running behind a reservation. */
	public static final FeishuApi<Meeting> GET_ACTIVE_MEETING = FeishuApi
		.get("reserve.get_active_meeting", RESERVES + "/{reserve_id}/get_active_meeting")
		.tokens(Token.TENANT, Token.USER)
		.scopes("vc:reserve:readonly")
		.userIdType()
		.query("with_participants")
		.returning("meeting", Meeting.class);

	private ReserveApis() {
	}

}
