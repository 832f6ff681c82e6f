package io.github.feishuvc.note;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.feishuvc.core.FeishuVcPermissionDeniedException;
import io.github.feishuvc.meeting.MeetingOperations;
import io.github.feishuvc.meeting.MeetingSearchItem;
import io.github.feishuvc.meeting.MeetingSearchRequest;
import io.github.feishuvc.meeting.event.EventUserIds;
import io.github.feishuvc.meeting.event.MeetingEndedEvent;
import io.github.feishuvc.meeting.event.MeetingEvent;
import io.github.feishuvc.meeting.event.ParticipantMeetingEndedEvent;
import io.github.feishuvc.note.event.NoteEvent;
import io.github.feishuvc.note.event.NoteGeneratedEvent;
import io.github.feishuvc.security.FeishuUserTokens;
import io.github.feishuvc.support.Browser;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After the meeting, for the signed-in user, in a WebFlux and a Spring MVC application: a browser signs in with
 * Feishu at the emulator and subscribes; an ad-hoc meeting the user joined ends (no {@code vc.meeting.*} event of its
 * own, as it was not reserved through the API), the application hears {@link ParticipantMeetingEndedEvent}, then
 * {@link NoteGeneratedEvent}, reads the note as the user and finds the meeting by search; another user may not read
 * the note; once the user unsubscribed, a later meeting's events concern only the users still subscribed.
 */
class NotesApplicationTests {

	private static final String USER = "ou_alice";

	private static final String OTHER = "ou_carol";

	private static final String SCOPES = "vc:meeting:readonly,vc:meeting.meetingevent:read,vc:meeting.search:read,"
			+ "vc:note:read,offline_access";

	private FeishuVcEmulator emulator;

	private ConfigurableApplicationContext context;

