package io.github.feishuvc.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * A real Redis for tests: Debian's {@code redis-server} (which {@code .ci/run} installs when it is missing), started on a
 * free loopback port without persistence, and stopped, killed or restarted on the same port as a test needs; or, the
 * same way, a node of a cluster, a replica or a Sentinel ({@link RedisCluster}, {@link RedisSentinel}).
 * Without the executable the test is skipped, unless {@code FEISHU_VC_CI} is set (as {@code .ci/run} does), when
 * it fails. Every process still running when the JVM ends, however it ends (a test that failed before it closed its
 * servers, a JVM halted), is killed then by a watchdog of its own.
 */
public final class RedisServer implements AutoCloseable {

	private final int port;

	private final List<String> command;

	private Process process;

	private Process watchdog;

	private final List<LettuceConnectionFactory> connections = new ArrayList<>();

	private RedisServer(int port, List<String> command) {
		this.port = port;
		this.command = command;
		launch();
	}

	public static RedisServer start() {
		return start(List.of());
	}

	/**
	 * A server started with arguments of its own besides the port and no persistence, such as
	 * {@code --replicaof} or {@code --cluster-enabled yes}.
	 * @param arguments the further arguments of {@code redis-server}
	 * @return the server, answering PING
	 */
	public static RedisServer start(List<String> arguments) {
		return start(freePort(), arguments);
	}

