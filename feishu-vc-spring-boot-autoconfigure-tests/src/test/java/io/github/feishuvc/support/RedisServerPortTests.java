package io.github.feishuvc.support;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link RedisServer} takes a port from {@link RedisServer#freePort()} and starts {@code redis-server} on it later:
 * another process may take the port meanwhile, as the many Redis tests running beside these on a shared machine do.
 * {@link RedisCluster} retries a node on another port for that ("tried again on other ports should another process
 * take one of them first"), but only when the start fails: when the process that took the port is another Redis, it
 * answers the PING and the start "succeeds" on a server that is not this test's, while this test's process has died.
 */
class RedisServerPortTests {

	@Test
	void shouldFailToStartOnAPortAnotherRedisTookFirst() {
		try (RedisServer other = RedisServer.start()) {
			assertThatIllegalStateException().as("a server started where another Redis listens")
				.isThrownBy(() -> RedisServer.start(other.port(), List.of()).close());
		}
	}

}
