package io.github.feishuvc.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The platform's long connection, for self-built apps: the endpoint that hands out a connection's URL
 * ({@code POST /callback/ws/endpoint}), the WebSocket behind it, and the events sent down it as the platform sends
 * them: in {@code pbbp2.Frame}s, to one open connection chosen at random, each waiting three seconds for its
 * acknowledgement and handed to another connection when none came or it said the handling failed. Pings are
 * answered with pongs that carry the connection's settings. At most {@value #CONNECTION_LIMIT} connections are open at once; beyond, and whenever the
 * test says so, the handshake is refused as the platform refuses it (HTTP 514, auth error {@code 1000040350}).
 */
final class EmulatedLongConnections {

	static final String ENDPOINT_PATH = "/callback/ws/endpoint";

	static final String CONNECT_PATH = "/callback/ws/connect";

	/** The platform's limit of connections an app may have open. */
	static final int CONNECTION_LIMIT = 50;

	/** How long the platform waits for an event's acknowledgement before sending it again. */
	private static final Duration ACK_DEADLINE = Duration.ofSeconds(3);

	/** How long an event waits for a connection to be open, and how often it is sent before it is given up. */
	private static final Duration CONNECTION_WAIT = Duration.ofSeconds(10);

	private static final int ATTEMPTS = 3;

	private final EmulatedApp app;

	private final Replies replies;

	private final int pingIntervalSeconds;

	private final int reconnectIntervalSeconds;

	private final int reconnectNonceSeconds;

	private final int reconnectCount;

	private final Set<String> issued = ConcurrentHashMap.newKeySet();

	private final Map<String, Open> open = new ConcurrentHashMap<>();

	private final AtomicInteger pings = new AtomicInteger();

	private volatile @Nullable String connectUrl;

	private volatile boolean inUse;

	private volatile boolean refusing;

	private volatile int fragments = 1;

	EmulatedLongConnections(EmulatedApp app, Replies replies, Duration pingInterval, Duration reconnectInterval,
			Duration reconnectNonce, int reconnectCount) {
		this.app = app;
		this.replies = replies;
		this.pingIntervalSeconds = (int) Math.max(1, pingInterval.toSeconds());
		this.reconnectIntervalSeconds = (int) reconnectInterval.toSeconds();
		this.reconnectNonceSeconds = (int) reconnectNonce.toSeconds();
		this.reconnectCount = reconnectCount;
	}

	void baseUrl(String baseUrl) {
		this.connectUrl = baseUrl.replaceFirst("^http", "ws") + CONNECT_PATH;
	}

	/** {@code POST /callback/ws/endpoint}: the URL of a new connection and its settings, for a self-built app. */
	Replies.Reply endpoint(byte[] body) {
		JsonNode request;
		try {
			request = this.replies.mapper().readTree(body);
		}
		catch (JacksonException ex) {
			return endpointError(400, "invalid request body");
		}
		if (!this.app.appId().equals(request.path("AppID").asString(""))
				|| !this.app.appSecret().equals(request.path("AppSecret").asString(""))) {
			return endpointError(10014, "app secret invalid");
		}
		if (this.app.store()) {
			return endpointError(1000040345, "long connection is for self-built apps only");
		}
		String deviceId = this.replies.randomHex(8);
		this.issued.add(deviceId);
		// As the developer console's choice of the long connection would: from now on events go down it.
		this.inUse = true;
		int serviceId = 1 + ThreadLocalRandom.current().nextInt(1_000_000);
		ObjectNode data = this.replies.object();
		data.put("URL", this.connectUrl + "?device_id=" + deviceId + "&service_id=" + serviceId);
		data.set("ClientConfig", clientConfig());
		ObjectNode answer = this.replies.object().put("code", 0).put("msg", "ok");
		answer.set("data", data);
		return this.replies.json(200, answer);
	}

	private Replies.Reply endpointError(int code, String msg) {
		return this.replies.json(200, this.replies.object().put("code", code).put("msg", msg));
	}

	private ObjectNode clientConfig() {
		return this.replies.object()
			.put("ReconnectCount", this.reconnectCount)
			.put("ReconnectInterval", this.reconnectIntervalSeconds)
			.put("ReconnectNonce", this.reconnectNonceSeconds)
			.put("PingInterval", this.pingIntervalSeconds);
	}

