package io.github.feishuvc.recipes;

import io.github.feishuvc.reserve.ReserveOperations;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A store app's WebFlux controller: the topic of a reservation in one of the tenants that installed the app. */
@RestController
class TenantReservationController {

	private final ReserveOperations reserves;

	TenantReservationController(ReserveOperations reserves) {
		this.reserves = reserves;
	}

	@GetMapping("/tenants/{tenantKey}/reservations/{reserveId}/topic")
	Mono<String> topic(@PathVariable String tenantKey, @PathVariable String reserveId) {
		return this.reserves.forTenant(tenantKey)
			.get(reserveId)
			.map((reserve) -> reserve.meetingSettings().topic());
	}

}
