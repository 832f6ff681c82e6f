package io.github.feishuvc.autoconfigure;

import ch.qos.logback.classic.Level;
import io.github.feishuvc.meeting.event.AudioRecordingTranscriptEvent;
import io.github.feishuvc.minutes.event.MinuteGeneratedEvent;
import io.github.feishuvc.support.LogCapture;
import io.github.feishuvc.support.TestFeishu;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression (review of 2026-12-06): FeishuVcIdleEventListeners knows the agents' events (added by the agents' merge) but not the two other
 * families' typed events of the same change, {@code MinuteEvent} and {@code AudioRecordingEvent} (neither is a
 * {@code MeetingEvent}): an application listening only for them while events are off waits in silence, which the
 * class exists to prevent.
 */
class FeishuVcIdleNewEventListenersTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FeishuVcAutoConfiguration.class))
		.withConfiguration(TestFeishu.BOOT_WEB_CLIENT)
		.withPropertyValues("feishu.vc.app-id=cli_e0a1a70000000001", "feishu.vc.app-secret=secret",
				TestFeishu.FAST_SHUTDOWN);

	@Test
	void shouldWarnForListenersOfTheMinutesAndAudioRecordingEventsWhenEventsAreOff() {
		try (LogCapture logs = LogCapture.of(FeishuVcIdleEventListeners.class.getName(), Level.INFO)) {
			this.contextRunner.withUserConfiguration(NewFamilyListeners.class).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(logs.lines()).singleElement()
					.satisfies((line) -> assertThat(line).contains("NewFamilyListeners.onMinute")
						.contains("NewFamilyListeners.onAudio"));
			});
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class NewFamilyListeners {

		@EventListener
		void onMinute(MinuteGeneratedEvent event) {
		}

		@EventListener
		void onAudio(AudioRecordingTranscriptEvent event) {
		}

	}

}
