package io.github.feishuvc.recipes;

import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveOperations;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Recipe "A Spring MVC slice test": the controller alone, the starter's operations a mock, and the view acting as the
 * user ({@code withUserAccessToken}) another.
 */
@WebMvcTest(MyReservationController.class)
class MyReservationControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	ReserveOperations reserves;

	@Test
	void shouldAnswerTheTopicOfTheUsersReservation() {
		ReserveOperations asAlice = mock(ReserveOperations.class);
		given(this.reserves.withUserAccessToken("u-alice")).willReturn(asAlice);
		given(asAlice.get("r1")).willReturn(Mono.just(FeishuVcJson.mapper().readValue("""
				{"id": "r1", "meeting_settings": {"topic": "1:1 with Bob"}}""", Reserve.class)));

		assertThat(this.mvc.get().uri("/my/reservations/r1/topic").header("Feishu-User-Token", "u-alice"))
			.hasStatusOk()
			.hasBodyTextEqualTo("1:1 with Bob");
	}

}
