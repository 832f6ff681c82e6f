package io.github.feishuvc.meeting.event;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.lark.oapi.service.vc.v1.model.P2MeetingAllMeetingEndedV1Data;
import com.lark.oapi.service.vc.v1.model.P2MeetingAllMeetingStartedV1Data;
import com.lark.oapi.service.vc.v1.model.P2MeetingEndedV1Data;
import com.lark.oapi.service.vc.v1.model.P2MeetingJoinMeetingV1Data;
import com.lark.oapi.service.vc.v1.model.P2MeetingLeaveMeetingV1Data;
import com.lark.oapi.service.vc.v1.model.P2MeetingRecordingEndedV1Data;
import com.lark.oapi.service.vc.v1.model.P2MeetingRecordingReadyV1Data;
import com.lark.oapi.service.vc.v1.model.P2MeetingRecordingStartedV1Data;
import com.lark.oapi.service.vc.v1.model.P2MeetingShareEndedV1Data;
import com.lark.oapi.service.vc.v1.model.P2MeetingShareStartedV1Data;
import com.lark.oapi.service.vc.v1.model.P2MeetingStartedV1Data;
import io.github.feishuvc.meeting.event.MeetingEventDecoder.Body;
import io.github.feishuvc.support.SdkWireNames;
import io.github.feishuvc.support.TestFeishu;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body of each of the eleven meeting events against the official SDK's event models by reflection: every field
 * the SDK reads, we read under the same name, and we read none that no event of the SDK has.
 */
class MeetingEventWireNamesTests {

	private static final List<Class<?>> SDK_EVENTS = List.of(P2MeetingStartedV1Data.class, P2MeetingEndedV1Data.class,
			P2MeetingJoinMeetingV1Data.class, P2MeetingLeaveMeetingV1Data.class, P2MeetingRecordingStartedV1Data.class,
			P2MeetingRecordingEndedV1Data.class, P2MeetingRecordingReadyV1Data.class, P2MeetingShareStartedV1Data.class,
			P2MeetingShareEndedV1Data.class, P2MeetingAllMeetingStartedV1Data.class,
			P2MeetingAllMeetingEndedV1Data.class);

	@Test
	void shouldReadEachEventsBodyWithTheSdksNames() {
		Set<String> sdkPaths = new TreeSet<>();
		for (Class<?> sdk : SDK_EVENTS) {
			sdkPaths.addAll(SdkWireNames.assertReadsEvery(MeetingEventDecoder.MAPPER, Body.class, sdk, Set.of()));
		}

		assertThat(SDK_EVENTS).hasSameSizeAs(TestFeishu.heldMeetingEvents());
		// The Java SDK we test against predates participant_meeting_ended_v1: the Node SDK proves its subscriber_ids.
		assertThat(SdkWireNames.populatedPaths(MeetingEventDecoder.MAPPER, Body.class))
			.filteredOn((path) -> !path.startsWith("subscriber_ids"))
			.containsExactlyInAnyOrderElementsOf(sdkPaths);
	}

}
