package io.github.feishuvc.agent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.github.feishuvc.agent.event.AgentEvent;
import io.github.feishuvc.agent.event.AgentEventDecoder;
import io.github.feishuvc.agent.event.AgentInvitedEvent;
import io.github.feishuvc.agent.event.AgentMeetingActivityEvent;
import io.github.feishuvc.agent.event.AgentMeetingEndedEvent;
import io.github.feishuvc.agent.event.AgentMeetingStartedEvent;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.support.NodeSdkScript;
import io.github.feishuvc.support.SdkOracle;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.EmulatorAgents.SentMessage;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official Node SDK ({@code @larksuiteoapi/node-sdk} 1.74.0) as the oracle of the meeting agent on the emulator:
 * over the long connection ({@code WSClient}) it receives every {@code vc.bot.*} event (the meeting's start, the
 * invitation, the activity as a guest joins, speaks and leaves, the end) and drives every agent endpoint it has
 * ({@code bot.join} with the invitation's call id, {@code bot.message}, {@code bot.userActiveMeeting},
 * {@code bot.eventsWithIterator} over every page, {@code bot.leave}); the starter decodes the same events and reads
 * the same records field by field. {@code POST /bots/countdown} is not in the Node SDK: {@link MeetingAgentTemplateTests}
 * holds it to its page's contract over HTTP.
 */
class AgentNodeSdkOracleTests {

	private static final String HOST = "ou_host";

	private static final String GUEST = "ou_guest";

	private static final String TOPIC = "Quarterly planning";

	/** The header's fields, which the Node SDK's dispatcher hands over beside the event's own. */
	private static final List<String> HEADER = List.of("schema", "event_id", "token", "create_time", "event_type",
			"tenant_key", "ts", "uuid", "type", "app_id");

	private final JsonMapper mapper = FeishuVcJson.mapper();

	private FeishuVcEmulator emulator;

	private NodeSdkScript node;

	@BeforeEach
	void start() {
		NodeSdkScript.assumeInstalled();
		this.emulator = FeishuVcEmulator.start();
	}

	@AfterEach
	void stop() {
		if (this.node != null) {
			this.node.close();
		}
		if (this.emulator != null) {
			this.emulator.close();
		}
	}

