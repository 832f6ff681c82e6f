package io.github.feishuvc.redis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import io.github.feishuvc.actuate.FeishuVcInboxEndpoint;
import io.github.feishuvc.events.FeishuEventInbox;
import io.github.feishuvc.health.FeishuVcInboxHealthIndicator;
import io.github.feishuvc.meeting.event.MeetingStartedEvent;
import io.github.feishuvc.support.LogCapture;
import io.github.feishuvc.support.RedisServer;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.EventDelivery;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The durable inbox ({@code feishu.vc.events.inbox.enabled}, on by default with the shared state on Redis), over real
 * HTTP, a real long connection and a real {@code redis-server}: an event is acknowledged once appended to the stream,
 * its listeners are retried, one failing on every attempt becomes a dead letter that the actuator endpoint replays,
 * an event survives a Redis restart and the instance that held it, and a Redis outage gets the event pushed again.
 */
class EventInboxApplicationTests extends InboxApplicationTestSupport {

	private static final String STREAM = "feishu:vc:{" + FeishuVcEmulator.DEFAULT_APP_ID + "}:events:inbox";

	@Test
	void shouldHandleOnTheThirdAttemptAnEventWhoseListenerFailedTwice() {
		this.redis = RedisServer.start();
		ConfigurableApplicationContext context = webhookApplication();
		FailingListener listener = context.getBean(FailingListener.class);
		listener.failures.set(2);

		EventDelivery delivery = push();

		assertThat(delivery.accepted()).as("acknowledged once appended").isTrue();
		await().until(() -> listener.succeeded.size() == 1);
		assertThat(listener.seen).hasSize(3).containsOnly(listener.succeeded.get(0));
		FeishuEventInbox inbox = context.getBean(FeishuEventInbox.class);
		await().until(() -> inbox.pending().block() == 0L);
		assertThat(inbox.deadLetters().collectList().block()).isEmpty();
		assertThat(context.getBean(RedisEventInboxReader.class).retries()).isEqualTo(2);
		assertThat(this.emulator.pendingDeliveries()).isEmpty();
	}

	@Test
	void shouldSetAsideAnEventWhoseListenerAlwaysFailsAndReplayItOnceThroughTheActuatorEndpoint() {
		this.redis = RedisServer.start();
		ConfigurableApplicationContext context = webhookApplication();
		FailingListener listener = context.getBean(FailingListener.class);
		listener.failures.set(Integer.MAX_VALUE);
		FeishuVcInboxEndpoint endpoint = context.getBean(FeishuVcInboxEndpoint.class);
		LogCapture logs = LogCapture.everything();
		this.closeables.push(logs);

		assertThat(push().accepted()).isTrue();

		await().until(() -> deadLetters(endpoint).size() == 1);
		assertThat(logs.lines()).as("neither the event's content nor the failure's message")
			.noneMatch((line) -> line.contains("the database is away") || line.contains("\"topic\""))
			.anyMatch((line) -> line.contains("dead letter"));
		FeishuEventInbox.DeadLetter deadLetter = deadLetters(endpoint).get(0);
		assertThat(listener.seen).hasSize(3);
		assertThat(deadLetter.eventId()).isEqualTo(listener.seen.get(0));
		assertThat(deadLetter.type()).isEqualTo(MeetingStartedEvent.TYPE);
		assertThat(deadLetter.error()).isEqualTo(IllegalStateException.class.getName());
		assertThat(deadLetter.message()).isEqualTo("the database is away");
		assertThat(deadLetter.attempts()).isEqualTo(3);
		assertThat(context.getBean(RedisEventInboxReader.class).deadLetters()).isEqualTo(1);

		HttpStatusCode anonymous = WebClient.create(TestFeishu.url(context, "/actuator/feishuvcinbox"))
			.get()
			.exchangeToMono((response) -> Mono.just(response.statusCode()))
			.block();
		assertThat(anonymous).as("secured as the application's other endpoints").isEqualTo(HttpStatus.UNAUTHORIZED);
		String overHttp = actuator(context).get().uri("/feishuvcinbox").retrieve().bodyToMono(String.class).block();
		assertThat(overHttp).contains(deadLetter.id(), "\"attempts\":3").doesNotContain("topic");

		listener.failures.set(0);
		Map<String, Object> replayed = replay(context, deadLetter.id());
		Map<String, Object> again = replay(context, deadLetter.id());

		assertThat(replayed).containsEntry("done", true);
		assertThat(again).as("replayed already").containsEntry("done", false);
		await().until(() -> listener.succeeded.size() == 1);
		await().until(() -> (Long) endpoint.inbox().block().get("pending") == 0L);
		assertThat(listener.seen).hasSize(4).containsOnly(deadLetter.eventId());
		assertThat(deadLetters(endpoint)).isEmpty();
	}

