package io.github.feishuvc.autoconfigure;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.meeting.event.EventMeeting;
import io.github.feishuvc.meeting.event.MeetingStartedEvent;
import io.github.feishuvc.support.LogCapture;
import io.github.feishuvc.support.TestFeishu;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up warning for listeners of Feishu events while events are off (a self-built app's default): said once,
 * naming the listeners and {@code feishu.vc.events.enabled=true}; silent when events are on, and for listeners of
 * other events. Listeners are found as Spring finds them: behind proxies, of payload events, registered by hand; each
 * such case first proves that Spring delivers a Feishu event to the listener.
 */
class FeishuVcIdleEventListenersTests {

	private static final MeetingStartedEvent STARTED = new MeetingStartedEvent("e1", null, null,
			new EventMeeting("m1", null, null, null, null, null, null, null, null, null, null, null), null);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FeishuVcAutoConfiguration.class))
		.withConfiguration(TestFeishu.BOOT_WEB_CLIENT)
		.withPropertyValues("feishu.vc.app-id=cli_e0a1a70000000001", "feishu.vc.app-secret=secret",
				TestFeishu.FAST_SHUTDOWN);

	@Test
	void shouldWarnOnceNamingTheListenersAndThePropertyWhenEventsAreOff() {
		try (LogCapture logs = capture()) {
			this.contextRunner.withUserConfiguration(MeetingListeners.class).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(logs.events()).singleElement().satisfies((event) -> {
					assertThat(event.getLevel()).isEqualTo(Level.WARN);
					assertThat(event.getFormattedMessage()).contains("Events are off")
						.contains("MeetingLog.onStarted")
						.contains("RawLog.onAny")
						.contains("feishu.vc.events.enabled=true")
						.contains("feishu.vc.events.mode=long-connection")
						.doesNotContain("OtherLog");
				});
			});
		}
	}

	@Test
	void shouldWarnForAStoreAppThatSwitchedItsEventsOff() {
		try (LogCapture logs = capture()) {
			this.contextRunner.withUserConfiguration(MeetingListeners.class)
				.withPropertyValues("feishu.vc.app-type=store", "feishu.vc.events.enabled=false")
				.run((context) -> assertThat(logs.lines()).singleElement()
					.satisfies((line) -> assertThat(line).contains("feishu.vc.events.enabled=true")));
		}
	}

	@Test
	void shouldSayNothingWhenEventsAreOn() {
		try (LogCapture logs = capture()) {
			this.contextRunner.withUserConfiguration(MeetingListeners.class)
				.withPropertyValues("feishu.vc.events.enabled=true")
				.run((context) -> assertThat(logs.lines()).isEmpty());
			this.contextRunner.withUserConfiguration(MeetingListeners.class)
				.withPropertyValues("feishu.vc.events.mode=long-connection")
				.run((context) -> assertThat(logs.lines()).isEmpty());
		}
	}

	@Test
	void shouldSayNothingForListenersOfOtherEvents() {
		try (LogCapture logs = capture()) {
			this.contextRunner.withUserConfiguration(OtherListeners.class)
				.run((context) -> assertThat(logs.lines()).isEmpty());
		}
	}

	@Test
	void shouldWarnWhenTheListenerTakesThePayloadEventOfAFeishuEvent() {
		try (LogCapture logs = capture()) {
			this.contextRunner.withUserConfiguration(PayloadListener.class).run((context) -> {
				context.publishEvent(STARTED);
				assertThat(context.getBean(PayloadRecorder.class).received).as("Spring delivers the event").hasSize(1);
				assertThat(logs.lines()).as("the WARN").singleElement().asString().contains("PayloadRecorder.on");
			});
		}
	}

	@Test
	void shouldWarnWhenTheListenerIsBehindAnInterfaceProxy() {
		try (LogCapture logs = capture()) {
			this.contextRunner.withUserConfiguration(AsyncListener.class).run((context) -> {
				assertThat(context.getBean("asyncRecorder").getClass()).matches(Proxy::isProxyClass, "a JDK proxy");
				context.publishEvent(STARTED);
				Awaitility.await()
					.untilAsserted(() -> assertThat(AsyncRecorder.received).as("Spring delivers the event").hasSize(1));
				assertThat(logs.lines()).as("the WARN").singleElement().asString().contains("AsyncRecorder.on");
			});
		}
	}

	@Test
	void shouldWarnWhenTheListenerIsASingletonRegisteredByHand() {
		try (LogCapture logs = capture()) {
			PayloadRecorder byHand = new PayloadRecorder();
			this.contextRunner
				.withInitializer((context) -> context.getBeanFactory().registerSingleton("byHand", byHand))
				.run((context) -> {
					context.publishEvent(STARTED);
					assertThat(byHand.received).as("Spring delivers the event").hasSize(1);
					assertThat(logs.lines()).as("the WARN").singleElement().asString().contains("PayloadRecorder.on");
				});
		}
	}

	private static LogCapture capture() {
		return LogCapture.of(FeishuVcIdleEventListeners.class.getName(), Level.INFO);
	}

	@Configuration(proxyBeanMethods = false)
	static class MeetingListeners extends OtherListeners {

		@Bean
		MeetingLog meetingLog() {
			return new MeetingLog();
		}

		@Bean
		RawLog rawLog() {
			return new RawLog();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OtherListeners {

		@Bean
		OtherLog otherLog() {
			return new OtherLog();
		}

	}

	static class MeetingLog {

		@EventListener
		void onStarted(MeetingStartedEvent event) {
		}

	}

	static class RawLog {

		@EventListener(classes = FeishuEvent.class)
		void onAny() {
		}

	}

	static class OtherLog {

		@EventListener
		void onApplicationEvent(ApplicationEvent event) {
		}

		@EventListener
		void onText(PayloadApplicationEvent<String> event) {
		}

		@EventListener
		void onAnything(Object event) {
		}

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