	@Test
	void shouldReceiveEveryAgentEventAndDriveEveryAgentEndpointAsTheStarterReadsThem() throws Exception {
		this.node = NodeSdkScript.start("agent-oracle.js", this.emulator.baseUrl(), this.emulator.appId(),
				this.emulator.appSecret(), HOST, GUEST);
		this.node.next("ready");
		this.emulator.agents().announceMeetingStarts(true);
		String meetingId = this.emulator.meetings().startAdHoc(HOST, TOPIC);
		AgentMeetingStartedEvent started = decoded(this.node.nextOf("started"), AgentMeetingStartedEvent.class);
		assertThat(started.meeting().id()).isEqualTo(meetingId);
		assertThat(started.meeting().topic()).isEqualTo(TOPIC);

		String callId = this.emulator.agents().invite(meetingId, HOST);
		AgentInvitedEvent invited = decoded(this.node.nextOf("invited"), AgentInvitedEvent.class);
		assertThat(invited.callId()).isEqualTo(callId);
		assertThat(invited.inviter().id()).isEqualTo(HOST);
		assertThat(invited.bot().id()).isEqualTo(this.emulator.agents().agentId());
		JsonNode joined = answer("joined");
		assertThat(joined.path("data").path("meeting").path("id").asString()).isEqualTo(meetingId);
		assertThat(this.emulator.lastRequest("bot.join").orElseThrow().body()).contains(callId);
		JsonNode message = answer("message");
		assertThat(this.emulator.agents().messages(meetingId)).containsExactly(new SentMessage(meetingId,
				this.emulator.agents().agentId(), "text", "Hello from the Node SDK",
				message.path("data").path("uuid").asString()));
		JsonNode active = answer("active");

		this.emulator.meetings().join(meetingId, GUEST);
		for (int i = 0; i < 25; i++) {
			this.emulator.meetings().say(meetingId, GUEST, "Point " + i);
		}
		this.emulator.meetings().leave(meetingId, GUEST);
		JsonNode listed = this.node.nextOf("events").path("events");
		JsonNode left = answer("left");
		JsonNode rejoined = answer("rejoined");

		MeetingAgentOperations agent = agent();
		assertThat(listed.size()).as("the agent, the guest, 25 sentences, the chat, the guest's leaving").isEqualTo(29);
		List<AgentMeetingEvent> ours = agent.events(meetingId).collectList().block();
		SdkOracle.assertSameJson(this.mapper, ours.subList(0, listed.size()), listed);
		SdkOracle.assertSameJson(this.mapper, agent.activeMeetings(HOST).block(), active.path("data").path("meetings"));
		SdkOracle.assertSameJson(this.mapper, agent.join(AgentJoinRequest.meetingNo(invited.meeting().meetingNo())).block(),
				rejoined.path("data"));
		SdkOracle.assertSameJson(this.mapper, agent.leave(meetingId).block(), left.path("data").path("leave_user"));
		agent.join(invited.joinRequest()).block();

		List<AgentMeetingActivityEvent> activity = new ArrayList<>();
		while (activity.stream().noneMatch((event) -> leftTheMeeting(event, GUEST))) {
			activity.add(decoded(this.node.nextOf("activity"), AgentMeetingActivityEvent.class));
		}
		assertThat(activity).flatExtracting(AgentMeetingActivityEvent::activities)
			.extracting(MeetingActivity::activityEventType)
			.containsSubsequence("participant_joined", "chat_received", "participant_joined", "transcript_received",
					"participant_left");
		assertThat(activity).flatExtracting(AgentMeetingActivityEvent::activities)
			.flatExtracting(MeetingActivity::transcriptReceivedItems)
			.extracting(MeetingActivity.TranscriptReceived::text)
			.hasSize(25)
			.startsWith("Point 0", "Point 1")
			.endsWith("Point 24");

		this.emulator.meetings().endMeeting(meetingId);
		AgentMeetingEndedEvent ended = decoded(this.node.nextOf("ended"), AgentMeetingEndedEvent.class);
		assertThat(ended.meeting().id()).isEqualTo(meetingId);
		assertThat(ended.meeting().endTime()).isNotNull();
		this.node.assertEndsCleanly();
	}

	/** An answer of the Node SDK, which must be a success. */
	private JsonNode answer(String step) throws InterruptedException {
		JsonNode answer = this.node.nextOf(step).path("answer");
		assertThat(answer.path("code").asInt(-1)).as(answer.toString()).isZero();
		return answer;
	}

	/**
	 * The event the Node SDK's dispatcher received, as the starter decodes its envelope: the same fields and values
	 * as the SDK's, but the header's.
	 */
	private <E extends AgentEvent> E decoded(JsonNode line, Class<E> type) {
		JsonNode data = line.path("data");
		ObjectNode body = (ObjectNode) data.deepCopy();
		body.remove(HEADER);
		ObjectNode envelope = this.mapper.createObjectNode().put("schema", "2.0");
		ObjectNode header = envelope.putObject("header");
		for (String field : List.of("event_id", "event_type", "create_time", "tenant_key", "app_id")) {
			header.put(field, data.path(field).asString());
		}
		envelope.set("event", body);
		AgentEvent event = new AgentEventDecoder().decode(FeishuEvent.of(envelope));
		assertThat(event).isInstanceOf(type);
		assertThat(event.eventId()).isEqualTo(data.path("event_id").asString());
		ObjectNode ours = this.mapper.valueToTree(event);
		ours.remove(List.of("event_id", "tenant_key", "create_time"));
		if (ours.has("activities")) {
			ours.set("meeting_activity_items", ours.remove("activities"));
		}
		SdkOracle.assertSameJson(this.mapper, ours, body);
		return type.cast(event);
	}

	private static boolean leftTheMeeting(AgentMeetingActivityEvent event, String userId) {
		return event.activities()
			.stream()
			.flatMap((activity) -> activity.participantLeftItems().stream())
			.anyMatch((left) -> left.participant() != null && userId.equals(left.participant().id()));
	}

	private MeetingAgentOperations agent() {
		FeishuVcExecutor executor = TestFeishu.executor(this.emulator.baseUrl());
		return MeetingAgentOperations.create(executor, TestFeishu.tokenProvider(executor, Clock.systemUTC()),
				UserIdType.OPEN_ID);
	}

}