	/**
	 * A server started on a given port, with arguments of its own.
	 * @param port the port
	 * @param arguments the further arguments of {@code redis-server}
	 * @return the server, answering PING
	 */
	static RedisServer start(int port, List<String> arguments) {
		String executable = require("redis-server", "redis-server");
		List<String> command = new ArrayList<>(List.of(executable, "--port", Integer.toString(port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no"));
		command.addAll(arguments);
		return new RedisServer(port, command);
	}

	/**
	 * A Sentinel, Debian's {@code redis-sentinel}, started with a configuration file that it may rewrite.
	 * @param port the port the configuration names
	 * @param config the configuration file
	 * @return the Sentinel, answering PING
	 */
	static RedisServer startSentinel(int port, File config) {
		return new RedisServer(port, List.of(require("redis-sentinel", "redis-sentinel"), config.getPath()));
	}

	/**
	 * The path of an executable, or the test skipped (failed under {@code FEISHU_VC_CI}) without it.
	 * @param name the executable, such as {@code redis-cli}
	 * @param debianPackage the Debian package that installs it
	 * @return its path
	 */
	static String require(String name, String debianPackage) {
		String executable = executable(name);
		if (executable == null) {
			String reason = name + " is not installed (apt-get install " + debianPackage
					+ "; .ci/run installs it)";
			if (System.getenv("FEISHU_VC_CI") != null) {
				throw new IllegalStateException(reason);
			}
			Assumptions.abort(reason);
		}
		return executable;
	}

	public int port() {
		return this.port;
	}

	/**
	 * A reactive connection to this server, closed with it, connected now.
	 * @return the template
	 */
	public ReactiveStringRedisTemplate connect() {
		return connect(true);
	}

	/**
	 * A reactive connection to this server, closed with it, that connects on its first operation, as an
	 * application's does when Redis was down at its start.
	 * @return the template
	 */
	public ReactiveStringRedisTemplate connectLater() {
		return connect(false);
	}

	private ReactiveStringRedisTemplate connect(boolean now) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", this.port));
		// Connected here, as the starter's warm-up connects at start-up: the client connects blocking, which a first
		// operation on a scheduler's thread must not do.
		factory.setEagerInitialization(now);
		factory.afterPropertiesSet();
		factory.start();
		this.connections.add(factory);
		return new ReactiveStringRedisTemplate(factory);
	}

	/** The Spring properties pointing an application at this server. */
	public List<String> springProperties() {
		return List.of("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + this.port,
				"spring.data.redis.timeout=2s");
	}

	/**
	 * Run a command on the server, as {@code redis-cli} would.
	 * @param arguments the command and its arguments
	 * @return the first line of the reply, such as {@code +OK}
	 * @throws IllegalStateException if the reply is an error
	 */
	public String command(String... arguments) {
		return send(false, arguments);
	}

	/**
	 * Run a command whose reply is a bulk string, such as {@code INFO}, and read it whole.
	 * @param arguments the command and its arguments
	 * @return the reply's text, or the first line of a reply of another kind
	 * @throws IllegalStateException if the reply is an error
	 */
	public String bulk(String... arguments) {
		return send(true, arguments);
	}

	private String send(boolean whole, String... arguments) {
		StringBuilder request = new StringBuilder("*").append(arguments.length).append("\r\n");
		for (String argument : arguments) {
			request.append('$').append(argument.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
				.append(argument).append("\r\n");
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 1000);
			socket.setSoTimeout(2000);
			socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
			InputStream in = socket.getInputStream();
			StringBuilder line = new StringBuilder();
			for (int next = in.read(); next != -1 && next != '\r'; next = in.read()) {
				line.append((char) next);
			}
			if (line.length() == 0 || line.charAt(0) == '-') {
				throw new IllegalStateException("Redis refused " + arguments[0] + ": " + line);
			}
			if (whole && line.charAt(0) == '$' && !line.toString().equals("$-1")) {
				in.read();
				return new String(in.readNBytes(Integer.parseInt(line.substring(1))), StandardCharsets.UTF_8);
			}
			return line.toString();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Make a server that the tests of a class share what a server started for the next test would be: running
	 * (started again if a test killed it), empty, with no script cached, and no connection of an earlier test open.
	 */
	public void reset() {
		disconnect();
		if (!this.process.isAlive()) {
			restart();
			return;
		}
		command("FLUSHALL");
		command("SCRIPT", "FLUSH");
	}

	/** Close the connections made so far ({@link #connect()}); the server goes on. */
	public void disconnect() {
		this.connections.forEach(LettuceConnectionFactory::destroy);
		this.connections.clear();
	}

	/** Kill the server at once, as a crash would. */
	public void kill() {
		stop(this.process, this.watchdog);
	}

	/** Start it again on the same port, empty. */
	public void restart() {
		kill();
		launch();
	}

	/** Starts the process with its watchdog, and waits until it answers on its port. */
	private void launch() {
		Process started = startProcess();
		Process watchdog = watch(started);
		try {
			awaitServing(started);
		}
		catch (RuntimeException ex) {
			stop(started, watchdog);
			throw ex;
		}
		this.process = started;
		this.watchdog = watchdog;
	}

	/**
	 * A shell that kills the server once this JVM is gone, however it ended. PIT halts a test JVM that ran past its
	 * time, and no shutdown hook (nor {@link #close()}) runs then: the shell reads this JVM's end of a pipe, which the
	 * kernel closes with the JVM, and its read ends there.
	 */
	private static Process watch(Process server) {
		try {
			return new ProcessBuilder("sh", "-c", "read -r _; kill -9 " + server.pid() + " 2>/dev/null")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			server.destroyForcibly();
			throw new IllegalStateException(ex);
		}
	}

	private Process startProcess() {
		try {
			return new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void awaitServing(Process started) {
		try {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (!answersPing()) {
				if (System.nanoTime() > deadline || !started.isAlive()) {
					throw new IllegalStateException(this.command.get(0) + " did not start on port " + this.port);
				}
				Thread.sleep(20);
			}
			// The port came from freePort() a moment ago: another Redis may have taken it meanwhile, and its PONG says
			// nothing of ours, which then failed to bind. Only our process id tells them apart (and lets
			// RedisCluster try another port).
			if (!ownsPort(started)) {
				throw new IllegalStateException(this.command.get(0) + " did not start on port " + this.port
						+ ": another server already listens there");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private boolean ownsPort(Process started) {
		try {
			return bulk("INFO", "server").lines().anyMatch((line) -> line.equals("process_id:" + started.pid()));
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	private static void stop(Process server, Process watchdog) {
		server.destroyForcibly();
		waitFor(server);
		watchdog.destroyForcibly();
	}

	private boolean answersPing() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
			socket.setSoTimeout(500);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] answer = new byte[7];
			return in.readNBytes(answer, 0, 7) == 7 && new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n");
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		disconnect();
		this.process.destroy();
		waitFor(this.process);
		this.watchdog.destroyForcibly();
	}

	private static void waitFor(Process process) {
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String executable(String name) {
		for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
			File candidate = new File(dir, name);
			if (candidate.canExecute()) {
				return candidate.getPath();
			}
		}
		File debian = new File("/usr/bin", name);
		return debian.canExecute() ? debian.getPath() : null;
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
