package io.github.feishuvc.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A plain {@link ServerSocket} peer that answers HTTP the way a broken proxy or a hostile server would: each connection
 * is handed to the next queued {@link Behaviour}, and once none is left it answers like the platform (the reference
 * reservation) and closes. Written for the tests, byte by byte, so that nothing between it and the client smooths the
 * misbehaviour over.
 */
public final class HostilePeer implements AutoCloseable {

	private final ServerSocket server;

	private final ExecutorService connections = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "hostile-peer");
		thread.setDaemon(true);
		return thread;
	});

	private final Queue<Behaviour> behaviours = new ConcurrentLinkedQueue<>();

	private final byte[] goodBody = TestFeishu.referenceResponse().getBytes(StandardCharsets.UTF_8);

	private volatile boolean closed;

	private HostilePeer() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.connections.execute(this::accept);
	}

	public static HostilePeer start() {
		try {
			return new HostilePeer();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getLocalPort();
	}

	/** The next connections, one each, get these behaviours; later ones are answered well. */
	public HostilePeer next(Behaviour... behaviours) {
		this.behaviours.addAll(java.util.List.of(behaviours));
		return this;
	}

	/** Every connection from now on gets this behaviour. */
	public HostilePeer always(Behaviour behaviour, int times) {
		for (int i = 0; i < times; i++) {
			this.behaviours.add(behaviour);
		}
		return this;
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket socket = this.server.accept();
				Behaviour behaviour = this.behaviours.poll();
				this.connections.execute(() -> serve(socket, (behaviour != null) ? behaviour : this::answerWell));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void serve(Socket socket, Behaviour behaviour) {
		try (socket) {
			behaviour.serve(socket.getInputStream(), socket.getOutputStream());
		}
		catch (IOException | InterruptedException ex) {
			// the client went away: what the tests want to see it do
		}
	}

	private void answerWell(InputStream in, OutputStream out) throws IOException {
		readRequest(in);
		out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
				+ this.goodBody.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		out.write(this.goodBody);
		out.flush();
	}

	/**
	 * Read a request's head and its body, if it declares one.
	 * @param in the connection's input
	 * @return the head: the request line and the headers
	 * @throws IOException if the connection fails or closes before the head ends
	 */
	public static String readRequest(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int next = in.read();
			if (next < 0) {
				throw new SocketException("closed before the request's head ended");
			}
			head.write(next);
			matched = (next == "\r\n\r\n".charAt(matched)) ? matched + 1 : (next == '\r') ? 1 : 0;
		}
		String text = head.toString(StandardCharsets.US_ASCII);
		for (String line : text.split("\r\n")) {
			if (line.toLowerCase().startsWith("content-length:")) {
				in.readNBytes(Integer.parseInt(line.substring(15).strip()));
			}
		}
		return text;
	}

	/** Write bytes one at a time with a pause after each, until the client goes away or all are sent. */
	public static void trickle(OutputStream out, byte[] bytes, long pauseMillis) throws IOException, InterruptedException {
		for (byte value : bytes) {
			out.write(value);
			out.flush();
			Thread.sleep(pauseMillis);
		}
	}

	@Override
	public void close() {
		this.closed = true;
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		this.connections.shutdownNow();
		try {
			this.connections.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** What the peer does with one connection. */
	@FunctionalInterface
	public interface Behaviour {

		void serve(InputStream in, OutputStream out) throws IOException, InterruptedException;

	}

}
