package io.github.feishuvc.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.feishuvc.auth.AppTicketStore;
import io.github.feishuvc.auth.CachingTenantAccessTokenProvider;
import io.github.feishuvc.auth.InMemoryAppTicketStore;
import io.github.feishuvc.auth.StoreAppTokenProvider;
import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.events.EventDispatcher;
import io.github.feishuvc.events.EventListenerPool;
import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.events.InMemoryPublishedEventIds;
import io.github.feishuvc.events.PublishedEventIds;
import io.github.feishuvc.events.webhook.FeishuEventReceiver;
import io.github.feishuvc.events.webhook.FeishuEventReceiver.EventRequest;
import io.github.feishuvc.events.webhook.RefusalListener;
import io.github.feishuvc.events.webhook.RefusalReason;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.github.feishuvc.health.FeishuVcHealthIndicator;
import io.github.feishuvc.redis.RedisPublishedEventIds;
import io.github.feishuvc.support.FixedTenantToken;
import io.github.feishuvc.support.RedisServer;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FeishuVcEventsAutoConfiguration} and the store-app variant of {@link FeishuVcAutoConfiguration}.
 */
class FeishuVcEventsAutoConfigurationTests {

	private static final AutoConfigurations FEISHU = AutoConfigurations.of(FeishuVcAutoConfiguration.class,
			FeishuVcEventsAutoConfiguration.class, FeishuVcHealthContributorAutoConfiguration.class,
			HealthContributorAutoConfiguration.class);

	private FeishuVcEmulator store;

	private FeishuVcEmulator selfBuilt;

	@BeforeEach
	void start() {
		this.store = FeishuVcEmulator.builder().storeApp("t1").encryptKey("key").start();
		this.selfBuilt = FeishuVcEmulator.start();
	}

	@AfterEach
	void stop() {
		this.store.close();
		this.selfBuilt.close();
	}

	private ReactiveWebApplicationContextRunner reactive(FeishuVcEmulator emulator) {
		return new ReactiveWebApplicationContextRunner().withConfiguration(FEISHU)
			.withConfiguration(TestFeishu.BOOT_WEB_CLIENT)
			.withPropertyValues(TestFeishu.properties(emulator));
	}

	private WebApplicationContextRunner servlet(FeishuVcEmulator emulator) {
		return new WebApplicationContextRunner().withConfiguration(FEISHU)
			.withConfiguration(TestFeishu.BOOT_WEB_CLIENT)
			.withPropertyValues(TestFeishu.properties(emulator));
	}

	@Nested
	class StoreApp {

		@Test
		void shouldServeTheEventEndpointOnAWebFluxServer() {
			reactive(FeishuVcEventsAutoConfigurationTests.this.store).run((context) -> {
				assertThat(context).hasSingleBean(StoreAppTokenProvider.class)
					.hasSingleBean(InMemoryAppTicketStore.class)
					.hasSingleBean(FeishuEventReceiver.class)
					.hasSingleBean(FeishuVcHealthIndicator.class)
					.hasBean("feishuVcEventRoute");
				assertThat(context.getBean("feishuVcEventRoute"))
					.isInstanceOf(org.springframework.web.reactive.function.server.RouterFunction.class);
			});
		}

		@Test
		void shouldServeTheEventEndpointOnAServletServer() {
			servlet(FeishuVcEventsAutoConfigurationTests.this.store).run((context) -> {
				assertThat(context).hasSingleBean(FeishuEventReceiver.class).hasBean("feishuVcEventRoute");
				assertThat(context.getBean("feishuVcEventRoute"))
					.isInstanceOf(org.springframework.web.servlet.function.RouterFunction.class);
			});
		}

		@Test
		void shouldBindTheAppTypeRelaxedly() {
			reactive(FeishuVcEventsAutoConfigurationTests.this.store).withPropertyValues("feishu.vc.app-type=STORE")
				.run((context) -> assertThat(context).hasSingleBean(StoreAppTokenProvider.class)
					.doesNotHaveBean(CachingTenantAccessTokenProvider.class));
		}

		@Test
		void shouldServeNoEndpointWhenSwitchedOff() {
			reactive(FeishuVcEventsAutoConfigurationTests.this.store).withPropertyValues("feishu.vc.events.enabled=false")
				.run((context) -> assertThat(context).hasSingleBean(StoreAppTokenProvider.class)
					.hasSingleBean(AppTicketStore.class)
					.doesNotHaveBean(FeishuEventReceiver.class)
					.doesNotHaveBean("feishuVcEventRoute"));
		}

