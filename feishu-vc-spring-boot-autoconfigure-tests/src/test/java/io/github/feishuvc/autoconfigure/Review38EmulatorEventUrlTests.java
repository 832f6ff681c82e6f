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

/**
 * Review of 4ce6709: the emulator's event URL under {@code @AutoConfigureFeishuVcEmulator} reads the context path from
 * {@code server.servlet.context-path} only. An application whose event endpoint sits under another prefix that Spring
 * serves it at (the DispatcherServlet's {@code spring.mvc.servlet.path}, which the Spring MVC RouterFunction of the
 * endpoint is under; a context path set in code by a {@code WebServerFactoryCustomizer}) receives no event: the
 * emulator posts to {@code /feishu/events} and gets a 404. Each test here fails at 4ce6709.
 */
class Review38EmulatorEventUrlTests {

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

	abstract static class DeliveryChecks {

		@Autowired
		FeishuVcEmulator emulator;

		@Autowired
		ReserveOperations reserves;

		@Autowired
		Received received;

		@Test
		void shouldDeliverTheEventsToTheEndpointWhereTheApplicationServesIt() {
			assertThat(this.emulator.pushEvent(MeetingStartedEvent.TYPE, FeishuVcEmulator.DEFAULT_TENANT_KEY, "{}")
				.status()).as("the status of the emulator's push").isEqualTo(200);
			Reserve reserve = TestFeishu.reserve(this.reserves, "ou_owner", "under a prefix");
			String meetingId = this.emulator.meetings().start(reserve.id());
			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(this.received.started).extracting((event) -> event.meeting().id())
					.contains(meetingId));
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

	@SpringBootConfiguration(proxyBeanMethods = false)
	static class ContextPathInCode {

		@Bean
		WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> contextPath() {
			return (factory) -> factory.setContextPath("/in-code");
		}

	}

	static class Received {

		final List<MeetingStartedEvent> started = new CopyOnWriteArrayList<>();

		@EventListener
		void on(MeetingStartedEvent event) {
			this.started.add(event);
		}

	}

}
