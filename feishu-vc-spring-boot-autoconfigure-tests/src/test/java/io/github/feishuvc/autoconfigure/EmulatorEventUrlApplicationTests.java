package io.github.feishuvc.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.feishuvc.meeting.event.MeetingStartedEvent;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.AutoConfigureFeishuVcEmulator;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Where {@link AutoConfigureFeishuVcEmulator} pushes events: to the application's event endpoint where the running
 * server serves it (Spring MVC's context path, set by {@code server.servlet.context-path} or in code, and the
 * DispatcherServlet's {@code spring.mvc.servlet.path}; WebFlux's {@code spring.webflux.base-path}); and, when the
 * test's application has no web server (the default {@code MOCK} environment), nowhere: an event the test pushes
 * then fails at once, naming what to change, and a meeting's steps drop theirs and count them.
 */
class EmulatorEventUrlApplicationTests {

	private static final Duration AT_ONCE = Duration.ofSeconds(1);

	@Nested
	@SpringBootTest(classes = EventsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.main.web-application-type=servlet", "server.servlet.context-path=/mvc-app",
					"feishu.vc.events.enabled=true" })
	@AutoConfigureFeishuVcEmulator
	class SpringMvcUnderAContextPath extends DeliveryChecks {

	}

	@Nested
	@SpringBootTest(classes = EventsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.main.web-application-type=reactive", "spring.webflux.base-path=/flux-app/",
					"feishu.vc.events.enabled=true" })
	@AutoConfigureFeishuVcEmulator(storeApp = "t1")
	class WebFluxUnderABasePath extends DeliveryChecks {

	}

	@Nested
	@SpringBootTest(classes = EventsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.main.web-application-type=servlet", "spring.mvc.servlet.path=/api",
					"feishu.vc.events.enabled=true" })
	@AutoConfigureFeishuVcEmulator
	class SpringMvcUnderAServletPath extends DeliveryChecks {

	}

	@Nested
	@SpringBootTest(classes = { EventsApplication.class, ContextPathInCode.class },
			webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.main.web-application-type=servlet", "feishu.vc.events.enabled=true" })
	@AutoConfigureFeishuVcEmulator
	class SpringMvcUnderAContextPathSetInCode extends DeliveryChecks {

	}

	/** What an application under a path of its own receives, whichever web stack serves it. */
	abstract static class DeliveryChecks {

		@Autowired
		FeishuVcEmulator emulator;

		@Autowired
		ReserveOperations reserves;

		@Autowired
		Received received;

		@Test
		void shouldDeliverTheEventsToTheEndpointUnderTheApplicationsPath() {
			boolean store = this.emulator.tenants().contains("t1");
			Reserve reserve = TestFeishu.reserve(store ? this.reserves.forTenant("t1") : this.reserves, "ou_owner",
					"under a path");

			String meetingId = this.emulator.meetings().start(reserve.id());

			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(this.received.started).extracting((event) -> event.meeting().id())
					.contains(meetingId));
			assertThat(this.emulator.pushEvent(MeetingStartedEvent.TYPE,
					store ? "t1" : FeishuVcEmulator.DEFAULT_TENANT_KEY, "{}").accepted()).isTrue();
		}

	}

	@Nested
	@SpringBootTest(classes = EventsApplication.class, properties = "feishu.vc.events.enabled=true")
	@AutoConfigureFeishuVcEmulator
	class ListeningWithoutAWebServer {

		@Autowired
		FeishuVcEmulator emulator;

		@Autowired
		ReserveOperations reserves;

		@Test
		void shouldFailAnEventPushAtOnceNamingAWebEnvironmentWithAServer() {
			long start = System.nanoTime();

			assertThatIllegalStateException()
				.isThrownBy(() -> this.emulator.pushEvent(MeetingStartedEvent.TYPE,
						FeishuVcEmulator.DEFAULT_TENANT_KEY, "{}"))
				.withMessageContaining("no web server")
				.withMessageContaining("webEnvironment = WebEnvironment.RANDOM_PORT")
				.withMessageContaining("DEFINED_PORT")
				.withMessageContaining("feishu.vc.events.mode=long-connection");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AT_ONCE);
		}

		/**
		 * A meeting's steps drive what the API returns (the export recipe of docs/testing.md runs under MOCK), so they
		 * hold the meeting and count the events they could not deliver, whether or not the application listens.
		 */
		@Test
		void shouldHoldAMeetingAndCountItsDroppedEventsWhenTheApplicationListens() {
			Reserve reserve = TestFeishu.reserve(this.reserves, "ou_owner", "no server");
			int dropped = this.emulator.droppedEvents();

			String meetingId = this.emulator.meetings().start(reserve.id());

			assertThat(this.reserves.getActiveMeeting(reserve.id()).block().id()).isEqualTo(meetingId);
			int afterStart = this.emulator.droppedEvents();
			assertThat(afterStart).as("MeetingStartedEvent and AllMeetingStartedEvent").isEqualTo(dropped + 2);
			this.emulator.meetings().end(reserve.id());
			assertThat(this.emulator.droppedEvents()).isGreaterThan(afterStart);
		}

	}

	@Nested
	@SpringBootTest(classes = EventsApplication.class)
	@AutoConfigureFeishuVcEmulator
	class NotListeningWithoutAWebServer {

		@Autowired
		FeishuVcEmulator emulator;

		@Autowired
		ReserveOperations reserves;

		@Test
		void shouldHoldAMeetingForAnApplicationThatDoesNotListen() {
			Reserve reserve = TestFeishu.reserve(this.reserves, "ou_owner", "reads only");

			String meetingId = this.emulator.meetings().start(reserve.id());

			assertThat(this.reserves.getActiveMeeting(reserve.id()).block().id()).isEqualTo(meetingId);
		}

		@Test
		void shouldStillFailAnExplicitPushAtOnce() {
			long start = System.nanoTime();

			assertThatIllegalStateException().isThrownBy(this.emulator::pushAppTicket)
				.withMessageContaining("webEnvironment = WebEnvironment.RANDOM_PORT");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AT_ONCE);
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class EventsApplication {

		@Bean
		Received received() {
			return new Received();
		}

	}

	/** A context path that no property names: the emulator finds it on the running server. */
	@SpringBootConfiguration(proxyBeanMethods = false)
	static class ContextPathInCode {

		@Bean
		WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> contextPath() {
			return (factory) -> factory.setContextPath("/in-code");
		}

	}

	/** What the application's listener received. */
	static class Received {

		final List<MeetingStartedEvent> started = new CopyOnWriteArrayList<>();

		@EventListener
		void on(MeetingStartedEvent event) {
			this.started.add(event);
		}

	}

}
