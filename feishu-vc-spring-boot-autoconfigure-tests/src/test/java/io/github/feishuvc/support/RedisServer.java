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
 * free loopback port without persistence, and stopped, killed or restarted on the same port as a test needs.
 * Without {@code redis-server} the test is skipped, unless {@code FEISHU_VC_CI} is set (as {@code .ci/run} does), when
 * it fails.
 */
public final class RedisServer implements AutoCloseable {

	private final int port;

	private Process process;

	private Process watchdog;

	private final List<LettuceConnectionFactory> connections = new ArrayList<>();

	private RedisServer(int port) {
		this.port = port;
		launch();
	}

	public static RedisServer start() {
		String executable = executable();
		if (executable == null) {
			String reason = "redis-server is not installed (apt-get install redis-server; .ci/run installs it)";
			if (System.getenv("FEISHU_VC_CI") != null) {
				throw new IllegalStateException(reason);
			}
			Assumptions.abort(reason);
		}
		return new RedisServer(freePort());
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
			return line.toString();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Kill the server at once, as a crash would. */
	public void kill() {
		this.process.destroyForcibly();
		waitFor(this.process);
		this.watchdog.destroyForcibly();
	}

	/** Start it again on the same port, empty. */
	public void restart() {
		kill();
		launch();
	}

	private void launch() {
		this.process = startServer();
		this.watchdog = watch(this.process);
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

	private Process startServer() {
		try {
			Process started = new ProcessBuilder(executable(), "--port", Integer.toString(this.port), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (!answersPing()) {
				if (System.nanoTime() > deadline || !started.isAlive()) {
					started.destroyForcibly();
					throw new IllegalStateException("redis-server did not start on port " + this.port);
				}
				Thread.sleep(20);
			}
			return started;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
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
		this.connections.forEach(LettuceConnectionFactory::destroy);
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

	private static String executable() {
		for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
			File candidate = new File(dir, "redis-server");
			if (candidate.canExecute()) {
				return candidate.getPath();
			}
		}
		File debian = new File("/usr/bin/redis-server");
		return debian.canExecute() ? debian.getPath() : null;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
