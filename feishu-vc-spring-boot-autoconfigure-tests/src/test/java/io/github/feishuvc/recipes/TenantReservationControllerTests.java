package io.github.feishuvc.recipes;

import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveOperations;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Recipe "A WebFlux slice test": the controller alone, the starter's operations a mock, and the view it asks for
 * ({@code forTenant}) another.
 */
@WebFluxTest(TenantReservationController.class)
class TenantReservationControllerTests {

	@Autowired
	WebTestClient client;

	@MockitoBean
	ReserveOperations reserves;

	@Test
	void shouldAnswerTheTopicOfATenantsReservation() {
		ReserveOperations inTenant = mock(ReserveOperations.class);
		given(this.reserves.forTenant("t1")).willReturn(inTenant);
		given(inTenant.get("r1")).willReturn(Mono.just(FeishuVcJson.mapper().readValue("""
				{"id": "r1", "meeting_settings": {"topic": "Standup"}}""", Reserve.class)));

		this.client.get()
			.uri("/tenants/t1/reservations/r1/topic")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("Standup");
	}

}
