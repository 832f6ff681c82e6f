package io.github.feishuvc.meeting;

import com.lark.oapi.service.vc.v1.model.GetMeetingRecordingRespBody;
import com.lark.oapi.service.vc.v1.model.GetMeetingRespBody;
import com.lark.oapi.service.vc.v1.model.InviteMeetingReqBody;
import com.lark.oapi.service.vc.v1.model.InviteMeetingRespBody;
import com.lark.oapi.service.vc.v1.model.KickoutMeetingReqBody;
import com.lark.oapi.service.vc.v1.model.KickoutMeetingRespBody;
import com.lark.oapi.service.vc.v1.model.ListByNoMeetingRespBody;
import com.lark.oapi.service.vc.v1.model.SetHostMeetingReqBody;
import com.lark.oapi.service.vc.v1.model.SetHostMeetingRespBody;
import com.lark.oapi.service.vc.v1.model.SetPermissionMeetingRecordingReqBody;
import com.lark.oapi.service.vc.v1.model.StartMeetingRecordingReqBody;
import io.github.feishuvc.meeting.MeetingBodies.HostData;
import io.github.feishuvc.meeting.MeetingBodies.InviteData;
import io.github.feishuvc.meeting.MeetingBodies.InviteRequest;
import io.github.feishuvc.meeting.MeetingBodies.KickoutData;
import io.github.feishuvc.meeting.MeetingBodies.KickoutRequest;
import io.github.feishuvc.meeting.MeetingBodies.MeetingData;
import io.github.feishuvc.meeting.MeetingBodies.MeetingPage;
import io.github.feishuvc.meeting.MeetingBodies.RecordingData;
import io.github.feishuvc.meeting.MeetingBodies.SetHostRequest;
import io.github.feishuvc.meeting.MeetingBodies.SetPermissionRequest;
import io.github.feishuvc.meeting.MeetingBodies.StartRecordingRequest;
import org.junit.jupiter.api.Test;

import static io.github.feishuvc.support.SdkWireNames.assertSameNames;

/**
 * Every JSON field of the meeting and recording calls, requests and answers, against the official SDK's models by
 * reflection. The one difference is documented: the API page's {@code note_id}, which the SDK's {@code Meeting} lacks.
 */
class MeetingWireNamesTests {

	@Test
	void shouldReadTheAnswersWithTheSdksNames() {
		assertSameNames(MeetingJson.mapper(), MeetingData.class, GetMeetingRespBody.class, "meeting.note_id");
		assertSameNames(MeetingJson.mapper(), MeetingPage.class, ListByNoMeetingRespBody.class,
				"meeting_briefs[].note_id");
		assertSameNames(MeetingJson.mapper(), InviteData.class, InviteMeetingRespBody.class);
		assertSameNames(MeetingJson.mapper(), KickoutData.class, KickoutMeetingRespBody.class);
		assertSameNames(MeetingJson.mapper(), HostData.class, SetHostMeetingRespBody.class);
		assertSameNames(MeetingJson.mapper(), RecordingData.class, GetMeetingRecordingRespBody.class);
	}

	@Test
	void shouldSendTheRequestsWithTheSdksNames() {
		assertSameNames(MeetingJson.mapper(), InviteRequest.class, InviteMeetingReqBody.class);
		assertSameNames(MeetingJson.mapper(), KickoutRequest.class, KickoutMeetingReqBody.class);
		assertSameNames(MeetingJson.mapper(), SetHostRequest.class, SetHostMeetingReqBody.class);
		assertSameNames(MeetingJson.mapper(), StartRecordingRequest.class, StartMeetingRecordingReqBody.class);
		assertSameNames(MeetingJson.mapper(), SetPermissionRequest.class, SetPermissionMeetingRecordingReqBody.class);
	}

}
