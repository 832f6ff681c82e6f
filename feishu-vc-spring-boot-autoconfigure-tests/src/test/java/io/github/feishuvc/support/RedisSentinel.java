package io.github.feishuvc.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.springframework.util.FileSystemUtils;

/**
 * A real primary with one replica and a Sentinel watching them (Debian's {@code redis-server} and
 * {@code redis-sentinel}), on free loopback ports; the Sentinel's configuration, which it rewrites, in a directory
 * deleted at the end. Every process is killed on {@link #close()}, or at once if they do not come up.
 */
public final class RedisSentinel implements AutoCloseable {

	/** The name the Sentinel knows the primary by, as {@code spring.data.redis.sentinel.master}. */
	public static final String MASTER = "feishu";

	private static final Pattern OFFSET = Pattern.compile("master_repl_offset:(\\d+)");

	private final Path directory;

	private RedisServer primary;

	private RedisServer replica;

	private RedisServer sentinel;

	private RedisSentinel(Path directory) {
		this.directory = directory;
	}

	/**
	 * Start the primary, its replica and the Sentinel, and wait until the Sentinel knows the replica (it could not
	 * fail over without it).
	 * @return the three, running
	 */
	public static RedisSentinel start() {
		RedisSentinel topology;
		try {
			topology = new RedisSentinel(Files.createTempDirectory("redis-sentinel"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			RedisServer.require("redis-sentinel", "redis-sentinel");
			// A replica writes the copy it receives to its directory: a temporary one each, not the build's.
			topology.primary = RedisServer.start(List.of("--dir", topology.directory("primary")));
			topology.replica = RedisServer.start(List.of("--dir", topology.directory("replica"), "--replicaof",
					"127.0.0.1", Integer.toString(topology.primary.port())));
			Awaitility.await()
				.atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> topology.replica.bulk("INFO", "replication").contains("master_link_status:up"));
			int port = RedisServer.freePort();
			Path config = topology.directory.resolve("sentinel.conf");
			Files.writeString(config, String.join("\n", "port " + port, "bind 127.0.0.1", "protected-mode no",
					"dir " + topology.directory, "sentinel monitor " + MASTER + " 127.0.0.1 " + topology.primary.port() + " 1",
					"sentinel down-after-milliseconds " + MASTER + " 1000",
					"sentinel failover-timeout " + MASTER + " 10000", "sentinel parallel-syncs " + MASTER + " 1", ""));
			topology.sentinel = RedisServer.startSentinel(port, config.toFile());
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> topology.sentinel.bulk("INFO", "sentinel").contains("status=ok")
						&& topology.sentinel.bulk("INFO", "sentinel").contains("slaves=1"));
			return topology;
		}
		catch (IOException ex) {
			topology.close();
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException | Error ex) {
			topology.close();
			throw ex;
		}
	}

	private String directory(String name) throws IOException {
		return Files.createDirectory(this.directory.resolve(name)).toString();
	}

	/**
	 * The Spring properties pointing an application at the primary through the Sentinel, all a user writes.
	 * @return {@code spring.data.redis.sentinel.master} and {@code spring.data.redis.sentinel.nodes}
	 */
	public List<String> springProperties() {
		return List.of("spring.data.redis.sentinel.master=" + MASTER,
				"spring.data.redis.sentinel.nodes=127.0.0.1:" + this.sentinel.port());
	}

	/**
	 * The server that is the primary now.
	 * @return the primary
	 */
	public RedisServer primary() {
		return this.primary;
	}

	/**
	 * Wait until the replica holds every write the primary took, as it will after a quiet moment: Redis replicates
	 * asynchronously, so a failover loses what has not arrived.
	 */
	public void awaitReplicated() {
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> offset(this.primary).equals(offset(this.replica)));
	}

	/**
	 * Fail over as an operator would ({@code SENTINEL FAILOVER}), and wait until the Sentinel names the replica as
	 * the primary, it takes writes, and the old primary follows it. Until the Sentinel turns the old primary into a
	 * replica (some seconds on), that one still takes writes from the clients connected to it, which it then loses;
	 * turning it, the Sentinel closes their connections, and each client asks a Sentinel where the primary is.
	 */
	public void failover() {
		this.sentinel.command("SENTINEL", "FAILOVER", MASTER);
		String port = Integer.toString(this.replica.port());
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.sentinel.bulk("INFO", "sentinel").contains("address=127.0.0.1:" + port)
					&& this.replica.bulk("INFO", "replication").contains("role:master")
					&& this.primary.bulk("INFO", "replication").contains("master_port:" + port));
		RedisServer old = this.primary;
		this.primary = this.replica;
		this.replica = old;
	}

	@Override
	public void close() {
		for (RedisServer server : new RedisServer[] { this.sentinel, this.replica, this.primary }) {
			if (server != null) {
				server.close();
			}
		}
		FileSystemUtils.deleteRecursively(this.directory.toFile());
	}

	private static String offset(RedisServer server) {
		Matcher offset = OFFSET.matcher(server.bulk("INFO", "replication"));
		return offset.find() ? offset.group(1) : "none";
	}

}
