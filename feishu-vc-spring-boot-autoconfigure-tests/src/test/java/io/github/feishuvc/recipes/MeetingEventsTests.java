package io.github.feishuvc.recipes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.feishuvc.meeting.event.MeetingStartedEvent;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveApplyRequest;
import io.github.feishuvc.reserve.ReserveMeetingSettingRequest;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.test.AutoConfigureFeishuVcEmulator;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Recipe "Receiving meeting events": the application on a random port under a context path, its events switched on,
 * the emulator holding a meeting, and a listener of the test's own that records what arrives.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "feishu.vc.events.enabled=true", "server.servlet.context-path=/app" })
@AutoConfigureFeishuVcEmulator
class MeetingEventsTests {

	@Autowired
	FeishuVcEmulator emulator;

	@Autowired
	ReserveOperations reserves;

	@Autowired
	RecordedEvents recorded;

	@Test
	void shouldReceiveTheEventOfAStartedMeeting() {
		Reserve reserve = this.reserves.apply(ReserveApplyRequest.builder()
			.endTime(Instant.now().plus(Duration.ofDays(1)))
			.ownerId("ou_owner")
			.meetingSettings(ReserveMeetingSettingRequest.builder().topic("Standup").build())
			.build()).block().reserve();

		String meetingId = this.emulator.meetings().start(reserve.id());

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.recorded.started).singleElement()
				.satisfies((event) -> assertThat(event.meeting().id()).isEqualTo(meetingId)));
	}

	@TestConfiguration
	static class Recording {

		@Bean
		RecordedEvents recordedEvents() {
			return new RecordedEvents();
		}

	}

	static class RecordedEvents {

		final List<MeetingStartedEvent> started = new CopyOnWriteArrayList<>();

		@EventListener
		void on(MeetingStartedEvent event) {
			this.started.add(event);
		}

	}

}
