package io.github.feishuvc.meeting;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.feishuvc.meeting.event.AudioRecordingEndedEvent;
import io.github.feishuvc.meeting.event.AudioRecordingEvent;
import io.github.feishuvc.meeting.event.AudioRecordingStartedEvent;
import io.github.feishuvc.meeting.event.AudioRecordingTranscriptEvent;
import io.github.feishuvc.meeting.event.EventUserIds;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application on the long connection hears a subscribed user's audio recording as typed events, started,
 * transcribed and ended, in order; once the user unsubscribed, a later recording is not heard.
 */
class AudioRecordingEventsApplicationTests {

	private static final String USER = "ou_ada";

	private final FeishuVcEmulator emulator = FeishuVcEmulator.start();

	private ConfigurableApplicationContext context;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.emulator.close();
	}

	@Test
	void shouldHearASubscribedUsersAudioRecordingAsTypedEventsUntilTheyUnsubscribe() {
		this.context = TestFeishu.webApplication(RecordingApplication.class, WebApplicationType.NONE, this.emulator)
			.properties("feishu.vc.events.mode=long-connection")
			.run();
		MeetingOperations meetings = this.context.getBean(MeetingOperations.class)
			.withUserAccessToken(this.emulator.issueUserAccessToken(USER));
		meetings.subscribeAudioRecordings().block();
		Listeners listeners = this.context.getBean(Listeners.class);

		String key = this.emulator.meetings().startAudioRecording(USER);
		this.emulator.meetings().transcribeAudioRecording(key, "First point");
		this.emulator.meetings().transcribeAudioRecording(key, "Second point");
		this.emulator.meetings().endAudioRecording(key);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> listeners.all.size() == 4);

		assertThat(listeners.all).allSatisfy((event) -> {
			assertThat(event.uniqueKey()).isEqualTo(key);
			assertThat(event.source()).isEqualTo(AudioRecordingEvent.RECORDING_BEAN);
			assertThat(event.subscriberIds()).extracting(EventUserIds::openId).containsExactly(USER);
		});
		assertThat(listeners.all).satisfiesExactly(
				(started) -> assertThat(started).isInstanceOf(AudioRecordingStartedEvent.class),
				(first) -> assertThat(((AudioRecordingTranscriptEvent) first).transcriptItems())
					.singleElement()
					.satisfies((item) -> {
						assertThat(item.text()).isEqualTo("First point");
						assertThat(item.speaker().id()).isEqualTo(USER);
						assertThat(item.sentenceId()).isEqualTo("1");
						assertThat(item.startTime()).isBefore(item.endTime());
					}),
				(second) -> assertThat(((AudioRecordingTranscriptEvent) second).transcriptItems().get(0).text())
					.isEqualTo("Second point"),
				(ended) -> assertThat(ended).isInstanceOf(AudioRecordingEndedEvent.class));

		meetings.unsubscribeAudioRecordings().block();
		String later = this.emulator.meetings().startAudioRecording(USER);
		this.emulator.meetings().endAudioRecording(later);
		assertThat(this.emulator.requestCount("recording.unsubscription")).isEqualTo(3);
		assertThat(listeners.all).as("nothing of a recording after the user unsubscribed").hasSize(4);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class RecordingApplication {

		@Bean
		Listeners listeners() {
			return new Listeners();
		}

	}

	/** Every audio recording event, in the order heard. */
	static class Listeners {

		final List<AudioRecordingEvent> all = new CopyOnWriteArrayList<>();

		@EventListener
		void on(AudioRecordingEvent event) {
			this.all.add(event);
		}

	}

}