	@Test
	void shouldLoseNoAcknowledgedEventWhenRedisRestartsBeforeTheListenersHandledIt(@TempDir Path dir) {
		this.redis = RedisServer.start(List.of("--appendonly", "yes", "--appendfsync", "always", "--dir",
				dir.toString()));
		ConfigurableApplicationContext first = webhookApplication("feishu.vc.events.inbox.claim-after=1s");
		FailingListener held = first.getBean(FailingListener.class);
		held.hold = new CountDownLatch(1);
		pushThree();
		await().until(() -> held.seen.size() == 3);
		List<String> ids = List.copyOf(held.seen);

		this.redis.restart();

		ConfigurableApplicationContext second = webhookApplication("feishu.vc.events.inbox.claim-after=1s");
		FailingListener taker = second.getBean(FailingListener.class);
		await().atMost(Duration.ofSeconds(20)).until(() -> Set.copyOf(taker.succeeded).equals(Set.copyOf(ids)));
		held.hold.countDown();
		assertThat(this.emulator.pendingDeliveries()).isEmpty();
	}

	@Test
	void shouldHandOverThePendingEventsOfAnInstanceThatStoppedAfterClaimAfter() {
		this.redis = RedisServer.start();
		ConfigurableApplicationContext first = webhookApplication("feishu.vc.events.inbox.claim-after=1s",
				"feishu.vc.events.listeners.shutdown-timeout=0s");
		FailingListener held = first.getBean(FailingListener.class);
		held.hold = new CountDownLatch(1);
		pushThree();
		await().until(() -> held.seen.size() == 3);
		List<String> ids = List.copyOf(held.seen);
		ConfigurableApplicationContext second = webhookApplication("feishu.vc.events.inbox.claim-after=1s");
		FailingListener taker = second.getBean(FailingListener.class);

		first.close();

		await().atMost(Duration.ofSeconds(20)).until(() -> Set.copyOf(taker.succeeded).equals(Set.copyOf(ids)));
		held.hold.countDown();
		assertThat(held.succeeded).isEmpty();
		await().alias("the stopped instance's consumer, holding nothing any more, removed from the group")
			.until(() -> this.redis.command("XINFO", "CONSUMERS", STREAM, "feishu-vc").equals("*1"));
	}

	@Test
	void shouldShowTheEventsReadAndNotHandledAndThoseNotReadYet() {
		this.redis = RedisServer.start();
		ConfigurableApplicationContext context = webhookApplication("feishu.vc.events.listeners.threads=1");
		FailingListener held = context.getBean(FailingListener.class);
		CountDownLatch hold = new CountDownLatch(1);
		held.hold = hold;
		RedisEventInboxReader reader = context.getBean(RedisEventInboxReader.class);
		FeishuEventInbox inbox = context.getBean(FeishuEventInbox.class);

		pushThree();

		await().until(() -> reader.pending() == 1 && reader.lag() == 2);
		assertThat(held.seen).as("one listener thread: one event in hand").hasSize(1);
		assertThat(inbox.pending().block()).isEqualTo(3L);
		held.hold = null;
		hold.countDown();
		await().until(() -> inbox.pending().block() == 0L);
		assertThat(held.succeeded).hasSize(3);
	}

	@Test
	void shouldHandleAgainAnEventWhoseAcknowledgementWasLostOnTheOnlyInstance() {
		this.redis = RedisServer.start();
		ConfigurableApplicationContext context = webhookApplication("feishu.vc.events.inbox.claim-after=1s");
		FailingListener listener = context.getBean(FailingListener.class);
		FeishuEventInbox inbox = context.getBean(FeishuEventInbox.class);
		this.redis.command("ACL", "SETUSER", "default", "-xack");

		assertThat(push().accepted()).isTrue();

		await().until(() -> listener.succeeded.size() == 1);
		this.redis.command("ACL", "SETUSER", "default", "+xack");
		await().until(() -> listener.succeeded.size() == 2);
		await().until(() -> inbox.pending().block() == 0L);
		assertThat(listener.succeeded).as("at least once").containsOnly(listener.succeeded.get(0));
	}

