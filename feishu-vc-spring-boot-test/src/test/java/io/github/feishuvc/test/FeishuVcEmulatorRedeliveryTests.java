package io.github.feishuvc.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's pushes again, on the emulator's clock: an event the application did not answer with HTTP 200 in time
 * is pushed again, its id unchanged, 15 seconds, 5 minutes, 1 hour and 6 hours later, and then given up.
 */
class FeishuVcEmulatorRedeliveryTests {

	private static final String EVENT = "{\"meeting\": {\"id\": \"6911188411934433028\"}}";

	private final MovableClock clock = new MovableClock();

	private final FeishuVcEmulator emulator = FeishuVcEmulator.builder().clock(this.clock).start();

	private final JsonMapper json = JsonMapper.builder().build();

	/** The event ids pushed, in order. */
	private final List<String> pushed = new CopyOnWriteArrayList<>();

	/** The answers the application gives, one per push; 200 once they run out. */
	private final List<Integer> answers = new CopyOnWriteArrayList<>();

	private final AtomicInteger delayMillis = new AtomicInteger();

	private DisposableServer application;

	@BeforeEach
	void start() {
		this.application = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> request.receive().aggregate().asByteArray().flatMap((body) -> {
				JsonNode event = this.json.readTree(body);
				this.pushed.add(event.path("header").path("event_id").asString());
				int status = this.answers.isEmpty() ? 200 : this.answers.remove(0);
				return response.status(status)
					.sendString(Mono.just("{}").delayElement(Duration.ofMillis(this.delayMillis.get())))
					.then();
			}))
			.bindNow();
		this.emulator.deliverEventsTo("http://127.0.0.1:" + this.application.port() + "/feishu/events");
	}

	@AfterEach
	void stop() {
		this.application.disposeNow();
		this.emulator.close();
	}

	@Test
	void shouldPushAnEventAgainOnThePlatformsScheduleUntilItIsAcknowledged() {
		this.answers.addAll(List.of(500, 503));

		EventDelivery first = this.emulator.pushEvent("vc.meeting.meeting_started_v1", "t1", EVENT);

		assertThat(first.status()).isEqualTo(500);
		PendingDelivery pending = this.emulator.pendingDeliveries().get(0);
		assertThat(pending.eventType()).isEqualTo("vc.meeting.meeting_started_v1");
		assertThat(pending.attempts()).isOne();
		assertThat(pending.nextAttempt()).isEqualTo(this.clock.instant().plusSeconds(15));
		assertThat(pending.lastAnswer().status()).isEqualTo(500);

		this.clock.advance(Duration.ofSeconds(15));
		awaitPushes(2);
		await().until(() -> this.emulator.pendingDeliveries().get(0).attempts() == 2);
		assertThat(this.emulator.pendingDeliveries().get(0).nextAttempt())
			.isEqualTo(this.clock.instant().plus(Duration.ofMinutes(5)));
		assertThat(this.emulator.pendingDeliveries().get(0).lastAnswer().status()).isEqualTo(503);

		this.clock.advance(Duration.ofMinutes(5));
		awaitPushes(3);
		await().until(() -> this.emulator.pendingDeliveries().isEmpty());
		assertThat(this.pushed).hasSize(3).containsOnly(pending.eventId());
	}

	@Test
	void shouldGiveAnEventUpAfterFourPushesAgain() {
		this.answers.addAll(List.of(500, 500, 500, 500, 500));
		this.emulator.pushEvent("vc.meeting.meeting_started_v1", "t1", EVENT);

		List<Duration> schedule = List.of(Duration.ofSeconds(15), Duration.ofMinutes(5), Duration.ofHours(1),
				Duration.ofHours(6));
		for (int retry = 0; retry < schedule.size(); retry++) {
			int attempts = retry + 1;
			assertThat(this.emulator.pendingDeliveries()).singleElement()
				.satisfies((pending) -> assertThat(pending.attempts()).isEqualTo(attempts));
			this.clock.advance(schedule.get(retry));
			awaitPushes(attempts + 1);
			if (retry < schedule.size() - 1) {
				await().until(() -> this.emulator.pendingDeliveries().get(0).attempts() == attempts + 1);
			}
		}

		await().until(() -> this.emulator.pendingDeliveries().isEmpty());
		assertThat(this.pushed).as("the first push and four again").hasSize(5);
	}

	@Test
	void shouldCountAnAnswerLaterThanThreeSecondsAsAFailure() {
		this.delayMillis.set(3100);

		EventDelivery late = this.emulator.pushEvent("vc.meeting.meeting_started_v1", "t1", EVENT);

		assertThat(late.status()).isEqualTo(200);
		assertThat(this.emulator.pendingDeliveries()).singleElement()
			.satisfies((pending) -> assertThat(pending.attempts()).isOne());
		this.delayMillis.set(0);
		this.clock.advance(Duration.ofSeconds(15));
		await().until(() -> this.emulator.pendingDeliveries().isEmpty());
		assertThat(this.pushed).hasSize(2);
	}

	@Test
	void shouldHoldNothingOfAnEventAcknowledgedAtOnce() {
		assertThat(this.emulator.pushEvent("vc.meeting.meeting_started_v1", "t1", EVENT).status()).isEqualTo(200);

		assertThat(this.emulator.pendingDeliveries()).isEmpty();
	}

	/** The emulator's tick reads its clock every 50 ms: poll as often. */
	private static ConditionFactory await() {
		return Awaitility.await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10));
	}

	private void awaitPushes(int count) {
		await().until(() -> this.pushed.size() >= count);
	}

}
