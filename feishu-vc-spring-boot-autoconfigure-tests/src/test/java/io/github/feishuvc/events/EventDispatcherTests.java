package io.github.feishuvc.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.feishuvc.core.FeishuVcJson;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EventDispatcher}'s claims: each delivery claims its event under a token of its own, so that the store tells a
 * second delivery of an event being published (pending) from the first.
 */
class EventDispatcherTests {

	@Test
	void shouldClaimEachDeliveryUnderATokenOfItsOwn() {
		List<String> tokens = new CopyOnWriteArrayList<>();
		PublishedEventIds recording = new PublishedEventIds() {

			@Override
			public Mono<Claim> claim(String eventId, String token) {
				tokens.add(token);
				return Mono.just(Claim.PENDING);
			}

			@Override
			public Mono<Void> confirm(String eventId, String token) {
				return Mono.empty();
			}

			@Override
			public Mono<Void> release(String eventId, String token) {
				return Mono.empty();
			}

		};
		EventDispatcher dispatcher = new EventDispatcher(recording, (event) -> {
		}, Runnable::run);
		FeishuEvent event = FeishuEvent.of((ObjectNode) FeishuVcJson.mapper().readTree("{\"schema\":\"2.0\",\"header\":"
				+ "{\"event_id\":\"e-1\",\"event_type\":\"vc.meeting.all_meeting_started_v1\"},\"event\":{}}"));

		dispatcher.dispatch(event).block();
		dispatcher.dispatch(event).block();

		assertThat(tokens).hasSize(2)
			.doesNotHaveDuplicates()
			.allSatisfy((token) -> assertThat(token).hasSizeGreaterThan(16));
	}

}
