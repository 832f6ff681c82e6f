package io.github.feishuvc.internal;

import io.github.feishuvc.internal.FeishuApi.Token;
import io.github.feishuvc.internal.MeetingRequests.SetPermissionRequest;
import io.github.feishuvc.internal.MeetingRequests.StartRecordingRequest;
import io.github.feishuvc.meeting.MeetingJson;
import io.github.feishuvc.meeting.Recording;

/**
 * The recording endpoints ({@code vc-meeting-recording.md}): each declared once.
 */
public final class RecordingApis {

	private static final String RECORDING = "/open-apis/vc/v1/meetings/{meeting_id}/recording";

	/** {@code GET /meetings/:meeting_id/recording}: a meeting's recording, once made. */
	public static final FeishuApi<Recording> GET = FeishuApi.get("recording.get", RECORDING)
		.tokens(Token.TENANT, Token.USER)
		.scopes("vc:record:readonly")
		.mapper(MeetingJson.mapper())
		.returning("recording", Recording.class);

	/** {@code PATCH /meetings/:meeting_id/recording/set_permission}: who may view it, as its owner. */
	public static final FeishuApi<Boolean> SET_PERMISSION = FeishuApi
		.patch("recording.set_permission", RECORDING + "/set_permission")
		.tokens(Token.USER)
		.scopes("vc:record")
		.userIdType()
		.body(SetPermissionRequest.class)
		.acknowledged();

	/** {@code PATCH /meetings/:meeting_id/recording/start}: start recording, as the host. */
	public static final FeishuApi<Boolean> START = FeishuApi.patch("recording.start", RECORDING + "/start")
		.tokens(Token.USER)
		.scopes("vc:record")
		.body(StartRecordingRequest.class)
		.acknowledged();

	/** {@code PATCH /meetings/:meeting_id/recording/stop}: stop recording, as the host. */
	public static final FeishuApi<Boolean> STOP = FeishuApi.patch("recording.stop", RECORDING + "/stop")
		.tokens(Token.USER)
		.scopes("vc:record")
		.acknowledged();

	private RecordingApis() {
	}

}
