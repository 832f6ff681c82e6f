package io.github.feishuvc.support;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@link RedisCluster} runs {@code redis-cli --cluster create} with a time limit, so that a cluster that never forms
 * fails the test instead of hanging the build: the limit must hold while the command prints nothing and goes on.
 */
class RedisClusterCommandTests {

	@Test
	void shouldKillACommandThatRunsPastItsLimitAndSayWhatItPrinted() {
		List<String> silentForAMinute = List.of("sh", "-c", "echo waiting; exec sleep 60");
		assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> assertThatIllegalStateException()
					.isThrownBy(() -> RedisCluster.run(silentForAMinute, Duration.ofSeconds(1)))
					.withMessageContaining("did not end within PT1S")
					.withMessageContaining("waiting"));
	}

	@Test
	void shouldSayWhatAFailedCommandPrinted() {
		assertThatIllegalStateException()
			.isThrownBy(() -> RedisCluster.run(List.of("sh", "-c", "echo refused; exit 3"), Duration.ofSeconds(10)))
			.withMessageContaining("failed")
			.withMessageContaining("refused");
	}

}