		@Test
		void shouldRefuseToStartWithoutAWebServerToReceiveItsTicket() {
			new ApplicationContextRunner().withConfiguration(FEISHU)
				.withConfiguration(TestFeishu.BOOT_WEB_CLIENT)
				.withPropertyValues(TestFeishu.properties(FeishuVcEventsAutoConfigurationTests.this.store))
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.isInstanceOf(FeishuVcConfigurationException.class)
					.hasMessageContaining("this application has no web server"));
		}

		@Test
		void shouldServeNoEndpointWithoutAWebServerWhenTheApplicationFeedsItsTickets() {
			new ApplicationContextRunner().withConfiguration(FEISHU)
				.withConfiguration(TestFeishu.BOOT_WEB_CLIENT)
				.withPropertyValues(TestFeishu.properties(FeishuVcEventsAutoConfigurationTests.this.store))
				.withPropertyValues("feishu.vc.events.enabled=false")
				.run((context) -> assertThat(context).hasSingleBean(StoreAppTokenProvider.class)
					.doesNotHaveBean(FeishuEventReceiver.class));
		}

		@Test
		void shouldFailWithoutTheVerificationToken() {
			reactive(FeishuVcEventsAutoConfigurationTests.this.store)
				.withPropertyValues("feishu.vc.events.verification-token=")
				.run((context) -> {
					assertThat(context).hasFailed()
						.getFailure()
						.rootCause()
						.isInstanceOfSatisfying(MissingFeishuVcCredentialsException.class,
								(ex) -> assertThat(ex.getMissingProperties())
									.containsExactly("feishu.vc.events.verification-token"));
					var analysis = new MissingFeishuVcCredentialsFailureAnalyzer().analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).contains("verification token",
							"feishu.vc.events.verification-token is not set");
					assertThat(analysis.getAction()).contains("Events and callbacks", "feishu.vc.events.enabled=false");
				});
		}

		@Test
		void shouldExplainThatCaffeineIsMissing() {
			reactive(FeishuVcEventsAutoConfigurationTests.this.store).withClassLoader(new FilteredClassLoader(Caffeine.class))
				.run((context) -> {
					assertThat(context).hasFailed()
						.getFailure()
						.rootCause()
						.isInstanceOf(FeishuVcConfigurationException.class)
						.hasMessageContaining("Caffeine is not on the classpath");
					var analysis = new MissingFeishuVcCredentialsFailureAnalyzer().analyze(context.getStartupFailure());
					assertThat(analysis.getAction()).contains("com.github.ben-manes.caffeine:caffeine");
				});
		}

		@Test
		void shouldNeedNoCaffeineForASelfBuiltApp() {
			reactive(FeishuVcEventsAutoConfigurationTests.this.selfBuilt)
				.withClassLoader(new FilteredClassLoader(Caffeine.class))
				.run((context) -> assertThat(context).hasSingleBean(CachingTenantAccessTokenProvider.class));
		}

		@Test
		void shouldBackOffForBeansOfTheApplicationsOwn() {
			InMemoryAppTicketStore tickets = new InMemoryAppTicketStore();
			reactive(FeishuVcEventsAutoConfigurationTests.this.store).withBean(AppTicketStore.class, () -> tickets)
				.withBean("feishuVcEventRoute", String.class, () -> "an application's own route")
				.run((context) -> {
					assertThat(context.getBean(AppTicketStore.class)).isSameAs(tickets);
					assertThat(context.getBean("feishuVcEventRoute")).isEqualTo("an application's own route");
				});
		}

		@Test
		void shouldUseATokenProviderOfTheApplicationsOwn() {
			reactive(FeishuVcEventsAutoConfigurationTests.this.store)
				.withBean(TenantAccessTokenProvider.class, () -> new FixedTenantToken("t-own"))
				.run((context) -> assertThat(context).hasSingleBean(TenantAccessTokenProvider.class)
					.doesNotHaveBean(StoreAppTokenProvider.class));
		}

	}

	@Nested
	class SelfBuiltApp {

		@Test
		void shouldServeNoEndpointByDefault() {
			reactive(FeishuVcEventsAutoConfigurationTests.this.selfBuilt)
				.run((context) -> assertThat(context).hasSingleBean(CachingTenantAccessTokenProvider.class)
					.doesNotHaveBean(FeishuEventReceiver.class)
					.doesNotHaveBean("feishuVcEventRoute"));
		}

		@Test
		void shouldServeTheEndpointWhenSwitchedOn() {
			servlet(FeishuVcEventsAutoConfigurationTests.this.selfBuilt)
				.withPropertyValues("feishu.vc.events.enabled=true", "feishu.vc.events.verification-token=v",
						"feishu.vc.events.path=/hooks/feishu")
				.run((context) -> assertThat(context).hasSingleBean(FeishuEventReceiver.class)
					.hasBean("feishuVcEventRoute"));
		}

	}

	@Nested
	class Listeners {

		private final FeishuEvent event = new FeishuEvent("vc.meeting.meeting_started_v1", "ev-1", "t1",
				FeishuVcEmulator.DEFAULT_APP_ID, "{}");

		@Test
		void shouldRunListenersOnTheApplicationsOwnEventExecutor() {
			List<Runnable> tasks = new CopyOnWriteArrayList<>();
			reactive(FeishuVcEventsAutoConfigurationTests.this.store)
				.withBean(FeishuVcEventsAutoConfiguration.EVENT_EXECUTOR, Executor.class, () -> tasks::add)
				.run((context) -> {
					assertThat(context).doesNotHaveBean(EventListenerPool.class);
					context.getBean(EventDispatcher.class).dispatch(this.event).block();
					assertThat(tasks).hasSize(1);
				});
		}

		@Test
		void shouldRunListenersOnABoundedPoolOfItsOwnLeavingBootsTaskExecutorToTheApplication() {
			reactive(FeishuVcEventsAutoConfigurationTests.this.store)
				.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
				.withPropertyValues("feishu.vc.events.listeners.threads=3", "feishu.vc.events.listeners.queue-capacity=7")
				.withBean(ListenerThreads.class)
				.run((context) -> {
					assertThat(context).hasSingleBean(EventListenerPool.class)
						.hasBean("applicationTaskExecutor")
						.getBean(EventListenerPool.class)
						.hasToString("EventListenerPool[threads=3, queued=0, stopped=false]");
					context.getBean(EventDispatcher.class).dispatch(this.event).block();
					List<String> threads = context.getBean(ListenerThreads.class).names;
					Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !threads.isEmpty());
					assertThat(threads).singleElement()
						.satisfies((name) -> assertThat(name).startsWith("feishu-vc-events-"));
				});
		}

		@Test
		void shouldKeepPublishedIdsInMemoryUnlessTheApplicationSharesThem() {
			reactive(FeishuVcEventsAutoConfigurationTests.this.store)
				.run((context) -> assertThat(context).hasSingleBean(InMemoryPublishedEventIds.class));
			PublishedEventIds own = new InMemoryPublishedEventIds();
			reactive(FeishuVcEventsAutoConfigurationTests.this.store).withBean(PublishedEventIds.class, () -> own)
				.run((context) -> assertThat(context.getBean(PublishedEventIds.class)).isSameAs(own));
		}

	}

	@Nested
	class Refusals {

		@Test
		void shouldCountRefusalsByReasonInTheApplicationsMeterRegistry() {
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			reactive(FeishuVcEventsAutoConfigurationTests.this.store).withBean(MeterRegistry.class, () -> meters)
				.run((context) -> {
					FeishuEventReceiver receiver = context.getBean(FeishuEventReceiver.class);
					receiver.tooLarge();
					receiver.receive(new EventRequest(null, null, null, "garbage".getBytes())).block();
					receiver.receive(new EventRequest(null, null, null, "garbage".getBytes())).block();

					assertThat(meters.get("feishu.vc.events.refused").tag("reason", "too-large").counter().count())
						.isEqualTo(1);
					assertThat(meters.get("feishu.vc.events.refused").tag("reason", "not-json").counter().count())
						.isEqualTo(2);
				});
		}

		@Test
		void shouldNeedNoMicrometer() {
			reactive(FeishuVcEventsAutoConfigurationTests.this.store)
				.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
				.run((context) -> assertThat(context).hasNotFailed()
					.hasSingleBean(FeishuEventReceiver.class)
					.doesNotHaveBean(RefusalListener.class));
		}

		@Test
		void shouldTellTheApplicationsOwnListeners() {
			List<RefusalReason> reasons = new CopyOnWriteArrayList<>();
			reactive(FeishuVcEventsAutoConfigurationTests.this.store)
				.withBean(RefusalListener.class, () -> reasons::add)
				.run((context) -> {
					context.getBean(FeishuEventReceiver.class).tooLarge();
					assertThat(reasons).containsExactly(RefusalReason.TOO_LARGE);
				});
		}

	}

	/**
	 * Each event's id is claimed on Redis before the event is answered: a Redis timeout that leaves the answer no time
	 * stops the start-up, naming the property; one that fits starts.
	 */
	@Nested
	class SharedStateTimeout {

		private RedisServer redis;

		@AfterEach
		void stopRedis() {
			if (this.redis != null) {
				this.redis.close();
			}
		}

		@Test
		void shouldRefuseToStartWithARedisTimeoutTheAnswerToAnEventCannotWaitFor() {
			onRedis(reactive(FeishuVcEventsAutoConfigurationTests.this.store))
				.withPropertyValues("feishu.vc.shared-state.timeout=2001ms")
				.run((context) -> {
					assertThat(context).hasFailed()
						.getFailure()
						.rootCause()
						.isInstanceOf(FeishuVcConfigurationException.class)
						.hasMessageStartingWith("feishu.vc.shared-state.timeout is 2001ms, but each event received is "
								+ "answered within 2500ms");
					var analysis = new MissingFeishuVcCredentialsFailureAnalyzer().analyze(context.getStartupFailure());
					assertThat(analysis.getAction()).contains("feishu.vc.shared-state.timeout to 2000ms or less");
				});
		}

		@Test
		void shouldRefuseItOverTheLongConnectionToo() {
			onRedis(new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(FeishuVcAutoConfiguration.class,
						FeishuVcLongConnectionAutoConfiguration.class))
				.withConfiguration(TestFeishu.BOOT_WEB_CLIENT)
				.withPropertyValues(TestFeishu.properties(FeishuVcEventsAutoConfigurationTests.this.selfBuilt)))
				.withPropertyValues("feishu.vc.events.mode=long-connection", "feishu.vc.shared-state.timeout=5s")
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.isInstanceOf(FeishuVcConfigurationException.class)
					.hasMessageContaining("feishu.vc.shared-state.timeout is 5000ms"));
		}

		@Test
		void shouldStartWithTheLongestRedisTimeoutThatFits() {
			this.redis = RedisServer.start();
			onRedis(reactive(FeishuVcEventsAutoConfigurationTests.this.store))
				.withPropertyValues(this.redis.springProperties().toArray(String[]::new))
				.withPropertyValues("feishu.vc.shared-state.timeout=2s")
				.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(RedisPublishedEventIds.class));
		}

		@Test
		void shouldLeaveTheTimeoutAloneWithoutRedis() {
			reactive(FeishuVcEventsAutoConfigurationTests.this.store).withPropertyValues("feishu.vc.shared-state.timeout=5s")
				.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(InMemoryPublishedEventIds.class));
		}

		private <R extends AbstractApplicationContextRunner<R, ?, ?>> R onRedis(R runner) {
			return runner
				.withConfiguration(AutoConfigurations.of(FeishuVcRedisAutoConfiguration.class,
						DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class))
				.withPropertyValues("feishu.vc.shared-state.type=redis");
		}

	}

	static class ListenerThreads {

		final List<String> names = new CopyOnWriteArrayList<>();

		@EventListener
		void on(FeishuEvent event) {
			this.names.add(Thread.currentThread().getName());
		}

	}

	@Test
	void shouldMaskTheEventSecretsInTheProperties() {
		reactive(this.store).withPropertyValues("feishu.vc.events.encrypt-key=the-encrypt-key")
			.run((context) -> assertThat(context.getBean(FeishuVcProperties.class) + " "
					+ context.getBean(FeishuVcEventsProperties.class))
				.contains("appType=STORE", "verificationToken=[masked]", "encryptKey=[masked]")
				.doesNotContain(FeishuVcEmulator.DEFAULT_VERIFICATION_TOKEN, "the-encrypt-key"));
	}

}
