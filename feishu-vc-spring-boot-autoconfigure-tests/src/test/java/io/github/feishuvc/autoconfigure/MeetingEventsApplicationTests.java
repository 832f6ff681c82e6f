package io.github.feishuvc.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.meeting.event.AllMeetingEndedEvent;
import io.github.feishuvc.meeting.event.AllMeetingStartedEvent;
import io.github.feishuvc.meeting.event.JoinMeetingEvent;
import io.github.feishuvc.meeting.event.LeaveMeetingEvent;
import io.github.feishuvc.meeting.event.LeaveReason;
import io.github.feishuvc.meeting.event.MeetingEndedEvent;
import io.github.feishuvc.meeting.event.MeetingEvent;
import io.github.feishuvc.meeting.event.MeetingSource;
import io.github.feishuvc.meeting.event.MeetingStartedEvent;
import io.github.feishuvc.meeting.event.RecordingEndedEvent;
import io.github.feishuvc.meeting.event.RecordingReadyEvent;
import io.github.feishuvc.meeting.event.RecordingStartedEvent;
import io.github.feishuvc.meeting.event.ShareEndedEvent;
import io.github.feishuvc.meeting.event.ShareStartedEvent;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.support.LogCapture;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The eleven meeting events as applications receive them: a WebFlux and a Spring MVC application, each as a
 * self-built and as a store app, drive a reserved meeting through its whole life on the emulator, and every typed
 * event reaches its own {@code @EventListener} beside the raw {@link FeishuEvent}.
 */
class MeetingEventsApplicationTests {

	private static final String OWNER = "ou_owner";

	private FeishuVcEmulator emulator;

