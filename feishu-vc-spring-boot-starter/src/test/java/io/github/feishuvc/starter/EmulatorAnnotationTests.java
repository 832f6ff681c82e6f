package io.github.feishuvc.starter;

import java.time.Duration;
import java.time.Instant;

import io.github.feishuvc.meeting.event.MeetingStartedEvent;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveApplyRequest;
import io.github.feishuvc.reserve.ReserveMeetingSettingRequest;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.test.AutoConfigureFeishuVcEmulator;
import io.github.feishuvc.test.Endpoint;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureFeishuVcEmulator} on the tests of applications: a self-built app in a context without a web
 * server, and a store app in a WebFlux and in a Spring MVC application whose app ticket the emulator pushes to the
 * application's own event endpoint.
 */
class EmulatorAnnotationTests {

	@Nested
	@SpringBootTest
	@AutoConfigureFeishuVcEmulator
	class SelfBuiltApp {

		@Autowired
		FeishuVcEmulator emulator;

		@Autowired
		ReserveOperations reserves;

		@Test
		void shouldPointTheStarterAtTheInjectedEmulator() {
			Reserve reserve = this.reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block();

			assertThat(reserve.meetingNo()).isEqualTo("112000358");
			assertThat(this.emulator.requestCount(Endpoint.TENANT_ACCESS_TOKEN)).isOne();
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=reactive")
	@AutoConfigureFeishuVcEmulator(storeApp = { "t1", "t2" }, encryptKey = "annotation-key")
	class StoreAppOnWebFlux extends StoreAppChecks {

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=servlet")
	@AutoConfigureFeishuVcEmulator(storeApp = { "t1", "t2" }, encryptKey = "annotation-key")
	class StoreAppOnSpringMvc extends StoreAppChecks {

	}

	/** What a store app's tests check, whichever web stack serves its event endpoint. */
	abstract static class StoreAppChecks {

		@Autowired
		FeishuVcEmulator emulator;

		@Autowired
		ReserveOperations reserves;

		@Autowired
		ApplicationContext context;

		@Autowired
		TestApplication.MeetingEvents events;

		@Test
		void shouldReceiveTheTicketAtTheApplicationsOwnEndpointAndActForEachTenant() {
			this.emulator.addTenantReserve("t2", "{\"id\": \"r-t2\", \"meeting_settings\": {\"topic\": \"t2 review\"}}");

			Reserve reserve = this.reserves.forTenant("t2").get("r-t2").block();

			assertThat(reserve.meetingSettings().topic()).isEqualTo("t2 review");
			assertThat(this.emulator.requestCount(Endpoint.APP_TICKET_RESEND)).isOne();
			assertThat(this.emulator.springProperties()).containsEntry("feishu.vc.app-type", "store")
				.containsEntry("feishu.vc.events.encrypt-key", "annotation-key");
			assertThat(((WebServerApplicationContext) this.context).getWebServer().getPort()).isPositive();
		}

		@Test
		void shouldDeliverTheEventsOfAMeetingToTheApplicationsListeners() {
			Reserve reserve = this.reserves.forTenant("t1").apply(ReserveApplyRequest.builder()
				.endTime(Instant.now().plus(Duration.ofDays(1)))
				.ownerId("ou_owner")
				.meetingSettings(ReserveMeetingSettingRequest.builder().topic("annotated").build())
				.build()).block().reserve();

			String meetingId = this.emulator.meetings().start(reserve.id());

			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(this.events.received).anySatisfy((event) -> {
					assertThat(event).isInstanceOf(MeetingStartedEvent.class);
					assertThat(event.meeting().id()).isEqualTo(meetingId);
					assertThat(event.tenantKey()).isEqualTo("t1");
				}));
		}

	}

}
