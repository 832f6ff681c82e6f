package io.github.feishuvc.support;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A forward proxy on loopback, as a company network's only way out: it opens a tunnel for each {@code CONNECT} and
 * refuses anything else (a request for an absolute URI included), and remembers each tunnel's target and the first
 * request line sent through it (the platform's emulator speaks plain HTTP, so the proxy can read it). Host names
 * given to it resolve here only, to loopback: a client that reaches such a host at all went through the proxy.
 */
public final class ConnectProxy implements AutoCloseable {

	private final ServerSocket server;

	private final Set<String> hosts;

	private final ExecutorService threads = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "connect-proxy");
		thread.setDaemon(true);
		return thread;
	});

	private final List<String> tunnels = new CopyOnWriteArrayList<>();

	private final Map<Integer, String> firstRequestLines = new ConcurrentHashMap<>();

	private final AtomicInteger refused = new AtomicInteger();

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private ConnectProxy(Set<String> hosts) throws IOException {
		this.hosts = hosts;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.threads.execute(this::accept);
	}

	/**
	 * Start a proxy.
	 * @param hosts names that resolve, through the proxy only, to loopback
	 * @return the proxy, listening on a free loopback port
	 */
	public static ConnectProxy start(String... hosts) {
		try {
			return new ConnectProxy(Set.of(hosts));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/** The targets ({@code host:port}) of the tunnels opened, in order. */
	public List<String> tunnels() {
		return List.copyOf(this.tunnels);
	}

	/** The first request line sent through each tunnel, in the order the tunnels opened. */
	public List<String> requestLines() {
		return this.firstRequestLines.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(Map.Entry::getValue)
			.toList();
	}

	/** How many requests were not a {@code CONNECT} and were refused. */
	public int refused() {
		return this.refused.get();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.open.add(client);
				this.threads.execute(() -> serve(client));
			}
			catch (IOException ex) {
				// Closed.
			}
		}
	}

	private void serve(Socket client) {
		try {
			String head = readHead(client.getInputStream());
			String[] requestLine = head.split("\r\n", 2)[0].split(" ");
			OutputStream toClient = client.getOutputStream();
			if (requestLine.length != 3 || !requestLine[0].equals("CONNECT")) {
				this.refused.incrementAndGet();
				toClient.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
				client.close();
				return;
			}
			String target = requestLine[1];
			int colon = target.lastIndexOf(':');
			String host = target.substring(0, colon);
			Socket upstream = new Socket(
					this.hosts.contains(host) ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host),
					Integer.parseInt(target.substring(colon + 1)));
			this.open.add(upstream);
			int tunnel;
			synchronized (this.tunnels) {
				this.tunnels.add(target);
				tunnel = this.tunnels.size();
			}
			toClient.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			toClient.flush();
			this.threads.execute(() -> pump(upstream, client, -1));
			pump(client, upstream, tunnel);
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(client);
		}
	}

	/** Copies bytes one way until either end closes, noting the first line of a tunnel's first request. */
	private void pump(Socket from, Socket to, int tunnel) {
		byte[] buffer = new byte[8192];
		boolean first = tunnel > 0;
		try (from; to) {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			int read;
			while ((read = in.read(buffer)) >= 0) {
				if (first) {
					String text = new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
					int end = text.indexOf("\r\n");
					this.firstRequestLines.put(tunnel, (end >= 0) ? text.substring(0, end) : text);
					first = false;
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// One end closed: the try closes both.
		}
		finally {
			this.open.remove(from);
			this.open.remove(to);
		}
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		while (matched < end.length) {
			int next = in.read();
			if (next < 0 || head.size() > 8192) {
				throw new IOException("no request head");
			}
			head.write(next);
			matched = (next == end[matched]) ? matched + 1 : ((next == '\r') ? 1 : 0);
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	private static void closeQuietly(Closeable socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Closed already.
		}
	}

	@Override
	public void close() {
		closeQuietly(this.server);
		this.open.forEach(ConnectProxy::closeQuietly);
		this.threads.shutdownNow();
	}

}