	private ConfigurableApplicationContext context;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.emulator.close();
	}

	static Stream<Arguments> applications() {
		return Stream.of(Arguments.of(WebApplicationType.REACTIVE, false), Arguments.of(WebApplicationType.SERVLET, false),
				Arguments.of(WebApplicationType.REACTIVE, true), Arguments.of(WebApplicationType.SERVLET, true));
	}

	@ParameterizedTest(name = "{0}, store app: {1}")
	@MethodSource("applications")
	void shouldPublishEachOfTheElevenMeetingEventsTyped(WebApplicationType type, boolean store) {
		FeishuVcEmulator.Builder builder = FeishuVcEmulator.builder()
			.encryptKey("meeting-events-key")
			.recordingProcessingTime(Duration.ofMillis(10));
		this.emulator = (store ? builder.storeApp("t1") : builder).start();
		start(type);
		String tenant = store ? "t1" : null;
		ReserveOperations reserves = this.context.getBean(ReserveOperations.class);
		Reserve reserve = TestFeishu.reserve(store ? reserves.forTenant("t1") : reserves, OWNER, "Quarterly review");

		String meetingId = TestFeishu.holdMeeting(this.emulator, reserve.id());

		Listeners listeners = this.context.getBean(Listeners.class);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(listeners.typed.keySet()).containsExactlyInAnyOrderElementsOf(
					TestFeishu.heldMeetingEvents()));
		assertThat(listeners.all).allSatisfy((event) -> {
			assertThat(event.meeting().id()).isEqualTo(meetingId);
			assertThat(event.meeting().meetingNo()).isEqualTo(reserve.meetingNo());
			assertThat(event.meeting().topic()).isEqualTo("Quarterly review");
			assertThat(event.meeting().meetingSource()).isEqualTo(MeetingSource.OPEN_PLATFORM);
			assertThat(event.tenantKey()).isEqualTo(store ? tenant : FeishuVcEmulator.DEFAULT_TENANT_KEY);
			assertThat(event.eventId()).isNotBlank();
		});
		MeetingStartedEvent started = listeners.one(MeetingStartedEvent.class);
		assertThat(started.meeting().owner().id().openId()).isEqualTo(OWNER);
		assertThat(started.meeting().hostUser().id().openId()).isEqualTo(OWNER);
		assertThat(started.meeting().startTime()).isNotNull();
		assertThat(started.operator().id().openId()).isEqualTo(OWNER);
		assertThat(listeners.one(JoinMeetingEvent.class).operator().id().openId()).isEqualTo("ou_alice");
		assertThat(listeners.one(ShareStartedEvent.class).operator().id().openId()).isEqualTo("ou_alice");
		assertThat(listeners.typed.get(LeaveMeetingEvent.TYPE)).map(LeaveMeetingEvent.class::cast)
			.extracting((leave) -> leave.leaveUser().id().openId(), LeaveMeetingEvent::leaveReason)
			.containsExactlyInAnyOrder(tuple("ou_alice", LeaveReason.LEFT),
					tuple(OWNER, LeaveReason.MEETING_ENDED));
		assertThat(listeners.one(MeetingEndedEvent.class).meeting().endTime()).isNotNull();
		assertThat(listeners.typed.get(RecordingReadyEvent.TYPE)).singleElement()
			.isInstanceOfSatisfying(RecordingReadyEvent.class, (ready) -> {
				assertThat(ready.url()).startsWith("https://meetings.feishu.cn/minutes/");
				assertThat(ready.duration()).isNotNull();
			});
		assertThat(listeners.raw).filteredOn((event) -> event.type().startsWith("vc.meeting."))
			.hasSameSizeAs(listeners.all);
		assertThat(listeners.typed.get(RecordingStartedEvent.TYPE)).hasSize(1);
		assertThat(listeners.typed.get(RecordingEndedEvent.TYPE)).hasSize(1);
		assertThat(listeners.typed.get(ShareEndedEvent.TYPE)).hasSize(1);
		assertThat(listeners.typed.get(AllMeetingStartedEvent.TYPE)).hasSize(1);
		assertThat(listeners.typed.get(AllMeetingEndedEvent.TYPE)).hasSize(1);
	}

	@Test
	void shouldReceiveOnlyTheEventsWhoseScopesTheAppHas() {
		this.emulator = FeishuVcEmulator.start();
		this.emulator.scopes().withholdFromApp("vc:meeting:readonly", "vc:meeting.meetingevent:read");
		start(WebApplicationType.REACTIVE);
		Reserve reserve = TestFeishu.reserve(this.context.getBean(ReserveOperations.class), OWNER, "Scoped");

		this.emulator.meetings().start(reserve.id());

		Listeners listeners = this.context.getBean(Listeners.class);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> listeners.typed.containsKey(AllMeetingStartedEvent.TYPE));
		assertThat(listeners.typed).as("sent in order, the reserved meeting's event first, had the app its scope")
			.containsOnlyKeys(AllMeetingStartedEvent.TYPE);
	}

	@Test
	void shouldPublishAnEventThatDoesNotDecodeRawOnlyAndSaySo() {
		this.emulator = FeishuVcEmulator.start();
		start(WebApplicationType.REACTIVE);
		Listeners listeners = this.context.getBean(Listeners.class);

		try (LogCapture logs = LogCapture.of("io.github.feishuvc.events", Level.WARN)) {
			assertThat(this.emulator.pushEvent(MeetingStartedEvent.TYPE, FeishuVcEmulator.DEFAULT_TENANT_KEY,
					"{\"meeting\": \"not an object\"}").accepted()).isTrue();

			Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !listeners.raw.isEmpty());
			assertThat(listeners.all).isEmpty();
			assertThat(logs.lines()).singleElement()
				.satisfies((line) -> assertThat(line).contains(MeetingStartedEvent.TYPE)
					.contains(listeners.raw.get(0).eventId())
					.doesNotContain("not an object"));
		}
	}

	private void start(WebApplicationType type) {
		this.context = TestFeishu.webApplication(MeetingApplication.class, type, this.emulator)
			.properties("feishu.vc.events.enabled=true")
			.run();
		this.emulator.deliverEventsTo(TestFeishu.url(this.context, "/feishu/events"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class MeetingApplication {

		@Bean
		Listeners listeners() {
			return new Listeners();
		}

	}

	/** One listener per event type, as an application writes them. */
	static class Listeners {

		final Map<String, List<MeetingEvent>> typed = new ConcurrentHashMap<>();

		final List<MeetingEvent> all = new CopyOnWriteArrayList<>();

		final List<FeishuEvent> raw = new CopyOnWriteArrayList<>();

		<T extends MeetingEvent> T one(Class<T> type) {
			return this.all.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
		}

		private void add(String type, MeetingEvent event) {
			this.typed.computeIfAbsent(type, (key) -> new CopyOnWriteArrayList<>()).add(event);
		}

		@EventListener
		void on(MeetingEvent event) {
			this.all.add(event);
		}

		@EventListener
		void on(FeishuEvent event) {
			this.raw.add(event);
		}

		@EventListener
		void on(MeetingStartedEvent event) {
			add(MeetingStartedEvent.TYPE, event);
		}

		@EventListener
		void on(MeetingEndedEvent event) {
			add(MeetingEndedEvent.TYPE, event);
		}

		@EventListener
		void on(JoinMeetingEvent event) {
			add(JoinMeetingEvent.TYPE, event);
		}

		@EventListener
		void on(LeaveMeetingEvent event) {
			add(LeaveMeetingEvent.TYPE, event);
		}

		@EventListener
		void on(RecordingStartedEvent event) {
			add(RecordingStartedEvent.TYPE, event);
		}

		@EventListener
		void on(RecordingEndedEvent event) {
			add(RecordingEndedEvent.TYPE, event);
		}

		@EventListener
		void on(RecordingReadyEvent event) {
			add(RecordingReadyEvent.TYPE, event);
		}

		@EventListener
		void on(ShareStartedEvent event) {
			add(ShareStartedEvent.TYPE, event);
		}

		@EventListener
		void on(ShareEndedEvent event) {
			add(ShareEndedEvent.TYPE, event);
		}

		@EventListener
		void on(AllMeetingStartedEvent event) {
			add(AllMeetingStartedEvent.TYPE, event);
		}

		@EventListener
		void on(AllMeetingEndedEvent event) {
			add(AllMeetingEndedEvent.TYPE, event);
		}

	}

}