	private final Browser browser = new Browser();

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.builder().noteDetailLag(Duration.ofMillis(300)).start();
		this.emulator.signInAs(USER);
	}

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.emulator.close();
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "REACTIVE", "SERVLET" })
	void shouldHearTheEndAndTheNoteOfAnyMeetingTheSignedInUserJoined(WebApplicationType type) throws Exception {
		startApplication(type);
		assertThat(get("/subscribe").body()).isEqualTo("subscribed " + USER);
		String carolsToken = this.emulator.issueUserAccessToken(OTHER);
		NoteOperations notes = this.context.getBean(NoteOperations.class);
		notes.withUserAccessToken(carolsToken).subscribe().block();

		String meetingId = this.emulator.meetings().startAdHoc("ou_host", "Sprint retrospective");
		this.emulator.meetings().join(meetingId, USER);
		this.emulator.meetings().endMeeting(meetingId);

		Listeners listeners = this.context.getBean(Listeners.class);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !listeners.notes.isEmpty());
		assertThat(listeners.meetings).singleElement()
			.isInstanceOfSatisfying(ParticipantMeetingEndedEvent.class, (ended) -> {
				assertThat(ended.meeting().id()).isEqualTo(meetingId);
				assertThat(ended.meeting().topic()).isEqualTo("Sprint retrospective");
				assertThat(ended.meeting().endTime()).isNotNull();
				assertThat(ended.subscriberIds()).extracting(EventUserIds::openId).containsExactly(USER);
			});
		NoteGeneratedEvent generated = (NoteGeneratedEvent) listeners.notes.get(0);
		assertThat(generated.noteId()).isEqualTo(this.emulator.meetings().noteOf(meetingId).orElseThrow());
		assertThat(generated.subscriberIds()).extracting(EventUserIds::openId).containsExactly(USER);

		assertThat(get("/note/" + generated.noteId()).body()).isEqualTo(meetingId);
		assertThat(get("/search").body()).isEqualTo(meetingId);
		StepVerifier.create(notes.withUserAccessToken(carolsToken).getGenerated(generated.noteId()))
			.expectError(FeishuVcPermissionDeniedException.class)
			.verify(Duration.ofSeconds(10));

		assertThat(get("/unsubscribe").body()).isEqualTo("unsubscribed " + USER);
		String later = this.emulator.meetings().startAdHoc("ou_host", "Planning");
		this.emulator.meetings().join(later, USER);
		this.emulator.meetings().join(later, OTHER);
		this.emulator.meetings().endMeeting(later);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> listeners.notes.size() == 2);
		assertThat(((NoteGeneratedEvent) listeners.notes.get(1)).subscriberIds()).extracting(EventUserIds::openId)
			.as("only the user still subscribed")
			.containsExactly(OTHER);
		assertThat(listeners.meetings).as("nobody subscribed to the meetings' ends any more").hasSize(1);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.browser.get(this.context, path);
	}

	private void startApplication(WebApplicationType type) {
		this.context = TestFeishu.webApplication(NotesApplication.class, type, this.emulator)
			.properties("spring.security.oauth2.client.registration.feishu.client-id=" + this.emulator.appId(),
					"spring.security.oauth2.client.registration.feishu.client-secret=" + this.emulator.appSecret(),
					"spring.security.oauth2.client.registration.feishu.scope=" + SCOPES,
					"feishu.vc.events.enabled=true")
			.run();
		this.emulator.deliverEventsTo(TestFeishu.url(this.context, "/feishu/events"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(AfterTheMeetingController.class)
	static class NotesApplication {

		@Bean
		Listeners listeners() {
			return new Listeners();
		}

	}

	/** What an application writes: subscribe whoever signed in, then read as them. */
	@RestController
	static class AfterTheMeetingController {

		private final MeetingOperations meetings;

		private final NoteOperations notes;

		private final FeishuUserTokens userTokens;

		AfterTheMeetingController(MeetingOperations meetings, NoteOperations notes, FeishuUserTokens userTokens) {
			this.meetings = meetings;
			this.notes = notes;
			this.userTokens = userTokens;
		}

		@GetMapping("/subscribe")
		Mono<String> subscribe(Authentication user) {
			return this.meetings.withUserAccessToken(this.userTokens.of(user))
				.subscribe()
				.then(this.notes.withUserAccessToken(this.userTokens.of(user)).subscribe())
				.thenReturn("subscribed " + user.getName());
		}

		@GetMapping("/unsubscribe")
		Mono<String> unsubscribe(Authentication user) {
			return this.meetings.withUserAccessToken(this.userTokens.of(user))
				.unsubscribe()
				.then(this.notes.withUserAccessToken(this.userTokens.of(user)).unsubscribe())
				.thenReturn("unsubscribed " + user.getName());
		}

		@GetMapping("/note/{noteId}")
		Mono<String> note(Authentication user, @PathVariable String noteId) {
			return this.notes.withUserAccessToken(this.userTokens.of(user))
				.getGenerated(noteId)
				.map((note) -> note.meetingId().orElse("none"));
		}

		@GetMapping("/search")
		Mono<String> search(Authentication user) {
			return this.meetings.withUserAccessToken(this.userTokens.of(user))
				.search(MeetingSearchRequest.keyword("retrospective"))
				.map(MeetingSearchItem::id)
				.collectList()
				.map((ids) -> String.join(",", ids));
		}

	}

	/** The typed events as an application listens to them. */
	static class Listeners {

		final List<MeetingEvent> meetings = new CopyOnWriteArrayList<>();

		final List<NoteEvent> notes = new CopyOnWriteArrayList<>();

		@EventListener
		void on(MeetingEvent event) {
			if (event instanceof MeetingEndedEvent) {
				throw new IllegalStateException("A meeting not reserved through the API has no meeting_ended_v1");
			}
			if (!event.getClass().getSimpleName().startsWith("AllMeeting")) {
				this.meetings.add(event);
			}
		}

		@EventListener
		void on(NoteEvent event) {
			this.notes.add(event);
		}

	}

}
