package io.github.feishuvc.redis;

import java.time.Duration;

import io.github.feishuvc.support.RedisCluster;
import io.github.feishuvc.support.RedisServer;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/scaling-out.md ("Redis topologies") says what a Redis Cluster needs on each Spring Boot version, and that what
 * was shared before a failover is still shared after it: with those settings only
 * ({@link RedisCluster#springProperties()}), once the primary of the app's rate-limit slot fails over to its
 * replica, the instance's next permits are given by the new primary. Without adaptive refresh, which Spring Boot
 * 4.0's Lettuce 6 leaves off, the client would keep sending to the dead node and the instance would count alone for
 * good. Run on each version:
 * {@code ./mvnw -B -o verify -Predis-topologies [-Pspring-boot-4.0] -Dtest=RedisClusterFailoverTests ...}
 */
@Tag("redis-topologies")
class RedisClusterFailoverTests {

	private FeishuVcEmulator emulator;

	private RedisCluster cluster;

	private ConfigurableApplicationContext instance;

	@AfterEach
	void stop() {
		if (this.instance != null) {
			this.instance.close();
		}
		if (this.cluster != null) {
			this.cluster.close();
		}
		if (this.emulator != null) {
			this.emulator.close();
		}
	}

	@Test
	void shouldShareTheRateLimitAgainAfterTheClusterFailsOverItsPrimaryWithTheDocumentedSettingsOnly() {
		this.emulator = FeishuVcEmulator.builder().start();
		this.cluster = RedisCluster.start();
		String window = "feishu:vc:{" + this.emulator.appId() + ":-}:rate-limit:reserve.get";
		RedisServer primary = this.cluster.primaryOf(window);
		RedisServer replica = this.cluster.addReplicaOf(primary);
		this.instance = TestFeishu.webApplication(Instance.class, WebApplicationType.NONE, this.emulator)
			.properties("feishu.vc.shared-state.type=redis")
			.properties(this.cluster.springProperties().toArray(String[]::new))
			.run();
		RedisRateLimiter limiter = this.instance.getBean(RedisRateLimiter.class);
		limiter.acquire(null, "reserve.get", 1).block(Duration.ofSeconds(5));
		assertThat(primary.command("ZCARD", window)).as("a permit on the slot's primary").isEqualTo(":1");

		primary.kill();
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> replica.bulk("INFO", "replication").contains("role:master")
					&& replica.bulk("CLUSTER", "INFO").contains("cluster_state:ok"));

		// The replica, now the primary, has the permit; the instance's next permits must be given there.
		Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			long before = Long.parseLong(replica.command("ZCARD", window).substring(1));
			limiter.acquire(null, "reserve.get", 1).block(Duration.ofSeconds(5));
			assertThat(Long.parseLong(replica.command("ZCARD", window).substring(1)) - before)
				.as("a permit given by the new primary (else the instance counts alone: %s)",
						this.instance.getBean(RedisAvailability.class).lastFailure())
				.isEqualTo(1);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Instance {

	}

}
