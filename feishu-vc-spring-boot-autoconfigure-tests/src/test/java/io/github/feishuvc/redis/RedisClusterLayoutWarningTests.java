package io.github.feishuvc.redis;

import java.util.ArrayList;
import java.util.List;

import io.github.feishuvc.support.RedisCluster;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a Redis Cluster whose client never reads the cluster's layout again (Spring Boot 4.0's Lettuce 6 without
 * {@code spring.data.redis.lettuce.cluster.refresh.*}), an instance stops sharing after a failover
 * ({@link RedisClusterFailoverTests}): the starter says so at startup, and is silent with what docs/scaling-out.md
 * tells users to write. Run on each version: {@code -Predis-topologies [-Pspring-boot-4.0]}.
 */
@Tag("redis-topologies")
@ExtendWith(OutputCaptureExtension.class)
class RedisClusterLayoutWarningTests {

	private static final String WARNING = "never reads the cluster's layout again";

	private FeishuVcEmulator emulator;

	private RedisCluster cluster;

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.builder().start();
		this.cluster = RedisCluster.start();
	}

	@AfterEach
	void stop() {
		if (this.cluster != null) {
			this.cluster.close();
		}
		if (this.emulator != null) {
			this.emulator.close();
		}
	}

	@Test
	void shouldNotWarnWithTheDocumentedSettings(CapturedOutput output) {
		run(this.cluster.springProperties());
		assertThat(output).doesNotContain(WARNING);
	}

	@Test
	void shouldWarnWithTheNodesAloneOnSpringBoot40Only(CapturedOutput output) {
		List<String> nodesAlone = this.cluster.springProperties()
			.stream()
			.filter((property) -> property.startsWith("spring.data.redis.cluster.nodes="))
			.toList();
		run(nodesAlone);
		if (SpringBootVersion.getVersion().startsWith("4.0.")) {
			assertThat(output).as("Lettuce 6, no refresh by default").contains(WARNING);
		}
		else {
			assertThat(output).as("Lettuce 7, adaptive refresh by default").doesNotContain(WARNING);
		}
	}

	private void run(List<String> redis) {
		List<String> properties = new ArrayList<>(redis);
		properties.add("feishu.vc.shared-state.type=redis");
		try (ConfigurableApplicationContext instance = TestFeishu
			.webApplication(Instance.class, WebApplicationType.NONE, this.emulator)
			.properties(properties.toArray(String[]::new))
			.run()) {
			assertThat(instance.getBean(RedisAvailability.class).lastFailure()).as("Redis answered").isNull();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Instance {

	}

}
