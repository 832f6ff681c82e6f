package io.github.feishuvc.recipes;

import io.github.feishuvc.reserve.ReserveOperations;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring MVC controller acting as the user whose access token the caller sends (a web page of the user's own that
 * signed in with Feishu): the topic of one of the user's reservations.
 */
@RestController
class MyReservationController {

	private final ReserveOperations reserves;

	MyReservationController(ReserveOperations reserves) {
		this.reserves = reserves;
	}

	@GetMapping("/my/reservations/{reserveId}/topic")
	String topic(@RequestHeader("Feishu-User-Token") String userAccessToken, @PathVariable String reserveId) {
		return this.reserves.withUserAccessToken(userAccessToken)
			.get(reserveId)
			.map((reserve) -> reserve.meetingSettings().topic())
			.block();
	}

}
