package io.github.feishuvc.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import io.github.feishuvc.meeting.event.EventMeeting;
import io.github.feishuvc.meeting.event.MeetingStartedEvent;
import io.github.feishuvc.support.LogCapture;
import io.github.feishuvc.support.TestFeishu;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review of 4ce6709: listeners that Spring does deliver the starter's events to, and that
 * {@link FeishuVcIdleEventListeners} does not see, so that the start-up WARN is never said for them. Each case first
 * proves that Spring delivers a {@link MeetingStartedEvent} to the listener (so it does listen for Feishu events), then
 * that the WARN names it; the second half fails at 4ce6709.
 */
class Review38IdleEventListenersTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FeishuVcAutoConfiguration.class))
		.withConfiguration(TestFeishu.BOOT_WEB_CLIENT)
		.withPropertyValues("feishu.vc.app-id=cli_e0a1a70000000001", "feishu.vc.app-secret=secret",
				TestFeishu.FAST_SHUTDOWN);

	private static final MeetingStartedEvent STARTED = new MeetingStartedEvent("e1", null, null,
			new EventMeeting("m1", null, null, null, null, null, null, null, null, null, null, null), null);

	@Test
	void shouldWarnForAListenerOfThePayloadEvent() {
		try (LogCapture logs = capture()) {
			this.contextRunner.withUserConfiguration(PayloadListener.class).run((context) -> {
				context.publishEvent(STARTED);
				assertThat(context.getBean(PayloadRecorder.class).received).as("Spring delivers the event").hasSize(1);
				assertThat(logs.lines()).as("the WARN").singleElement().asString().contains("PayloadRecorder");
			});
		}
	}

	@Test
	void shouldWarnForAnAsyncListenerBehindAnInterfaceProxy() {
		try (LogCapture logs = capture()) {
			this.contextRunner.withUserConfiguration(AsyncListener.class).run((context) -> {
				context.publishEvent(STARTED);
				org.awaitility.Awaitility.await()
					.untilAsserted(() -> assertThat(AsyncRecorder.received).as("Spring delivers the event").hasSize(1));
				assertThat(logs.lines()).as("the WARN").singleElement().asString().contains("AsyncRecorder");
			});
		}
	}

	private static LogCapture capture() {
		return LogCapture.of(FeishuVcIdleEventListeners.class.getName(), Level.INFO);
	}

	@Configuration(proxyBeanMethods = false)
	static class PayloadListener {

		@Bean
		PayloadRecorder payloadRecorder() {
			return new PayloadRecorder();
		}

	}

	static class PayloadRecorder {

		final List<MeetingStartedEvent> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(PayloadApplicationEvent<MeetingStartedEvent> event) {
			this.received.add(event.getPayload());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class AsyncListener {

		@Bean
		AsyncRecorder asyncRecorder() {
			return new AsyncRecorder();
		}

	}

	interface MeetingHandler {

		void on(MeetingStartedEvent event);

	}

	static class AsyncRecorder implements MeetingHandler {

		static final List<MeetingStartedEvent> received = new CopyOnWriteArrayList<>();

		@Async
		@EventListener
		@Override
		public void on(MeetingStartedEvent event) {
			received.add(event);
		}

	}

}
