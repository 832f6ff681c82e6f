package io.github.feishuvc.events.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.feishuvc.auth.InMemoryAppTicketStore;
import io.github.feishuvc.events.EventDispatcher;
import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.events.InMemoryPublishedEventIds;
import io.github.feishuvc.support.EventEndpointServer;
import io.github.feishuvc.support.PlainEvents;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review of issue 34: the endpoint answers on the server's event loop, and each delivery's claim token is drawn there
 * ({@code EventDispatcher.dispatch}, {@code UUID.randomUUID()}): the JDK's default generator (NativePRNG) refills its
 * buffer from {@code /dev/urandom}, a blocking read that BlockHound refuses on an event loop, as the emulator's own
 * change to a DRBG says. Enough events are pushed, one after another, that the buffer is refilled at least once.
 */
class EventDispatchOnEventLoopTests {

	@Test
	void shouldAcknowledgeEveryEventWithoutABlockingCallOnTheEventLoop() {
		List<FeishuEvent> published = new CopyOnWriteArrayList<>();
		FeishuEventReceiver receiver = new FeishuEventReceiver(
				new FeishuEventReceiver.Settings(FeishuVcEmulator.DEFAULT_APP_ID,
						FeishuVcEmulator.DEFAULT_VERIFICATION_TOKEN, null, Duration.ofMinutes(5)),
				new InMemoryAppTicketStore(),
				new EventDispatcher(new InMemoryPublishedEventIds(), (event) -> published.add((FeishuEvent) event),
						Runnable::run),
				Clock.systemUTC(), (reason) -> {
				});
		try (EventEndpointServer endpoint = EventEndpointServer.serving(receiver)) {
			for (int i = 0; i < 64; i++) {
				assertThat(PlainEvents.push(endpoint.url(), "ev-loop-" + i)).as("event %d", i).isEqualTo(200);
			}
		}
		assertThat(published).hasSize(64);
	}

}
