package io.github.feishuvc.reserve;

import java.util.Set;

import com.lark.oapi.service.vc.v1.model.ApplyReserveReqBody;
import com.lark.oapi.service.vc.v1.model.ApplyReserveRespBody;
import com.lark.oapi.service.vc.v1.model.GetActiveMeetingReserveRespBody;
import com.lark.oapi.service.vc.v1.model.UpdateReserveReqBody;
import org.junit.jupiter.api.Test;

import static io.github.feishuvc.support.SdkWireNames.assertSameNames;

/**
 * Every JSON field of the reserve calls, requests and answers, against the official SDK's models by reflection. Two
 * differences are documented: the API pages' {@code note_id} of a meeting, which the SDK lacks; and the SDK's one
 * settings model for requests and answers, whose {@code password} the answers' {@code meeting_settings} do not have
 * (the get page lists the password beside the settings, as {@code reserve.password}).
 */
class ReserveWireNamesTests {

	@Test
	void shouldReadTheAnswersWithTheSdksNames() {
		assertSameNames(ReserveJson.MAPPER, ReserveData.class, ApplyReserveRespBody.class, Set.of(),
				Set.of("reserve.meeting_settings.password"));
		assertSameNames(ReserveJson.MAPPER, MeetingData.class, GetActiveMeetingReserveRespBody.class, "meeting.note_id");
	}

	@Test
	void shouldSendTheRequestsWithTheSdksNames() {
		assertSameNames(ReserveJson.MAPPER, ReserveApplyRequest.class, ApplyReserveReqBody.class);
		assertSameNames(ReserveJson.MAPPER, ReserveUpdateRequest.class, UpdateReserveReqBody.class);
	}

}
