package io.github.feishuvc.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code redis-server} on a free loopback port, without persistence, for the {@code inbox} profile's test:
 * skipped where it is not installed, but on CI ({@code FEISHU_VC_CI}), where {@code .ci/run} installs it.
 */
final class LocalRedis implements AutoCloseable {

	private final Process process;

	private final int port;

	private LocalRedis(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static LocalRedis start() throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process process;
		try {
			process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
					"--save", "", "--appendonly", "no")
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectErrorStream(true)
				.start();
		}
		catch (IOException ex) {
			if (System.getenv("FEISHU_VC_CI") != null) {
				throw ex;
			}
			Assumptions.abort("redis-server is not installed (.ci/run installs it)");
			throw new UncheckedIOException(ex);
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return new LocalRedis(process, port);
			}
			catch (IOException notYet) {
				Thread.sleep(20);
			}
		}
		process.destroyForcibly();
		throw new IllegalStateException("redis-server did not listen on port " + port);
	}

	int port() {
		return this.port;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
