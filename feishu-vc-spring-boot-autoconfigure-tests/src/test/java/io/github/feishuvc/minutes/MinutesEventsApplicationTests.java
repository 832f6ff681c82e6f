package io.github.feishuvc.minutes;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.feishuvc.minutes.event.MinuteEvent;
import io.github.feishuvc.minutes.event.MinuteGeneratedEvent;
import io.github.feishuvc.minutes.event.MinuteUserIds;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code minutes.minute.generated_v1} as applications receive it, at their event endpoint and on the long connection:
 * a user subscribes through the auto-configured {@link MinuteOperations}; a recorded meeting they joined ends, and
 * the typed {@link MinuteGeneratedEvent} names the minute of the recording's URL, its meeting and the subscriber; the
 * minute of an upload of someone unsubscribed sends nothing; once unsubscribed, the user's next minute sends nothing.
 */
class MinutesEventsApplicationTests {

	private static final String USER = "ou_ada";

	private final FeishuVcEmulator emulator = FeishuVcEmulator.builder()
		.recordingProcessingTime(Duration.ofMillis(20))
		.start();

	private ConfigurableApplicationContext context;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.emulator.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "REACTIVE", "long-connection" })
	void shouldPublishTheMinuteOfASubscribedUsersMeetingTyped(String delivery) {
		start(delivery);
		MinuteOperations user = this.context.getBean(MinuteOperations.class)
			.withUserAccessToken(this.emulator.issueUserAccessToken(USER));
		user.subscribe().block(Duration.ofSeconds(10));
		this.emulator.minutes().upload("ou_other", "Someone else's upload", "Nothing for Ada");

		String meetingId = this.emulator.meetings().startAdHoc("ou_host", "Design review");
		this.emulator.meetings().join(meetingId, USER);
		this.emulator.meetings().startRecording(meetingId);
		this.emulator.meetings().say(meetingId, USER, "Ship it");
		this.emulator.meetings().endMeeting(meetingId);

		Listeners listeners = this.context.getBean(Listeners.class);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> !listeners.generated.isEmpty() && !listeners.all.isEmpty());
		MinuteGeneratedEvent generated = listeners.generated.get(0);
		String token = this.emulator.minutes().ofMeeting(meetingId).orElseThrow();
		assertThat(generated.minuteToken()).isEqualTo(token);
		assertThat(generated.meetingId()).contains(meetingId);
		assertThat(generated.subscriberIds()).extracting(MinuteUserIds::openId).containsExactly(USER);
		assertThat(generated.eventId()).isNotBlank();
		assertThat(generated.tenantKey()).isEqualTo(FeishuVcEmulator.DEFAULT_TENANT_KEY);
		assertThat(generated.createTime()).isNotNull();
		assertThat(listeners.all).containsExactly(generated);
		assertThat(user.get(generated.minuteToken()).block().title()).isEqualTo("Design review");

		user.unsubscribe().block(Duration.ofSeconds(10));
		String uploaded = this.emulator.minutes().upload(USER, "After unsubscribing", "Quiet");
		String marker = this.emulator.minutes().upload("ou_marker", "Marker", "Marker");
		this.context.getBean(MinuteOperations.class)
			.withUserAccessToken(this.emulator.issueUserAccessToken("ou_marker"))
			.subscribe()
			.block(Duration.ofSeconds(10));
		String afterMarker = this.emulator.minutes().upload("ou_marker", "Marker again", "Marker");
		// Events go out in order: once the marker's arrived, any of the two minutes before it would have.
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> listeners.generated.size() == 2);
		assertThat(listeners.generated).extracting(MinuteGeneratedEvent::minuteToken)
			.as("nothing of %s or %s", uploaded, marker)
			.containsExactly(token, afterMarker);
		assertThat(listeners.generated.get(1).meetingId()).as("an upload has no meeting").isEmpty();
	}

	private void start(String delivery) {
		boolean longConnection = delivery.equals("long-connection");
		SpringApplicationBuilder application = TestFeishu.webApplication(MinutesApplication.class,
				longConnection ? WebApplicationType.NONE : WebApplicationType.valueOf(delivery), this.emulator);
		this.context = (longConnection ? application.properties("feishu.vc.events.mode=long-connection")
				: application.properties("feishu.vc.events.enabled=true")).run();
		if (!longConnection) {
			this.emulator.deliverEventsTo(TestFeishu.url(this.context, "/feishu/events"));
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class MinutesApplication {

		@Bean
		Listeners listeners() {
			return new Listeners();
		}

	}

	/** A listener of the family and one of the type, as an application writes them. */
	static class Listeners {

		final List<MinuteEvent> all = new CopyOnWriteArrayList<>();

		final List<MinuteGeneratedEvent> generated = new CopyOnWriteArrayList<>();

		@EventListener
		void on(MinuteEvent event) {
			this.all.add(event);
		}

		@EventListener
		void on(MinuteGeneratedEvent event) {
			this.generated.add(event);
		}

	}

}
