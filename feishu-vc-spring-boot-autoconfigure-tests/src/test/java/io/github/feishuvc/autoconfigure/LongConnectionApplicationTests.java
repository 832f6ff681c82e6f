package io.github.feishuvc.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.events.longconnection.FeishuLongConnection;
import io.github.feishuvc.events.longconnection.LongConnectionState;
import io.github.feishuvc.health.FeishuVcHealthIndicator;
import io.github.feishuvc.meeting.event.MeetingEvent;
import io.github.feishuvc.meeting.event.MeetingStartedEvent;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.support.ConnectProxy;
import io.github.feishuvc.support.LogCapture;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.Endpoint;
import io.github.feishuvc.test.Fault;
import io.github.feishuvc.test.FeishuVcEmulator;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.transport.ProxyProvider;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A self-built app in {@code feishu.vc.events.mode=long-connection}, with no web server: it opens the emulator's long
 * connection when the context starts, receives the meeting events typed, comes back after a dropped connection
 * without losing what the emulator sends again, stops cleanly, says so when the platform refuses it, and goes through
 * the forward proxy set on the application's HTTP connector.
 */
class LongConnectionApplicationTests {

	private final FeishuVcEmulator emulator = FeishuVcEmulator.builder()
		.longConnectionPingInterval(Duration.ofSeconds(1))
		.recordingProcessingTime(Duration.ofMillis(10))
		.rateLimitReset(Duration.ofMillis(200))
		.start();

	private final ApplicationContextRunner runner = TestFeishu.contextRunner(this.emulator)
		.withConfiguration(AutoConfigurations.of(FeishuVcLongConnectionAutoConfiguration.class,
				FeishuVcHealthContributorAutoConfiguration.class))
		.withPropertyValues("feishu.vc.events.mode=long-connection",
				"feishu.vc.events.long-connection.min-reconnect-delay=100ms")
		.withBean(Listeners.class);

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void shouldReceiveEveryMeetingEventTypedOverTheLongConnection() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(FeishuLongConnection.class);
			awaitConnected(context);
			Reserve reserve = TestFeishu.reserve(context.getBean(ReserveOperations.class), "ou_owner", "over the wire");

			String meetingId = TestFeishu.holdMeeting(this.emulator, reserve.id());

