package io.github.feishuvc.autoconfigure;

import io.github.feishuvc.actuate.FeishuVcInboxEndpoint;
import io.github.feishuvc.events.FeishuEventInbox;
import io.github.feishuvc.health.FeishuVcInboxHealthIndicator;
import io.github.feishuvc.redis.RedisEventInboxReader;
import io.github.feishuvc.support.RedisServer;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the durable inbox is on: by default with the shared state on Redis, never without it (asking for it then stops
 * the start-up), and off when switched off; with it come its health indicator, its actuator endpoint and its meters.
 */
class FeishuVcEventInboxConfigurationTests {

	private final FeishuVcEmulator emulator = FeishuVcEmulator.start();

	private RedisServer redis;

	@BeforeEach
	void startRedis() {
		this.redis = RedisServer.start();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
		if (this.redis != null) {
			this.redis.close();
		}
	}

	private ReactiveWebApplicationContextRunner contextRunner() {
		return new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FeishuVcRedisAutoConfiguration.class,
					FeishuVcAutoConfiguration.class, FeishuVcEventsAutoConfiguration.class,
					FeishuVcHealthContributorAutoConfiguration.class, HealthContributorAutoConfiguration.class,
					DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class))
			.withConfiguration(TestFeishu.BOOT_WEB_CLIENT)
			.withPropertyValues(TestFeishu.properties(this.emulator))
			.withPropertyValues(this.redis.springProperties().toArray(String[]::new))
			.withPropertyValues("feishu.vc.events.enabled=true");
	}

	@Test
	void shouldAppendToTheInboxByDefaultWithTheSharedStateOnRedis() {
		contextRunner().withPropertyValues("feishu.vc.shared-state.type=redis").run((context) -> {
			assertThat(context).hasSingleBean(FeishuEventInbox.class)
				.hasSingleBean(RedisEventInboxReader.class)
				.hasSingleBean(FeishuVcInboxHealthIndicator.class)
				.hasSingleBean(FeishuVcInboxEndpoint.class);
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			context.getBean("feishuVcEventInboxMetrics", MeterBinder.class).bindTo(registry);
			assertThat(registry.getMeters()).extracting((meter) -> meter.getId().getName())
				.containsExactlyInAnyOrder("feishu.vc.events.inbox.pending", "feishu.vc.events.inbox.lag",
						"feishu.vc.events.inbox.retries", "feishu.vc.events.inbox.dead-letters");
		});
	}

	@Test
	void shouldHaveNoInboxWhenSwitchedOff() {
		contextRunner().withPropertyValues("feishu.vc.shared-state.type=redis", "feishu.vc.events.inbox.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(FeishuEventInbox.class)
				.doesNotHaveBean(RedisEventInboxReader.class));
	}

	@Test
	void shouldHaveNoInboxWithTheSharedStateInMemory() {
		contextRunner().run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(FeishuEventInbox.class));
	}

	@Test
	void shouldRefuseToStartWhenTheInboxIsAskedForWithoutRedis() {
		contextRunner().withPropertyValues("feishu.vc.events.inbox.enabled=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(FeishuVcConfigurationException.class)
				.hasMessageContaining("feishu.vc.events.inbox.enabled is true")
				.hasMessageContaining("feishu.vc.shared-state.type is memory"));
	}

}
