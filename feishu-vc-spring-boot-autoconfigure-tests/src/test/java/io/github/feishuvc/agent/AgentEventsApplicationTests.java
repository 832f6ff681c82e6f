package io.github.feishuvc.agent;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.feishuvc.agent.event.AgentEvent;
import io.github.feishuvc.agent.event.AgentInvitedEvent;
import io.github.feishuvc.agent.event.AgentMeetingActivityEvent;
import io.github.feishuvc.agent.event.AgentMeetingEndedEvent;
import io.github.feishuvc.agent.event.AgentMeetingStartedEvent;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's meeting agent over the long connection: the typed {@code vc.bot.*} events reach its
 * {@code @EventListener}s; invited, it joins with the invitation's call id through the auto-configured
 * {@link MeetingAgentOperations}, hears the meeting's activity as a guest joins, speaks, chats and leaves, and its end.
 * The events are decoded as leniently as the platform's variants: a user's id as an object of ids, the activity under
 * its misspelt name.
 */
class AgentEventsApplicationTests {

	private static final String HOST = "ou_host";

	private static final String GUEST = "ou_guest";

	private FeishuVcEmulator emulator;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.start();
		this.context = TestFeishu.webApplication(AgentApplication.class, WebApplicationType.NONE, this.emulator)
			.properties("feishu.vc.events.mode=long-connection")
			.run();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.emulator.longConnectionCount() == 1);
	}

	@AfterEach
	void stop() {
		this.context.close();
		this.emulator.close();
	}

	@Test
	void shouldHearTheAgentsEventsAsTypedApplicationEventsAndJoinWhenInvited() {
		Listeners listeners = this.context.getBean(Listeners.class);
		this.emulator.agents().announceMeetingStarts(true);
		String meetingId = this.emulator.meetings().startAdHoc(HOST, "Customer call");
		String callId = this.emulator.agents().invite(meetingId, HOST);
		AgentInvitedEvent invited = listeners.await(AgentInvitedEvent.class);
		assertThat(listeners.one(AgentMeetingStartedEvent.class).meeting().id()).isEqualTo(meetingId);
		assertThat(invited.callId()).isEqualTo(callId);
		assertThat(invited.meeting().topic()).isEqualTo("Customer call");
		assertThat(invited.inviter().id()).isEqualTo(HOST);

		AgentJoin joined = this.context.getBean(MeetingAgentOperations.class).join(invited.joinRequest()).block();
		assertThat(joined.meetingId()).isEqualTo(meetingId);
		this.emulator.meetings().join(meetingId, GUEST);
		this.emulator.meetings().say(meetingId, GUEST, "Can the agent hear me?");
		this.emulator.agents().chat(meetingId, GUEST, "Notes in the chat");
		this.emulator.meetings().leave(meetingId, GUEST);
		this.emulator.meetings().endMeeting(meetingId);

		AgentMeetingEndedEvent ended = listeners.await(AgentMeetingEndedEvent.class);
		assertThat(ended.meeting().id()).isEqualTo(meetingId);
		// The listeners run on a pool of threads: the order they hear events in is not the order they came in.
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> listeners.activities().size() == 6);
		List<MeetingActivity> activity = listeners.activities();
		assertThat(activity).extracting(MeetingActivity::activityEventType)
			.containsExactlyInAnyOrder("participant_joined", "participant_joined", "transcript_received",
					"chat_received", "participant_left", "participant_left");
		assertThat(activity).flatExtracting(MeetingActivity::transcriptReceivedItems).singleElement().satisfies((said) -> {
			assertThat(said.speaker().id()).isEqualTo(GUEST);
			assertThat(said.text()).isEqualTo("Can the agent hear me?");
			assertThat(said.startTimeMs()).isPositive();
		});
		assertThat(activity).flatExtracting(MeetingActivity::chatReceivedItems)
			.extracting(MeetingActivity.ChatReceived::content)
			.containsExactly("Notes in the chat");
		assertThat(activity).flatExtracting(MeetingActivity::participantLeftItems)
			.extracting((left) -> left.participant().id() + ":" + left.leaveReason())
			.as("the guest by themselves, the host as the meeting ended")
			.containsExactlyInAnyOrder(GUEST + ":1", HOST + ":2");
		assertThat(activity).flatExtracting(MeetingActivity::participantJoinedItems)
			.extracting((item) -> item.participant().id())
			.containsExactlyInAnyOrder(this.emulator.agents().agentId(), GUEST);
		assertThat(this.emulator.agents().isIn(meetingId)).isFalse();
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listeners.all)
			.as("a listener of the family hears every type").containsExactlyInAnyOrderElementsOf(listeners.typed));
	}

	@Test
	void shouldReadTheVariantsThePlatformHasBeenSeenToSend() {
		Listeners listeners = this.context.getBean(Listeners.class);
		String tenant = this.emulator.tenants().get(0);
		this.emulator.pushEvent(AgentInvitedEvent.TYPE, tenant, """
				{"meeting":{"id":"7628568141510692381","meeting_no":"123456789","start_time":"1776409400",
				 "host_user":{"id":{"union_id":"on_1","user_id":"u1","open_id":"ou_1"},"user_type":1,"user_role":2}},
				 "bot":{"id":"ou_bot","user_type":10},"inviter":{"id":{"union_id":"on_2","open_id":"ou_2"}},
				 "invite_time":"1776409469","call_id":"7c9e6679-7425-40de-944b-e07fc1f90ae7"}""");
		this.emulator.pushEvent(AgentMeetingActivityEvent.TYPE, tenant, """
				{"meeting_actitivty_items":[{"meeting":{"id":"7628568141510692381"},
				 "activity_event_type":"participant_joined",
				 "participant_joined_items":[{"participant":{"id":"ou_3"},"join_time":"1776409470000"}]}]}""");
		AgentInvitedEvent invited = listeners.await(AgentInvitedEvent.class);
		assertThat(invited.meeting().hostUser().id()).isEqualTo("ou_1");
		assertThat(invited.inviter().id()).isEqualTo("ou_2");
		assertThat(invited.meeting().startTime()).hasToString("2026-04-17T07:03:20Z");
		assertThat(invited.joinRequest()).isEqualTo(AgentJoinRequest.meetingNo("123456789")
			.withCallId("7c9e6679-7425-40de-944b-e07fc1f90ae7"));
		AgentMeetingActivityEvent activity = listeners.await(AgentMeetingActivityEvent.class);
		assertThat(activity.activities()).singleElement()
			.satisfies((joined) -> assertThat(joined.participantJoinedItems().get(0).joinTime()).isEqualTo(1776409470000L));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class AgentApplication {

		@Bean
		Listeners listeners() {
			return new Listeners();
		}

	}

	/** Listeners of each agent event type and of all, as an application writes them. */
	static class Listeners {

		final List<AgentEvent> all = new CopyOnWriteArrayList<>();

		final List<AgentEvent> typed = new CopyOnWriteArrayList<>();

		List<MeetingActivity> activities() {
			return this.typed.stream()
				.filter(AgentMeetingActivityEvent.class::isInstance)
				.flatMap((event) -> ((AgentMeetingActivityEvent) event).activities().stream())
				.toList();
		}

		<T extends AgentEvent> T one(Class<T> type) {
			return this.typed.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
		}

		<T extends AgentEvent> T await(Class<T> type) {
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.typed.stream().anyMatch(type::isInstance));
			return one(type);
		}

		@EventListener
		void on(AgentEvent event) {
			this.all.add(event);
		}

		@EventListener
		void on(AgentInvitedEvent event) {
			this.typed.add(event);
		}

		@EventListener
		void on(AgentMeetingStartedEvent event) {
			this.typed.add(event);
		}

		@EventListener
		void on(AgentMeetingActivityEvent event) {
			this.typed.add(event);
		}

		@EventListener
		void on(AgentMeetingEndedEvent event) {
			this.typed.add(event);
		}

	}

}
