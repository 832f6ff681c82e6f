package io.github.feishuvc.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import io.github.feishuvc.auth.AppTicketStore;
import io.github.feishuvc.auth.InMemoryAppTicketStore;
import io.github.feishuvc.auth.TokenStore;
import io.github.feishuvc.core.ClientRateLimiter;
import io.github.feishuvc.core.FeishuVcRateLimiter;
import io.github.feishuvc.health.FeishuVcHealthIndicator;
import io.github.feishuvc.redis.RedisAppTicketStore;
import io.github.feishuvc.redis.RedisAvailability;
import io.github.feishuvc.redis.RedisRateLimiter;
import io.github.feishuvc.redis.RedisTokenStore;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.support.RedisServer;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link FeishuVcRedisAutoConfiguration}.
 */
class FeishuVcRedisAutoConfigurationTests {

	private FeishuVcEmulator emulator;

	private RedisServer redis;

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.start();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
		if (this.redis != null) {
			this.redis.close();
		}
	}

	private ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FeishuVcRedisAutoConfiguration.class, FeishuVcAutoConfiguration.class,
					FeishuVcHealthContributorAutoConfiguration.class, HealthContributorAutoConfiguration.class))
			.withConfiguration(TestFeishu.BOOT_WEB_CLIENT)
			.withPropertyValues(TestFeishu.properties(this.emulator));
	}

	private ApplicationContextRunner withRedis() {
		this.redis = RedisServer.start();
		return contextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class))
			.withPropertyValues(this.redis.springProperties().toArray(String[]::new))
			.withPropertyValues("feishu.vc.shared-state.type=redis");
	}

	@Test
	void shouldChangeNothingWhenNoStoreIsSet() {
		contextRunner().run((context) -> assertThat(context).hasSingleBean(ClientRateLimiter.class)
			.hasSingleBean(InMemoryAppTicketStore.class)
			.doesNotHaveBean(RedisAvailability.class)
			.doesNotHaveBean(TokenStore.class));
	}

	@Test
	void shouldNeedNoRedisClassWhenNoStoreIsSet() {
		contextRunner().withClassLoader(new FilteredClassLoader(ReactiveStringRedisTemplate.class))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ClientRateLimiter.class));
	}

	@Test
	void shouldShareRateLimitsTicketsAndTokensThroughRedis() {
		withRedis().run((context) -> {
			assertThat(context).hasSingleBean(RedisRateLimiter.class)
				.hasSingleBean(RedisAppTicketStore.class)
				.hasSingleBean(RedisTokenStore.class)
				.doesNotHaveBean(ClientRateLimiter.class)
				.doesNotHaveBean(InMemoryAppTicketStore.class);
			context.getBean(ReserveOperations.class).get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block(Duration.ofSeconds(10));
			StringRedisTemplate keys = new StringRedisTemplate(
					context.getBean(org.springframework.data.redis.connection.RedisConnectionFactory.class));
			assertThat(keys.keys("feishu:vc:*")).contains("feishu:vc:{token:" + this.emulator.appId() + ":tenant}",
					"feishu:vc:{" + this.emulator.appId() + ":-}:rate-limit:reserve.get");
			assertThat(keys.opsForValue().get("feishu:vc:{token:" + this.emulator.appId() + ":tenant}")).contains(":t-");
			Health health = context.getBean(FeishuVcHealthIndicator.class).health();
			assertThat(health.getDetails()).containsEntry("sharedState", Map.of("type", "redis", "status", "UP"));
		});
	}

	@Test
	void shouldUseACustomKeyPrefixAndShareNoTokensWhenAskedNotTo() {
		withRedis().withPropertyValues("feishu.vc.shared-state.share-tokens=false", "feishu.vc.shared-state.key-prefix=app1:")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(TokenStore.class).hasSingleBean(RedisRateLimiter.class);
				context.getBean(ReserveOperations.class)
					.get(FeishuVcEmulator.REFERENCE_RESERVE_ID)
					.block(Duration.ofSeconds(10));
				StringRedisTemplate keys = new StringRedisTemplate(
						context.getBean(org.springframework.data.redis.connection.RedisConnectionFactory.class));
				assertThat(keys.keys("*")).isNotEmpty().allSatisfy((key) -> assertThat(key).startsWith("app1:"))
					.noneSatisfy((key) -> assertThat(key).contains("token"));
			});
	}

	@Test
	void shouldBackOffForTheApplicationsOwnBeans() {
		ClientRateLimiter limiter = new ClientRateLimiter(5, 100, Duration.ofSeconds(1), Schedulers.parallel());
		InMemoryAppTicketStore tickets = new InMemoryAppTicketStore();
		withRedis().withBean(FeishuVcRateLimiter.class, () -> limiter)
			.withBean(AppTicketStore.class, () -> tickets)
			.run((context) -> {
				assertThat(context.getBean(FeishuVcRateLimiter.class)).isSameAs(limiter);
				assertThat(context.getBean(AppTicketStore.class)).isSameAs(tickets);
				assertThat(context).hasSingleBean(RedisTokenStore.class);
			});
	}

	@Test
	void shouldSayWhatToAddWithoutSpringDataRedis() {
		contextRunner().withPropertyValues("feishu.vc.shared-state.type=redis")
			.withClassLoader(new FilteredClassLoader(ReactiveStringRedisTemplate.class))
			.run((context) -> {
				assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.isInstanceOf(FeishuVcConfigurationException.class)
					.hasMessageContaining("Spring Data Redis is not on the classpath");
				assertThat(new MissingFeishuVcCredentialsFailureAnalyzer().analyze(context.getStartupFailure())
					.getAction()).contains("spring-boot-starter-data-redis");
			});
	}

	@Test
	void shouldSayWhatToAddWithoutARedisConnection() {
		contextRunner().withPropertyValues("feishu.vc.shared-state.type=REDIS")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(FeishuVcConfigurationException.class)
				.hasMessageContaining("no reactive Redis connection"));
	}

	@Test
	void shouldStartOnItsOwnMemoryWhenRedisIsDown() {
		ApplicationContextRunner runner = withRedis();
		this.redis.kill();
		runner.withPropertyValues("spring.data.redis.connect-timeout=200ms").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(RedisAvailability.class).isAvailable()).isFalse();
			assertThat(context.getBean(ReserveOperations.class)
				.get(FeishuVcEmulator.REFERENCE_RESERVE_ID)
				.block(Duration.ofSeconds(10))
				.id()).isEqualTo(FeishuVcEmulator.REFERENCE_RESERVE_ID);
			assertThat(context.getBean(FeishuVcHealthIndicator.class).health().getDetails().get("sharedState"))
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("status", "DOWN")
				.containsKeys("since", "error");
		});
	}

	@Test
	void shouldWorkWithARedisUserAllowedOnlyTheKeyPrefix() {
		this.redis = RedisServer.start();
		this.redis.command("ACL", "SETUSER", "feishu", "on", ">feishu-password", "~app1:*", "+@all");
		contextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class))
			.withPropertyValues(this.redis.springProperties().toArray(String[]::new))
			.withPropertyValues("spring.data.redis.username=feishu", "spring.data.redis.password=feishu-password",
					"feishu.vc.shared-state.type=redis", "feishu.vc.shared-state.key-prefix=app1:")
			.run((context) -> {
				RedisAvailability availability = context.getBean(RedisAvailability.class);
				assertThat(availability.isAvailable()).as(String.valueOf(availability.lastFailure())).isTrue();
				context.getBean(ReserveOperations.class)
					.get(FeishuVcEmulator.REFERENCE_RESERVE_ID)
					.block(Duration.ofSeconds(10));
				assertThat(availability.isAvailable()).as(String.valueOf(availability.lastFailure())).isTrue();
			});
	}

	@Test
	void shouldRefuseARedisOlderThanFive() {
		assertThatExceptionOfType(FeishuVcConfigurationException.class)
			.isThrownBy(() -> FeishuVcRedisAutoConfiguration.checkVersion("4.0.14"))
			.withMessageContaining("needs Redis 5.0 or newer")
			.withMessageContaining("4.0.14");
		for (String accepted : new String[] { "5.0.0", "7.0.15", "10.1", "", "unknown" }) {
			FeishuVcRedisAutoConfiguration.checkVersion(accepted);
		}
		FeishuVcRedisAutoConfiguration.checkVersion(null);
	}

	@Test
	void shouldReadTheOldestVersionOfAClustersNodes() {
		Properties cluster = new Properties();
		cluster.setProperty("127.0.0.1:7001.redis_version", "7.0.15");
		cluster.setProperty("127.0.0.1:7002.redis_version", "4.0.14");
		cluster.setProperty("127.0.0.1:7002.redis_mode", "cluster");
		Properties standalone = new Properties();
		standalone.setProperty("redis_version", "6.2.1");

		assertThat(FeishuVcRedisAutoConfiguration.oldestVersion(cluster)).isEqualTo("4.0.14");
		assertThat(FeishuVcRedisAutoConfiguration.oldestVersion(standalone)).isEqualTo("6.2.1");
		assertThat(FeishuVcRedisAutoConfiguration.oldestVersion(new Properties())).isEmpty();
	}

	@Test
	void shouldRefuseAKeyPrefixWhoseEmptyBracesDefeatTheHashTags() {
		withRedis().withPropertyValues("feishu.vc.shared-state.key-prefix=app{}:").run((context) -> {
			assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(FeishuVcConfigurationException.class)
				.hasMessageContaining("feishu.vc.shared-state.key-prefix is 'app{}:'")
				.hasMessageContaining("CROSSSLOT");
			assertThat(new MissingFeishuVcCredentialsFailureAnalyzer().analyze(context.getStartupFailure())
				.getAction()).contains("Remove the braces");
		});
		for (String accepted : new String[] { "feishu:vc:", "{app1}:", "app{1:", "app}{:" }) {
			FeishuVcRedisAutoConfiguration.checkKeyPrefix(accepted);
		}
	}

}