	/** The WebSocket of a URL the endpoint handed out, or the platform's refusal of the handshake. */
	Mono<Void> connect(HttpServerRequest request, HttpServerResponse response) {
		QueryStringDecoder query = new QueryStringDecoder(request.uri());
		String deviceId = first(query, "device_id");
		String service = first(query, "service_id");
		if (deviceId == null || service == null || !this.issued.remove(deviceId)) {
			return refuse(response, 403, "forbidden", null);
		}
		if (this.refusing || this.open.size() >= CONNECTION_LIMIT) {
			return refuse(response, 514, "exceed connection limit", "1000040350");
		}
		int serviceId = Integer.parseInt(service);
		return response.sendWebsocket((inbound, outbound) -> session(deviceId, serviceId, inbound, outbound),
				WebsocketServerSpec.builder().maxFramePayloadLength(1 << 20).build());
	}

	private static Mono<Void> refuse(HttpServerResponse response, int status, String message,
			@Nullable String authCode) {
		response.status(HttpResponseStatus.valueOf(status))
			.header("Handshake-Status", Integer.toString(status))
			.header("Handshake-Msg", message);
		if (authCode != null) {
			response.header("Handshake-Autherrcode", authCode);
		}
		return response.send();
	}

	private static @Nullable String first(QueryStringDecoder query, String name) {
		List<String> values = query.parameters().get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	private Mono<Void> session(String id, int service, WebsocketInbound inbound, WebsocketOutbound outbound) {
		Open connection = new Open(id, service);
		inbound.withConnection((netty) -> connection.netty = netty);
		this.open.put(id, connection);
		Mono<Void> receiving = inbound.aggregateFrames(1 << 20)
			.receiveFrames()
			.ofType(BinaryWebSocketFrame.class)
			.doOnNext((frame) -> {
				byte[] bytes = new byte[frame.content().readableBytes()];
				frame.content().readBytes(bytes);
				received(connection, bytes);
			})
			.then()
			.doFinally((signal) -> closed(connection));
		return Mono.when(receiving, outbound.sendByteArray(connection.frames.asFlux()).then());
	}

	private void received(Open connection, byte[] bytes) {
		if (connection.silent) {
			return;
		}
		DynamicMessage frame;
		try {
			frame = FrameCodec.parse(bytes);
		}
		catch (InvalidProtocolBufferException ex) {
			// What the platform does with a frame it cannot read: it drops the connection.
			drop(connection);
			return;
		}
		if (FrameCodec.method(frame) == FrameCodec.CONTROL) {
			if ("ping".equals(FrameCodec.header(frame, "type")) && FrameCodec.service(frame) == connection.service) {
				this.pings.incrementAndGet();
				connection.emit(FrameCodec.frame(FrameCodec.CONTROL, connection.service,
						Map.of("type", "pong"), this.replies.mapper().writeValueAsBytes(clientConfig())));
			}
			return;
		}
		String messageId = FrameCodec.header(frame, "message_id");
		CompletableFuture<EventDelivery> ack = (messageId != null) ? connection.acks.remove(messageId) : null;
		if (ack != null) {
			ack.complete(acknowledgement(frame));
		}
	}

	/** The answer an acknowledgement carries ({@code {"code": 200}}); one without the handler's time is not one. */
	private EventDelivery acknowledgement(DynamicMessage frame) {
		String answer = new String(FrameCodec.payload(frame), StandardCharsets.UTF_8);
		if (FrameCodec.header(frame, "biz_rt") == null) {
			return new EventDelivery(0, "an acknowledgement without biz_rt: " + answer);
		}
		try {
			return new EventDelivery(this.replies.mapper().readTree(answer).path("code").asInt(0), answer);
		}
		catch (JacksonException ex) {
			return new EventDelivery(0, answer);
		}
	}

	private void closed(Open connection) {
		this.open.remove(connection.id);
		synchronized (connection) {
			connection.frames.tryEmitComplete();
		}
		connection.acks.values().forEach((ack) -> ack.completeExceptionally(new IllegalStateException("dropped")));
		connection.acks.clear();
	}

	/** Whether events go over long connections: the app asked for one since the emulator started. */
	boolean inUse() {
		return this.inUse;
	}

	/**
	 * Send an event down an open connection chosen at random, and wait for its acknowledgement, three seconds. Not
	 * acknowledged, it is handed to another connection, never the same one again: one open now after a failed
	 * acknowledgement (the handling failed there: the platform's later pushes again take it from here), one awaited
	 * after a silence or a drop (the application may be replacing its connection); up to three tries in all.
	 */
	EventDelivery push(ObjectNode event) {
		byte[] json = this.replies.mapper().writeValueAsBytes(event);
		String result = "no long connection open";
		Set<String> tried = new HashSet<>();
		boolean await = true;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Open connection = await ? awaitConnection(tried) : untried(tried);
			if (connection == null) {
				break;
			}
			tried.add(connection.id);
			String messageId = this.replies.randomHex(8);
			CompletableFuture<EventDelivery> ack = new CompletableFuture<>();
			connection.acks.put(messageId, ack);
			send(connection, messageId, json);
			try {
				EventDelivery delivery = ack.get(ACK_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
				if (delivery.status() == 200) {
					return delivery;
				}
				result = delivery.body();
				await = false;
			}
			catch (TimeoutException ex) {
				connection.acks.remove(messageId);
				result = "no acknowledgement within " + ACK_DEADLINE.toSeconds() + "s";
				await = true;
			}
			catch (ExecutionException ex) {
				result = "the connection dropped before the acknowledgement";
				await = true;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return new EventDelivery(0, result);
	}

	private void send(Open connection, String messageId, byte[] json) {
		int parts = Math.max(1, Math.min(this.fragments, json.length));
		int size = (json.length + parts - 1) / parts;
		String traceId = this.replies.randomHex(8);
		for (int seq = 0; seq < parts; seq++) {
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("type", "event");
			headers.put("message_id", messageId);
			headers.put("sum", Integer.toString(parts));
			headers.put("seq", Integer.toString(seq));
			headers.put("trace_id", traceId);
			headers.put("timestamp", Long.toString(System.currentTimeMillis()));
			byte[] part = Arrays.copyOfRange(json, seq * size, Math.min(json.length, (seq + 1) * size));
			connection.emit(FrameCodec.frame(FrameCodec.DATA, connection.service, headers, part));
		}
	}

	/** An open connection not tried yet, awaited for a while. */
	private @Nullable Open awaitConnection(Set<String> tried) {
		long deadline = System.nanoTime() + CONNECTION_WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			Open connection = untried(tried);
			if (connection != null) {
				return connection;
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
		return null;
	}

	/** An open connection not tried yet, chosen at random, or {@code null}. */
	private @Nullable Open untried(Set<String> tried) {
		List<Open> candidates = new ArrayList<>();
		this.open.values().forEach((open) -> {
			if (!tried.contains(open.id)) {
				candidates.add(open);
			}
		});
		return candidates.isEmpty() ? null : candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
	}

	// Test hooks

	int count() {
		return this.open.size();
	}

	int pings() {
		return this.pings.get();
	}

	void refuse(boolean refusing) {
		this.refusing = refusing;
	}

	void fragments(int fragments) {
		this.fragments = fragments;
	}

	/** Every fault lifted: handshakes accepted, events sent whole, silent connections heard and spoken to again. */
	void liftFaults() {
		this.refusing = false;
		this.fragments = 1;
		this.open.values().forEach((connection) -> connection.silent = false);
	}

	/** Let every open connection go silent both ways, open all the same: a half-open socket. */
	void silenceAll() {
		this.open.values().forEach((connection) -> connection.silent = true);
	}

	/** Drop every open connection, without a close frame, as a network failure would. */
	void dropAll() {
		this.open.values().forEach(EmulatedLongConnections::drop);
	}

	private static void drop(Open connection) {
		Connection netty = connection.netty;
		if (netty != null) {
			netty.channel().close();
		}
	}

	/** One open connection. */
	private static final class Open {

		final String id;

		final int service;

		final Sinks.Many<byte[]> frames = Sinks.many().unicast().onBackpressureBuffer();

		final Map<String, CompletableFuture<EventDelivery>> acks = new ConcurrentHashMap<>();

		volatile @Nullable Connection netty;

		/** Half-open: what is sent is lost, what is received is not read. */
		volatile boolean silent;

		Open(String id, int service) {
			this.id = id;
			this.service = service;
		}

		/** Pongs (from the event loop) and events (from the pushing thread) are sent one at a time. */
		synchronized void emit(byte[] frame) {
			if (!this.silent) {
				this.frames.tryEmitNext(frame);
			}
		}

	}

}