	@Test
	void shouldSetAsideAnEventTakenOverAfterTheInstancesHandlingItStoppedOnEveryAttempt() {
		this.redis = RedisServer.start();
		ConfigurableApplicationContext first = webhookApplication("feishu.vc.events.inbox.claim-after=1s",
				"feishu.vc.events.inbox.max-attempts=1", "feishu.vc.events.listeners.shutdown-timeout=0s");
		FailingListener held = first.getBean(FailingListener.class);
		held.hold = new CountDownLatch(1);
		assertThat(push().accepted()).isTrue();
		await().until(() -> held.seen.size() == 1);
		first.close();

		ConfigurableApplicationContext second = webhookApplication("feishu.vc.events.inbox.claim-after=1s",
				"feishu.vc.events.inbox.max-attempts=1");
		FeishuEventInbox inbox = second.getBean(FeishuEventInbox.class);

		await().until(() -> inbox.deadLetters().count().block() == 1L);
		held.hold.countDown();
		FeishuEventInbox.DeadLetter deadLetter = inbox.deadLetters().blockFirst();
		assertThat(deadLetter.eventId()).isEqualTo(held.seen.get(0));
		assertThat(deadLetter.message()).contains("stopped or died on each of 1 attempt(s)");
		assertThat(second.getBean(FailingListener.class).seen).as("not handed to a listener again").isEmpty();
	}

	@Test
	void shouldRefuseAnEventAtTheEndpointWhileRedisIsDownAndHandleThePushAgainOnceItIsBack() {
		this.redis = RedisServer.start();
		ConfigurableApplicationContext context = webhookApplication();
		assertRefusedWhileRedisIsDownAndHandledOnceBack(context);
	}

	@Test
	void shouldAcknowledgeAFailureOverTheLongConnectionWhileRedisIsDownAndHandleThePushAgainOnceItIsBack() {
		this.redis = RedisServer.start();
		ConfigurableApplicationContext context = TestFeishu
			.webApplication(InboxApplication.class, WebApplicationType.NONE, this.emulator)
			.properties(this.redis.springProperties().toArray(String[]::new))
			.properties("feishu.vc.shared-state.type=redis", "feishu.vc.events.mode=long-connection",
					"feishu.vc.events.inbox.backoff=10ms")
			.run();
		this.closeables.push(context);
		await().until(() -> this.emulator.longConnectionCount() == 1);
		assertRefusedWhileRedisIsDownAndHandledOnceBack(context);
	}

	private void assertRefusedWhileRedisIsDownAndHandledOnceBack(ConfigurableApplicationContext context) {
		FailingListener listener = context.getBean(FailingListener.class);
		FeishuVcInboxHealthIndicator health = context.getBean(FeishuVcInboxHealthIndicator.class);
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		this.redis.kill();
		await().until(() -> health.health().getStatus().equals(Status.DOWN));

		EventDelivery delivery = push();

		assertThat(delivery.accepted()).as("not appended, not acknowledged").isFalse();
		assertThat(this.emulator.pendingDeliveries()).hasSize(1);
		String eventId = this.emulator.pendingDeliveries().get(0).eventId();
		this.redis.restart();
		await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getStatus().equals(Status.UP));
		this.clock.advance(Duration.ofSeconds(15));
		await().until(() -> this.emulator.pendingDeliveries().isEmpty());
		await().until(() -> listener.succeeded.size() == 1);
		assertThat(listener.succeeded).containsExactly(eventId);
	}

	private void pushThree() {
		for (int i = 0; i < 3; i++) {
			assertThat(push().accepted()).as("acknowledged once appended").isTrue();
		}
	}

	/** {@code POST /actuator/feishuvcinbox/{id}} with {@code {"action": "replay"}}, over HTTP. */
	private static Map<String, Object> replay(ConfigurableApplicationContext context, String id) {
		return actuator(context).post()
			.uri("/feishuvcinbox/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("action", "replay"))
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.block();
	}

	private static WebClient actuator(ConfigurableApplicationContext context) {
		return WebClient.builder()
			.baseUrl(TestFeishu.url(context, "/actuator"))
			.defaultHeaders((headers) -> headers.setBasicAuth("operator", "operator-password"))
			.build();
	}

	private static List<FeishuEventInbox.DeadLetter> deadLetters(FeishuVcInboxEndpoint endpoint) {
		@SuppressWarnings("unchecked")
		List<FeishuEventInbox.DeadLetter> deadLetters = (List<FeishuEventInbox.DeadLetter>) endpoint.inbox()
			.block()
			.get("deadLetters");
		return deadLetters;
	}

}
