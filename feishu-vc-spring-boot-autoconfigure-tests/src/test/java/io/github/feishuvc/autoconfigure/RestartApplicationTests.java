package io.github.feishuvc.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.feishuvc.events.EventListenerPool;
import io.github.feishuvc.events.longconnection.FeishuLongConnection;
import io.github.feishuvc.events.longconnection.LongConnectionState;
import io.github.feishuvc.meeting.event.MeetingStartedEvent;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.Endpoint;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application stopped and started again ({@code context.stop()} then {@code context.start()}, as a checkpoint and
 * restore or a pause and resume do) calls the platform and hears its events again: through the webhook endpoint of a
 * WebFlux and a Spring MVC application, and through the long connection of an application with no web server.
 */
class RestartApplicationTests {

	private final FeishuVcEmulator emulator = FeishuVcEmulator.builder()
		.longConnectionPingInterval(Duration.ofSeconds(1))
		.start();

	private ConfigurableApplicationContext context;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.emulator.close();
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = WebApplicationType.class, names = { "REACTIVE", "SERVLET" })
	void shouldHearAMeetingEventAtTheEndpointAfterTheApplicationStoppedAndStartedAgain(WebApplicationType type) {
		this.context = TestFeishu.webApplication(RestartedApplication.class, type, this.emulator)
			.properties("feishu.vc.events.enabled=true")
			.run();
		this.emulator.deliverEventsTo(TestFeishu.url(this.context, "/feishu/events"));
		assertHearsTheMeetingOf("before the stop");

		this.context.stop();
		this.context.start();

		// The web server may listen on another free port once started again.
		this.emulator.deliverEventsTo(TestFeishu.url(this.context, "/feishu/events"));
		assertHearsTheMeetingOf("after the restart");
		assertThat(this.context.getBean(EventListenerPool.class).isRunning()).isTrue();
	}

	@Test
	void shouldHearAMeetingEventOverTheLongConnectionAfterTheApplicationStoppedAndStartedAgain() {
		this.context = TestFeishu.webApplication(RestartedApplication.class, WebApplicationType.NONE, this.emulator)
			.properties("feishu.vc.events.mode=long-connection",
					"feishu.vc.events.long-connection.min-reconnect-delay=100ms")
			.run();
		FeishuLongConnection connection = this.context.getBean(FeishuLongConnection.class);
		awaitConnected(connection);
		assertHearsTheMeetingOf("before the stop");

		this.context.stop();
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> this.emulator.longConnectionCount() == 0);
		this.context.start();

		awaitConnected(connection);
		assertHearsTheMeetingOf("after the restart");
		assertThat(this.emulator.requestCount(Endpoint.LONG_CONNECTION_ENDPOINT)).isEqualTo(2);
	}

	/** Reserves a meeting (a call of the platform's API), starts it, and waits for its start to be heard. */
	private void assertHearsTheMeetingOf(String topic) {
		Reserve reserve = TestFeishu.reserve(this.context.getBean(ReserveOperations.class), "ou_owner", topic);

		String meetingId = this.emulator.meetings().start(reserve.id());

		Listeners listeners = this.context.getBean(Listeners.class);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(listeners.heard).contains(meetingId + " " + topic));
	}

	private void awaitConnected(FeishuLongConnection connection) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> connection.state().status() == LongConnectionState.Status.CONNECTED
					&& this.emulator.longConnectionCount() == 1);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class RestartedApplication {

		@Bean
		Listeners listeners() {
			return new Listeners();
		}

	}

	static class Listeners {

		final List<String> heard = new CopyOnWriteArrayList<>();

		@EventListener
		void on(MeetingStartedEvent event) {
			this.heard.add(event.meeting().id() + " " + event.meeting().topic());
		}

	}

}
