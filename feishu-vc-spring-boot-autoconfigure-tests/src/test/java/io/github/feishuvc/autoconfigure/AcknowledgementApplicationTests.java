package io.github.feishuvc.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.meeting.event.MeetingStartedEvent;
import io.github.feishuvc.support.MutableClock;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.EventDelivery;
import io.github.feishuvc.test.FeishuVcEmulator;
import io.github.feishuvc.test.PendingDelivery;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code feishu.vc.events.acknowledge=after-listeners}, with the emulator pushing again as the platform does (15 s,
 * 5 min, ... on its clock): a listener that fails twice gets the event a third time, and the platform is told only
 * then, at the event endpoint and over the long connection; by default, a failed listener loses its event.
 */
class AcknowledgementApplicationTests {

	private static final String EVENT = "{\"meeting\": {\"id\": \"6911188411934433028\", \"topic\": \"acknowledged\"}}";

	private final MutableClock clock = new MutableClock(Instant.now());

	private final FeishuVcEmulator emulator = FeishuVcEmulator.builder()
		.clock(this.clock)
		.longConnectionPingInterval(Duration.ofSeconds(1))
		.start();

	private ConfigurableApplicationContext context;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.emulator.close();
	}

	@Test
	void shouldAnswerTheEventEndpointOnlyOnceTheListenersSucceeded() {
		this.context = TestFeishu.webApplication(FailingApplication.class, WebApplicationType.REACTIVE, this.emulator)
			.properties("feishu.vc.events.enabled=true", "feishu.vc.events.acknowledge=after-listeners")
			.run();
		this.emulator.deliverEventsTo(TestFeishu.url(this.context, "/feishu/events"));
		FailingListener listener = this.context.getBean(FailingListener.class);
		listener.failures.set(2);

		EventDelivery first = this.emulator.pushEvent(MeetingStartedEvent.TYPE, FeishuVcEmulator.DEFAULT_TENANT_KEY,
				EVENT);

		assertThat(first.accepted()).as(first.body()).isFalse();
		PendingDelivery pending = this.emulator.pendingDeliveries().get(0);
		this.clock.advance(Duration.ofSeconds(15));
		await().until(() -> this.emulator.pendingDeliveries().get(0).attempts() == 2);
		this.clock.advance(Duration.ofMinutes(5));
		await().until(() -> this.emulator.pendingDeliveries().isEmpty());
		assertThat(listener.seen).containsExactly(pending.eventId(), pending.eventId(), pending.eventId());
		assertThat(listener.typed).as("every listener sees each delivery: at least once, the event id makes it once")
			.hasValue(3);
	}

	@Test
	void shouldAcknowledgeAFailureOverTheLongConnectionAndTheSuccessOfThePushAgain() {
		TestFeishu.contextRunner(this.emulator)
			.withConfiguration(AutoConfigurations.of(FeishuVcLongConnectionAutoConfiguration.class))
			.withPropertyValues("feishu.vc.events.mode=long-connection", "feishu.vc.events.acknowledge=after-listeners")
			.withBean(FailingListener.class)
			.run((context) -> {
				FailingListener listener = context.getBean(FailingListener.class);
				listener.failures.set(Integer.MAX_VALUE);
				await().until(() -> this.emulator.longConnectionCount() == 1);

				EventDelivery first = this.emulator.pushEvent(MeetingStartedEvent.TYPE,
						FeishuVcEmulator.DEFAULT_TENANT_KEY, EVENT);

				assertThat(first.accepted()).as("acknowledged with a failure").isFalse();
				assertThat(listener.seen).as("not sent again down the connection that failed it").hasSize(1);
				listener.failures.set(0);
				this.clock.advance(Duration.ofSeconds(15));
				await().until(() -> this.emulator.pendingDeliveries().isEmpty());
				assertThat(listener.seen).hasSize(2).containsOnly(listener.seen.get(0));
				assertThat(listener.typed).hasValue(2);
			});
	}

	@Test
	void shouldLoseTheEventOfAFailedListenerWhenAcknowledgingOnReceipt() {
		this.context = TestFeishu.webApplication(FailingApplication.class, WebApplicationType.REACTIVE, this.emulator)
			.properties("feishu.vc.events.enabled=true")
			.run();
		this.emulator.deliverEventsTo(TestFeishu.url(this.context, "/feishu/events"));
		FailingListener listener = this.context.getBean(FailingListener.class);
		listener.failures.set(Integer.MAX_VALUE);

		assertThat(this.emulator.pushEvent(MeetingStartedEvent.TYPE, FeishuVcEmulator.DEFAULT_TENANT_KEY, EVENT)
			.accepted()).isTrue();

		await().until(() -> listener.seen.size() == 1);
		assertThat(this.emulator.pendingDeliveries()).isEmpty();
	}

	/** The emulator's tick reads its clock every 50 ms: poll as often. */
	private static ConditionFactory await() {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(15))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(10));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class FailingApplication {

		@Bean
		FailingListener failingListener() {
			return new FailingListener();
		}

	}

	/** Fails as many times as it is told, as a listener whose database is away would. */
	static class FailingListener {

		final AtomicInteger failures = new AtomicInteger();

		final List<String> seen = new CopyOnWriteArrayList<>();

		final AtomicInteger typed = new AtomicInteger();

		@EventListener
		void on(FeishuEvent event) {
			this.seen.add(event.eventId());
			if (this.failures.getAndDecrement() > 0) {
				throw new IllegalStateException("the database is away");
			}
		}

		@EventListener
		void on(MeetingStartedEvent event) {
			this.typed.incrementAndGet();
		}

	}

}
