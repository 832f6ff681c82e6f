package io.github.feishuvc.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.feishuvc.auth.AppTicketStore;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcGrayReleaseException;
import io.github.feishuvc.core.FeishuVcMeetingStateException;
import io.github.feishuvc.core.FeishuVcNotSupportedException;
import io.github.feishuvc.core.FeishuVcPermissionDeniedException;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.meeting.MeetingOperations;
import io.github.feishuvc.support.EventEndpointServer;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.EmulatorAgents.Countdown;
import io.github.feishuvc.test.EmulatorAgents.SentMessage;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The meeting agent over real HTTP against the emulator: input the platform would refuse is refused before anything is
 * sent; the agent joins a meeting by its number, speaks, runs the countdown (an endpoint no official SDK has, held to
 * its page's contract here) and leaves, a meeting it is not in refused with the platform's code; a meeting's events
 * arrive whole and in order over many pages; a tenant outside the gray release gets a typed exception; a user and a
 * tenant of a store app are honoured by the views.
 */
class MeetingAgentTemplateTests {

	private static final String HOST = "ou_host";

	private static final String GUEST = "ou_guest";

	@Test
	void shouldRefuseWhatThePlatformWouldBeforeSendingAnything() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			MeetingAgentOperations agent = agent(emulator);
			String id = "6911188411932033028";
			assertThatIllegalArgumentException().isThrownBy(() -> agent.join(AgentJoinRequest.meetingNo("12345678")))
				.withMessageContaining("meetingNo must be the meeting's 9-digit number");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> agent.join(AgentJoinRequest.meetingNo("123456789").withPassword(" ")))
				.withMessageContaining("password must not be blank");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> agent.sendMessage(AgentMessage.text("123456789", "Hello")))
				.withMessageContaining("not its 9-digit number");
			assertThatIllegalArgumentException().isThrownBy(() -> agent.sendMessage(AgentMessage.text(id, " ")))
				.withMessageContaining("content must not be blank");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> agent.sendMessage(new AgentMessage(id, "image", "x", null)))
				.withMessageContaining("msgType must be text or reaction");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> agent.countdown(AgentCountdown.set(id, Duration.ofHours(25))))
				.withMessageContaining("at most 24 hours");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> agent.countdown(AgentCountdown.set(id, Duration.ofSeconds(90))))
				.withMessageContaining("whole number of minutes");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> agent
					.countdown(AgentCountdown.set(id, Duration.ofMinutes(5)).withReminderBeforeEnd(Duration.ofMinutes(5))))
				.withMessageContaining("shorter than duration");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> agent.countdown(AgentCountdown.prolong(id, Duration.ofMinutes(5)).withAudioAtEnd()))
				.withMessageContaining("playAudioAtEnd is for set only");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> agent.events(id, Instant.now(), Instant.now().minusSeconds(60)))
				.withMessageContaining("to must not be before from");
			assertThatIllegalArgumentException().isThrownBy(() -> agent.leave("")).withMessageContaining("meetingId");
			assertThatIllegalStateException().isThrownBy(() -> agent.activeMeetings())
				.withMessageContaining("must name the user");
			assertThatIllegalStateException()
				.isThrownBy(() -> agent.withUserAccessToken("u-probe").join(AgentJoinRequest.meetingNo("123456789")))
				.withMessageContaining("bot.join needs the app's tenant access token");
			assertThat(emulator.requests()).isEmpty();
		}
	}

	@Test
	void shouldJoinByNumberSpeakRunTheCountdownAndLeaveAndBeRefusedAMeetingItIsNotIn() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			MeetingAgentOperations agent = agent(emulator);
			String meetingId = emulator.meetings().startAdHoc(HOST, "Weekly sync");
			String meetingNo = meetingNo(emulator, meetingId);

			StepVerifier.create(agent.sendMessage(AgentMessage.text(meetingId, "Hello before joining")))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(FeishuVcMeetingStateException.class,
						(refused) -> assertThat(refused.code()).isEqualTo(10005)))
				.verify(Duration.ofSeconds(10));
			assertThat(emulator.agents().messages(meetingId)).isEmpty();
			StepVerifier.create(agent.join(AgentJoinRequest.meetingNo("987654321")))
				.expectError(FeishuVcPermissionDeniedException.class)
				.verify(Duration.ofSeconds(10));

			AgentJoin joined = agent.join(AgentJoinRequest.meetingNo(meetingNo)).block();
			assertThat(joined.meetingId()).isEqualTo(meetingId);
			assertThat(joined.meeting().meetingNo()).isEqualTo(meetingNo);
			assertThat(joined.meeting().topic()).isEqualTo("Weekly sync");
			assertThat(joined.meeting().startTime()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
			assertThat(joined.joinUser().id()).isEqualTo(emulator.agents().agentId());
			assertThat(emulator.agents().isIn(meetingId)).isTrue();

			String made = agent.sendMessage(AgentMessage.text(meetingId, "Hello, everyone")).block();
			String own = agent.sendMessage(AgentMessage.reaction(meetingId, "THUMBSUP").withUuid("7f3b7fd2-own")).block();
			assertThat(made).isNotBlank();
			assertThat(own).isEqualTo("7f3b7fd2-own");
			assertThat(emulator.agents().messages(meetingId)).containsExactly(
					new SentMessage(meetingId, emulator.agents().agentId(), "text", "Hello, everyone", made),
					new SentMessage(meetingId, emulator.agents().agentId(), "reaction", "THUMBSUP", own));

			agent.countdown(AgentCountdown.set(meetingId, Duration.ofMinutes(10))
				.withAudioAtEnd()
				.withReminderBeforeEnd(Duration.ofMinutes(1))).block();
			assertThat(emulator.lastRequest("bot.countdown").orElseThrow().body()).as("minutes as the page types them")
				.contains("\"action\":\"set\"", "\"duration\":\"10\"", "\"need_play_audio_at_end\":true",
						"\"reminder_before_end\":\"1\"");
			agent.countdown(AgentCountdown.prolong(meetingId, Duration.ofHours(30))).block();
			agent.countdown(AgentCountdown.endInAdvance(meetingId)).block();
			agent.countdown(AgentCountdown.closeWindow(meetingId)).block();
			assertThat(emulator.agents().countdowns(meetingId)).containsExactly(new Countdown("set", 10, true, 1),
					new Countdown("prolong", 24 * 60, false, null), new Countdown("end_in_advance", null, false, null),
					new Countdown("close_window", null, false, null));

			AgentUser left = agent.leave(meetingId).block();
			assertThat(left.id()).isEqualTo(emulator.agents().agentId());
			assertThat(emulator.agents().isIn(meetingId)).isFalse();
			StepVerifier.create(agent.sendMessage(AgentMessage.text(meetingId, "Still here?")))
				.expectError(FeishuVcMeetingStateException.class)
				.verify(Duration.ofSeconds(10));
			StepVerifier.create(agent.leave(meetingId))
				.expectError(FeishuVcMeetingStateException.class)
				.verify(Duration.ofSeconds(10));
			assertThat(emulator.requestCount("bot.message")).as("a refusal is not retried").isEqualTo(4);
		}
	}

	@Test
	void shouldListEveryEventOfAMeetingWholeAndInOrderOverManyPages() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			MeetingAgentOperations agent = agent(emulator);
			String meetingId = emulator.meetings().startAdHoc(HOST, "All hands");
			agent.join(AgentJoinRequest.meetingNo(meetingNo(emulator, meetingId))).block();
			emulator.meetings().join(meetingId, GUEST);
			List<String> said = new ArrayList<>();
			for (int i = 0; i < 230; i++) {
				String text = "Sentence " + i;
				emulator.meetings().say(meetingId, (i % 2 == 0) ? HOST : GUEST, text);
				said.add(text);
			}
			emulator.meetings().leave(meetingId, GUEST);
			emulator.resetRequests();

			List<AgentMeetingEvent> events = agent.events(meetingId).collectList().block();

			assertThat(events).hasSize(233);
			assertThat(events).extracting(AgentMeetingEvent::eventType)
				.startsWith("participant_joined", "participant_joined", "transcript_received")
				.endsWith("transcript_received", "participant_left");
			assertThat(events.get(0).payload().participantJoinedItems()).singleElement()
				.satisfies((joined) -> assertThat(joined.participant().id()).isEqualTo(emulator.agents().agentId()));
			assertThat(events.subList(2, 232)).extracting((event) -> event.payload().transcriptReceivedItems().get(0).text())
				.containsExactlyElementsOf(said);
			assertThat(events).extracting(AgentMeetingEvent::eventId).doesNotHaveDuplicates();
			assertThat(events.get(2).payload().meeting().id()).isEqualTo(meetingId);
			assertThat(emulator.requestCount("bot.events")).as("pages of 100").isEqualTo(3);
			assertThat(emulator.lastRequest("bot.events").orElseThrow().uri()).contains("page_size=100",
					"meeting_id=" + meetingId, "page_token=");
		}
	}

	@Test
	void shouldRefuseATenantOutsideTheGrayReleaseWithAnExceptionThatSaysSo() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			MeetingAgentOperations agent = agent(emulator);
			String meetingId = emulator.meetings().startAdHoc(HOST, "Gated");
			String meetingNo = meetingNo(emulator, meetingId);
			emulator.agents().outsideGrayRelease(true);
			StepVerifier.create(agent.join(AgentJoinRequest.meetingNo(meetingNo)))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FeishuVcGrayReleaseException.class)
					.isInstanceOf(FeishuVcNotSupportedException.class)
					.hasMessageContaining("code=20017")
					.hasMessageContaining("gray release")
					.hasMessageContaining("docs/agents.md"))
				.verify(Duration.ofSeconds(10));
			StepVerifier.create(agent.activeMeetings(HOST))
				.expectError(FeishuVcGrayReleaseException.class)
				.verify(Duration.ofSeconds(10));
			assertThat(emulator.requestCount("bot.user_active_meeting")).as("a read, yet not retried").isEqualTo(1);

			emulator.agents().outsideGrayRelease(false);
			emulator.agents().ownerOutsideGrayRelease(HOST);
			StepVerifier.create(agent.join(AgentJoinRequest.meetingNo(meetingNo)))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(FeishuVcGrayReleaseException.class,
						(refused) -> assertThat(refused.code()).isEqualTo(10012)))
				.verify(Duration.ofSeconds(10));
			assertThat(emulator.requestCount("bot.join")).as("never retried").isEqualTo(2);
			assertThat(emulator.agents().isIn(meetingId)).isFalse();
		}
	}

	@Test
	void shouldActAsTheUserInTheMeetingsTheyAreIn() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			MeetingAgentOperations agent = agent(emulator);
			String meetingId = emulator.meetings().startAdHoc(HOST, "Design review");
			emulator.meetings().join(meetingId, GUEST);
			MeetingAgentOperations guest = agent.withUserAccessToken(emulator.issueUserAccessToken(GUEST));

			assertThat(guest.activeMeetings().block()).singleElement().satisfies((meeting) -> {
				assertThat(meeting.meetingId()).isEqualTo(meetingId);
				assertThat(meeting.meetingTitle()).isEqualTo("Design review");
			});
			assertThat(agent.activeMeetings(GUEST).block()).as("as the app: only meetings the agent is in too").isEmpty();
			String uuid = guest.sendMessage(AgentMessage.text(meetingId, "Listening in")).block();
			assertThat(emulator.agents().messages(meetingId)).singleElement()
				.isEqualTo(new SentMessage(meetingId, GUEST, "text", "Listening in", uuid));
			assertThat(guest.events(meetingId).collectList().block()).extracting(AgentMeetingEvent::eventType)
				.as("the user's listen-in: the meeting's events though the agent is not in it")
				.containsExactly("participant_joined", "chat_received");
			assertThat(emulator.lastRequest("bot.events").orElseThrow().authorization()).doesNotStartWith("Bearer t-");

			agent.join(AgentJoinRequest.meetingNo(meetingNo(emulator, meetingId))).block();
			assertThat(agent.activeMeetings(GUEST).block()).extracting(ActiveMeeting::meetingId).containsExactly(meetingId);
			emulator.meetings().leave(meetingId, GUEST);
			assertThat(guest.activeMeetings().block()).isEmpty();
		}
	}

	@Test
	void shouldJoinAMeetingOfTheTenantNamedOnlyForAStoreApp() {
		try (FeishuVcEmulator store = FeishuVcEmulator.builder().storeApp("t1", "t2").start()) {
			String meetingId = store.meetings().startAdHoc(HOST, "Tenant one's meeting");
			TestFeishu.contextRunner(store).withPropertyValues("feishu.vc.events.enabled=false").run((context) -> {
				try (EventEndpointServer endpoint = EventEndpointServer.start(store,
						context.getBean(AppTicketStore.class))) {
					MeetingAgentOperations agents = context.getBean(MeetingAgentOperations.class);
					String meetingNo = context.getBean(MeetingOperations.class).forTenant("t1").get(meetingId).block()
						.meetingNo();
					StepVerifier.create(agents.forTenant("t2").join(AgentJoinRequest.meetingNo(meetingNo)))
						.as("no meeting of that number in tenant t2")
						.expectError(FeishuVcPermissionDeniedException.class)
						.verify(Duration.ofSeconds(10));
					assertThat(agents.forTenant("t1").join(AgentJoinRequest.meetingNo(meetingNo)).block().meetingId())
						.isEqualTo(meetingId);
					assertThat(store.agents().isIn(meetingId)).isTrue();
				}
			});
		}
	}

	private static MeetingAgentOperations agent(FeishuVcEmulator emulator) {
		FeishuVcExecutor executor = TestFeishu.executor(emulator.baseUrl());
		return MeetingAgentOperations.create(executor, TestFeishu.tokenProvider(executor, Clock.systemUTC()),
				UserIdType.OPEN_ID);
	}

	/** The meeting's number, as the app reads the meeting. */
	private static String meetingNo(FeishuVcEmulator emulator, String meetingId) {
		return TestFeishu.meetingTemplate(emulator.baseUrl(), Clock.systemUTC()).get(meetingId).block().meetingNo();
	}

}
