package io.github.feishuvc.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

import org.springframework.boot.SpringBootVersion;
import org.springframework.util.FileSystemUtils;

/**
 * A real Redis Cluster for tests: three primaries ({@code redis-server --cluster-enabled yes}) on free loopback ports,
 * joined by {@code redis-cli --cluster create}, each node's state in a directory of its own that is deleted at the
 * end. Every node is killed on {@link #close()}, or at once if the cluster does not come up.
 */
public final class RedisCluster implements AutoCloseable {

	private final Path directory;

	private final List<RedisServer> nodes = new ArrayList<>();

	private RedisCluster(Path directory) {
		this.directory = directory;
	}

	/**
	 * Start three primaries, join them into one cluster and wait until every node says the cluster is ok.
	 * @return the cluster
	 */
	public static RedisCluster start() {
		String cli = RedisServer.require("redis-cli", "redis-tools");
		RedisCluster cluster;
		try {
			cluster = new RedisCluster(Files.createTempDirectory("redis-cluster"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			for (int i = 0; i < 3; i++) {
				File config = cluster.directory.resolve("nodes-" + i + ".conf").toFile();
				cluster.nodes.add(startNode(List.of("--cluster-enabled", "yes", "--cluster-config-file",
						config.getPath(), "--dir", cluster.directory.toString(), "--cluster-node-timeout", "5000")));
			}
			List<String> create = new ArrayList<>(List.of(cli, "--cluster", "create"));
			cluster.nodes.forEach((node) -> create.add("127.0.0.1:" + node.port()));
			create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
			run(create);
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> cluster.nodes.stream()
					.allMatch((node) -> node.bulk("CLUSTER", "INFO").contains("cluster_state:ok")));
			return cluster;
		}
		catch (RuntimeException | Error ex) {
			cluster.close();
			throw ex;
		}
	}

	/**
	 * The nodes, each a primary of a third of the slots.
	 * @return the nodes
	 */
	public List<RedisServer> nodes() {
		return this.nodes;
	}

	/**
	 * The Spring properties pointing an application at this cluster, all a user writes as docs/scaling-out.md ("Redis
	 * topologies") says: the nodes, and on Spring Boot 4.0 adaptive topology refresh, off by default in its Lettuce
	 * 6 (Lettuce 7, with Spring Boot 4.1, refreshes adaptively by default and Boot dropped the property).
	 * @return {@code spring.data.redis.cluster.nodes}, and on Spring Boot 4.0
	 * {@code spring.data.redis.lettuce.cluster.refresh.adaptive}
	 */
	public List<String> springProperties() {
		List<String> properties = new ArrayList<>();
		properties.add("spring.data.redis.cluster.nodes="
				+ this.nodes.stream().map((node) -> "127.0.0.1:" + node.port()).collect(Collectors.joining(",")));
		if (SpringBootVersion.getVersion().startsWith("4.0.")) {
			properties.add("spring.data.redis.lettuce.cluster.refresh.adaptive=true");
		}
		return properties;
	}

	/**
	 * The slot of a key, as the cluster computes it.
	 * @param key the key
	 * @return its slot
	 */
	public int slot(String key) {
		return Integer.parseInt(this.nodes.get(0).command("CLUSTER", "KEYSLOT", key).substring(1));
	}

	/**
	 * Every key of the cluster, from each of its primaries.
	 * @return the keys
	 */
	public List<String> keys() {
		List<String> keys = new ArrayList<>();
		for (RedisServer node : this.nodes) {
			String reply = node.bulk("EVAL", "return table.concat(redis.call('KEYS', '*'), '\\n')", "0");
			reply.lines().filter((key) -> !key.isEmpty()).forEach(keys::add);
		}
		return keys;
	}

	/**
	 * Add a replica of one of the primaries, and wait until it holds the primary's data and the cluster is ok.
	 * @param primary the primary to replicate
	 * @return the replica
	 */
	public RedisServer addReplicaOf(RedisServer primary) {
		String cli = RedisServer.require("redis-cli", "redis-tools");
		File config = this.directory.resolve("nodes-" + this.nodes.size() + ".conf").toFile();
		RedisServer replica = startNode(List.of("--cluster-enabled", "yes", "--cluster-config-file", config.getPath(),
				"--dir", this.directory.toString(), "--cluster-node-timeout", "5000"));
		this.nodes.add(replica);
		String primaryId = primary.bulk("CLUSTER", "MYID").trim();
		run(List.of(cli, "--cluster", "add-node", "127.0.0.1:" + replica.port(), "127.0.0.1:" + primary.port(),
				"--cluster-slave", "--cluster-master-id", primaryId));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> replica.bulk("INFO", "replication").contains("master_link_status:up")
					&& this.nodes.stream().allMatch((node) -> node.bulk("CLUSTER", "INFO").contains("cluster_state:ok")));
		return replica;
	}

	/**
	 * The primary that holds a key's slot: the others answer {@code MOVED}.
	 * @param key the key
	 * @return its primary
	 */
	public RedisServer primaryOf(String key) {
		for (RedisServer node : this.nodes) {
			try {
				node.command("EXISTS", key);
				if (node.bulk("INFO", "replication").contains("role:master")) {
					return node;
				}
			}
			catch (IllegalStateException ex) {
				// MOVED: another node's slot.
			}
		}
		throw new IllegalStateException("no primary holds " + key);
	}

	@Override
	public void close() {
		this.nodes.forEach(RedisServer::close);
		FileSystemUtils.deleteRecursively(this.directory.toFile());
	}

	/**
	 * A node on a port whose cluster bus port (10000 above it) is free too; tried again on other ports should another
	 * process take one of them first, as tests running beside these may.
	 */
	private static RedisServer startNode(List<String> arguments) {
		for (int attempt = 1;; attempt++) {
			try {
				return RedisServer.start(portWithFreeBus(), arguments);
			}
			catch (IllegalStateException ex) {
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

	private static int portWithFreeBus() {
		for (;;) {
			int port = RedisServer.freePort();
			if (port + 10000 <= 65535) {
				try (ServerSocket bus = new ServerSocket(port + 10000, 1, InetAddress.getLoopbackAddress())) {
					return port;
				}
				catch (IOException ex) {
					// Taken: another port.
				}
			}
		}
	}

	private static void run(List<String> command) {
		run(command, Duration.ofSeconds(30));
	}

	/**
	 * Run a command such as {@code redis-cli}, its output to a file: read from a pipe, it would keep this thread until
	 * the process ended, however long, and the time limit would never apply. Killed when it runs past the limit.
	 * @param command the command
	 * @param limit how long it may run
	 * @throws IllegalStateException if it fails or runs past the limit, with its output
	 */
	static void run(List<String> command, Duration limit) {
		Path output = null;
		try {
			output = Files.createTempFile("redis-cli", ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
			boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
			if (!ended) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			if (!ended || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command)
						+ (ended ? " failed:\n" : " did not end within " + limit + ":\n")
						+ new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			if (output != null) {
				output.toFile().delete();
			}
		}
	}

}