			Listeners listeners = context.getBean(Listeners.class);
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> {
					assertThat(listeners.raw).extracting(FeishuEvent::type).containsAll(TestFeishu.heldMeetingEvents());
					assertThat(listeners.typed).hasSameSizeAs(listeners.raw);
				});
			assertThat(listeners.typed).allSatisfy((event) -> {
				assertThat(event.meeting().id()).isEqualTo(meetingId);
				assertThat(event.tenantKey()).isEqualTo(FeishuVcEmulator.DEFAULT_TENANT_KEY);
			});
			assertThat(listeners.raw).hasSameSizeAs(listeners.typed);
			LongConnectionState state = context.getBean(FeishuLongConnection.class).state();
			assertThat(state.received()).isEqualTo(listeners.raw.size());
			assertThat(state.acknowledged()).isEqualTo(state.received());
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			context.getBean("feishuVcLongConnectionMetrics", MeterBinder.class).bindTo(registry);
			assertThat(registry.get(FeishuVcLongConnectionAutoConfiguration.METRIC).tag("outcome", "acknowledged")
				.functionCounter()
				.count()).isEqualTo(listeners.raw.size());
			assertThat(this.emulator.requestCount(Endpoint.LONG_CONNECTION_ENDPOINT)).isOne();
		});
	}

	@Test
	void shouldConnectAgainAfterADropAndReceiveWhatTheEmulatorSendsAgain() {
		this.runner.run((context) -> {
			awaitConnected(context);

			this.emulator.dropLongConnections();
			// Pushed while the app is away: the emulator holds it until a connection is open again.
			assertThat(this.emulator.pushEvent(MeetingStartedEvent.TYPE, FeishuVcEmulator.DEFAULT_TENANT_KEY,
					"{\"meeting\": {\"id\": \"after-the-drop\"}}").accepted()).isTrue();

			Listeners listeners = context.getBean(Listeners.class);
			Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !listeners.typed.isEmpty());
			assertThat(listeners.typed).singleElement()
				.satisfies((event) -> assertThat(event.meeting().id()).isEqualTo("after-the-drop"));
			assertThat(this.emulator.requestCount(Endpoint.LONG_CONNECTION_ENDPOINT)).isEqualTo(2);
			assertThat(context.getBean(FeishuLongConnection.class).state().status())
				.isEqualTo(LongConnectionState.Status.CONNECTED);
		});
	}

	@Test
	void shouldReassembleFragmentsAndPing() {
		this.emulator.splitEventsInto(3);
		this.runner.run((context) -> {
			awaitConnected(context);

			var d = this.emulator.pushEvent(MeetingStartedEvent.TYPE, FeishuVcEmulator.DEFAULT_TENANT_KEY,
					"{\"meeting\": {\"id\": \"7\", \"topic\": \"" + "t".repeat(300) + "\"}}");
			assertThat(d.accepted()).as(d.body()).isTrue();

			Listeners listeners = context.getBean(Listeners.class);
			Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !listeners.typed.isEmpty());
			assertThat(listeners.typed).singleElement()
				.satisfies((event) -> assertThat(event.meeting().topic()).hasSize(300));
			Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> this.emulator.longConnectionPings() > 0);
		});
	}

	@Test
	void shouldCloseFirstAndLeaveNoThreadWhenTheContextStops() {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		ConfigurableApplicationContext[] stopped = new ConfigurableApplicationContext[1];
		this.runner.run((context) -> {
			awaitConnected(context);
			stopped[0] = context.getSourceApplicationContext();
			long start = System.nanoTime();
			context.close();

			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		});
		Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> this.emulator.longConnectionCount() == 0);
		assertThat(stopped[0].isActive()).isFalse();
		// Netty's own global executor thread ends by itself after a second without work: wait for it, not for ours.
		Awaitility.await()
			.pollInSameThread()
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter((thread) -> !before.contains(thread) && thread.isAlive() && !thread.isDaemon()
						&& !thread.getName().startsWith("awaitility"))
				.map(Thread::getName)
				.collect(Collectors.toSet())).as("threads left behind").isEmpty());
	}

	@Test
	void shouldHandEveryAcknowledgedEventToTheListenersBeforeTheContextHasClosed() throws Exception {
		SlowListener slow = new SlowListener();
		CountDownLatch release = slow.release;
		List<String> handled = slow.handled;
		this.runner.withPropertyValues("feishu.vc.events.listeners.threads=1")
			.withBean(SlowListener.class, () -> slow)
			.run((context) -> {
				awaitConnected(context);
				for (int i = 0; i < 3; i++) {
					assertThat(this.emulator.pushEvent(MeetingStartedEvent.TYPE, FeishuVcEmulator.DEFAULT_TENANT_KEY,
							"{\"meeting\": {\"id\": \"m" + i + "\"}}").accepted()).as("acknowledged").isTrue();
				}
				assertThat(handled).isEmpty();

				Thread closing = new Thread(context::close);
				closing.start();
				Awaitility.await()
					.atMost(Duration.ofSeconds(5))
					.until(() -> !context.getBean(FeishuLongConnection.class).isRunning());
				release.countDown();
				closing.join(10_000);

				assertThat(closing.isAlive()).isFalse();
				assertThat(handled).containsExactly("m0", "m1", "m2");
			});
	}

	@Test
	void shouldRetryTheConnectionLimitAndBeDownOnlyOnceTheGracePeriodHasPassed() {
		this.emulator.refuseLongConnections(true);
		try (LogCapture logs = LogCapture.of(FeishuLongConnection.class.getName(), Level.WARN)) {
			this.runner.withPropertyValues("feishu.vc.events.long-connection.down-after=2s").run((context) -> {
				FeishuLongConnection connection = context.getBean(FeishuLongConnection.class);
				FeishuVcHealthIndicator health = context.getBean(FeishuVcHealthIndicator.class);
				Awaitility.await()
					.atMost(Duration.ofSeconds(5))
					.until(() -> connection.state().status() == LongConnectionState.Status.RECONNECTING);
				assertThat(connection.state().reason()).contains("514 exceed connection limit (1000040350)");
				assertThat(health.health().getStatus()).as("within the grace period").isNotEqualTo(Status.DOWN);

				Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> connection.state().down());
				assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
				@SuppressWarnings("unchecked")
				Map<String, Object> details = (Map<String, Object>) health.health().getDetails().get("longConnection");
				assertThat(details).containsEntry("status", "RECONNECTING");
				assertThat(details.get("reason").toString()).contains("exceed connection limit");
				assertThat(connection.isRunning()).isTrue();
				assertThat(this.emulator.requestCount(Endpoint.LONG_CONNECTION_ENDPOINT)).isGreaterThan(1);

				this.emulator.refuseLongConnections(false);
				awaitConnected(context);
				assertThat(connection.state().down()).isFalse();
				assertThat(health.health().getStatus()).isNotEqualTo(Status.DOWN);
			});
			assertThat(logs.events()).isNotEmpty().allSatisfy((line) -> {
				assertThat(line.getLevel()).isEqualTo(Level.WARN);
				assertThat(line.getFormattedMessage()).doesNotContain(FeishuVcEmulator.DEFAULT_APP_SECRET);
			});
		}
	}

	@Test
	void shouldConnectThroughARateLimitThenAServerErrorOfTheEndpointAtStart() {
		this.emulator.failNext(Endpoint.LONG_CONNECTION_ENDPOINT, Fault.RATE_LIMITED, 1);
		this.emulator.failNext(Endpoint.LONG_CONNECTION_ENDPOINT, Fault.INTERNAL_ERROR, 1);
		this.runner.run((context) -> {
			awaitConnected(context);

			assertThat(this.emulator.requestCount(Endpoint.LONG_CONNECTION_ENDPOINT)).isEqualTo(3);
			assertEventArrives(context, "after-a-rough-start");
		});
	}

	@Test
	void shouldConnectAgainThroughARateLimitThenAServerErrorOfTheEndpoint() {
		this.runner.run((context) -> {
			awaitConnected(context);
			this.emulator.failNext(Endpoint.LONG_CONNECTION_ENDPOINT, Fault.RATE_LIMITED, 1);
			this.emulator.failNext(Endpoint.LONG_CONNECTION_ENDPOINT, Fault.INTERNAL_ERROR, 1);

			this.emulator.dropLongConnections();

			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> this.emulator.requestCount(Endpoint.LONG_CONNECTION_ENDPOINT) == 4);
			awaitConnected(context);
			assertEventArrives(context, "after-a-rough-reconnection");
		});
	}

	@Test
	void shouldReplaceASocketThatStopsAnsweringWithinTheIdleTimeout() {
		this.runner.withPropertyValues("feishu.vc.events.long-connection.idle-timeout=2500ms").run((context) -> {
			awaitConnected(context);
			FeishuLongConnection connection = context.getBean(FeishuLongConnection.class);

			this.emulator.silenceLongConnections();

			// Nothing tells the client: only its watchdog can notice, after 2.5 s without a pong.
			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.until(() -> this.emulator.requestCount(Endpoint.LONG_CONNECTION_ENDPOINT) == 2);
			awaitConnected(context);
			assertThat(connection.state().status()).isEqualTo(LongConnectionState.Status.CONNECTED);
			assertEventArrives(context, "after-the-silence");
		});
	}

	@Test
	void shouldNeverOpenASecondConnectionWhenAnOldSessionEndsLate() {
		this.runner.run((context) -> {
			awaitConnected(context);
			FeishuLongConnection connection = context.getBean(FeishuLongConnection.class);

			// On an event loop thread stop() does not wait for the old session, whose end then comes after start().
			Mono.fromRunnable(() -> {
				connection.stop();
				connection.start();
			}).subscribeOn(Schedulers.parallel()).block();

			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.until(() -> this.emulator.requestCount(Endpoint.LONG_CONNECTION_ENDPOINT) == 2);
			awaitConnected(context);
			Awaitility.await()
				.during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(3))
				.until(() -> this.emulator.longConnectionCount() == 1
						&& this.emulator.requestCount(Endpoint.LONG_CONNECTION_ENDPOINT) == 2);
		});
	}

	@Test
	void shouldGoThroughTheForwardProxyTheApplicationSetForItsHttpConnector() {
		// A name only the proxy resolves: the calls reach the emulator through the proxy or not at all.
		try (ConnectProxy proxy = ConnectProxy.start("open.feishu.test")) {
			int port = URI.create(this.emulator.baseUrl()).getPort();
			this.runner.withPropertyValues("feishu.vc.base-url=http://open.feishu.test:" + port)
				.withBean(ConnectProxy.class, () -> proxy)
				.withUserConfiguration(EgressProxyConfiguration.class)
				.run((context) -> {
					awaitConnected(context);
					assertEventArrives(context, "through-the-proxy");
					TestFeishu.reserve(context.getBean(ReserveOperations.class), "ou_owner", "through the proxy");

					// The URL asked for through a tunnel, and the only URL handed out (each is good once) opened
					// through another: no connection reached the emulator but through the proxy.
					assertThat(this.emulator.requestCount(Endpoint.LONG_CONNECTION_ENDPOINT)).isOne();
					assertThat(proxy.requestLines()).anySatisfy(
							(line) -> assertThat(line).isEqualTo("POST /callback/ws/endpoint HTTP/1.1"))
						.anySatisfy((line) -> assertThat(line).startsWith("GET /callback/ws/connect?device_id="));
					assertThat(proxy.tunnels()).hasSizeGreaterThanOrEqualTo(2)
						.allSatisfy((target) -> assertThat(target).endsWith(":" + port));
					assertThat(proxy.refused()).isZero();
				});
		}
	}

	/** A forward proxy set as Boot's documentation sets one: on the application's HTTP connector, once. */
	@Configuration(proxyBeanMethods = false)
	static class EgressProxyConfiguration {

		@Bean
		ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> egressProxy(ConnectProxy proxy) {
			return (builder) -> builder.withHttpClientCustomizer((client) -> client
				.proxy((spec) -> spec.type(ProxyProvider.Proxy.HTTP).host("127.0.0.1").port(proxy.port())));
		}

	}

	@Test
	void shouldStopAtAWrongSecretWithoutRetrying() {
		this.runner.withPropertyValues("feishu.vc.app-secret=wrong").run((context) -> {
			FeishuLongConnection connection = context.getBean(FeishuLongConnection.class);
			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.until(() -> connection.state().status() == LongConnectionState.Status.REFUSED);

			assertThat(connection.state().reason()).contains("code 10014").doesNotContain("wrong");
			assertThat(this.emulator.requestCount(Endpoint.LONG_CONNECTION_ENDPOINT)).isOne();
		});
	}

	@Test
	void shouldRefuseTheLongConnectionToAStoreAppAtStartup() {
		this.runner.withPropertyValues("feishu.vc.app-type=store", "feishu.vc.events.verification-token=t")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(FeishuVcConfigurationException.class)
				.hasMessageContaining("feishu.vc.events.mode=long-connection is for self-built apps"));
	}

	@Test
	void shouldServeNoWebhookEndpointInLongConnectionMode() {
		this.runner.withConfiguration(AutoConfigurations.of(FeishuVcEventsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean("feishuVcEventRoute")
				.hasSingleBean(FeishuLongConnection.class));
	}

	private void assertEventArrives(ConfigurableApplicationContext context, String meetingId) {
		Listeners listeners = context.getBean(Listeners.class);
		listeners.typed.clear();
		new Thread(() -> this.emulator.pushEvent(MeetingStartedEvent.TYPE, FeishuVcEmulator.DEFAULT_TENANT_KEY,
				"{\"meeting\": {\"id\": \"" + meetingId + "\"}}")).start();
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(listeners.typed).extracting((event) -> event.meeting().id())
				.contains(meetingId));
	}

	private void awaitConnected(ConfigurableApplicationContext context) {
		FeishuLongConnection connection = context.getBean(FeishuLongConnection.class);
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> connection.state().status() == LongConnectionState.Status.CONNECTED
					&& this.emulator.longConnectionCount() == 1);
	}

	/** Handles meeting starts only once released. */
	static class SlowListener {

		final CountDownLatch release = new CountDownLatch(1);

		final List<String> handled = new CopyOnWriteArrayList<>();

		@EventListener
		void on(MeetingStartedEvent event) throws InterruptedException {
			this.release.await(10, TimeUnit.SECONDS);
			this.handled.add(event.meeting().id());
		}

	}

	static class Listeners {

		final List<MeetingEvent> typed = new CopyOnWriteArrayList<>();

		final List<FeishuEvent> raw = new CopyOnWriteArrayList<>();

		@EventListener
		void on(MeetingEvent event) {
			this.typed.add(event);
		}

		@EventListener
		void on(FeishuEvent event) {
			this.raw.add(event);
		}

	}

}
