package io.github.feishuvc.events.longconnection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.feishuvc.core.FeishuVcApiException;
import io.github.feishuvc.core.FeishuVcClient;
import io.github.feishuvc.core.FeishuVcEnvelope;
import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.core.FeishuVcRequest;
import io.github.feishuvc.core.ResponseReader;
import io.github.feishuvc.events.EventDispatcher;
import io.github.feishuvc.events.FeishuEvent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * Receives the app's events over the platform's long connection (a WebSocket the app opens, for self-built apps that
 * have no public URL) and publishes them as webhook events are: through the {@link EventDispatcher}, so each event id
 * is published once, as a {@link FeishuEvent} and typed.
 *
 * <p>A {@link SmartLifecycle}: it connects when the context starts and closes first when it stops, after which no
 * event is acknowledged (the platform gives it to another connection). It asks the platform for the connection's URL
 * ({@code /callback/ws/endpoint}), pings at the interval the platform sets (and changes in its pongs), reassembles
 * events sent in fragments, and acknowledges each event once it is handed to the listeners, well within the
 * platform's three seconds. A dropped connection is opened again after the platform's jitter, then at its interval;
 * what the platform refuses for good (a wrong secret, the limit of connections, an app it does not serve this way)
 * stops it, with one ERROR saying why and the reason in {@link #state()}. It runs on Reactor Netty's event loops and
 * timers and starts no thread of its own.
 */
public final class FeishuLongConnection implements SmartLifecycle {

	/** Where the platform tells an app its connection's URL. */
	public static final String ENDPOINT_PATH = "/callback/ws/endpoint";

	private static final Log logger = LogFactory.getLog(FeishuLongConnection.class);

	/** The endpoint's codes that say try again; any other non-zero code is a refusal for good. */
	private static final int SYSTEM_BUSY = 1;

	private static final int INTERNAL_ERROR = 1000040343;

	/** The handshake's refusals for good: forbidden, and the limit of connections (status 514 with this code). */
	private static final int FORBIDDEN = 403;

	private static final int AUTH_FAILED = 514;

	private static final String CONNECTION_LIMIT = "1000040350";

	/** Fragments of an event that did not all arrive in this time are dropped (the platform sends it again). */
	private static final Duration FRAGMENT_EXPIRY = Duration.ofSeconds(30);

	/** Events being reassembled at once, at most. */
	private static final int MAX_PARTIAL_EVENTS = 64;

	private static final byte[] ACK_OK = "{\"code\":200}".getBytes(StandardCharsets.UTF_8);

	private static final byte[] ACK_FAILED = "{\"code\":500}".getBytes(StandardCharsets.UTF_8);

	private static final ResponseReader<FeishuVcEnvelope<EndpointData>, EndpointData> ENDPOINT = ResponseReader
		.envelope(EndpointData.class, (data) -> data, "data");

	private final Settings settings;

	private final FeishuVcClient client;

	private final HttpClient websocketClient;

	private final EventDispatcher dispatcher;

	private final Clock clock;

	private final Object monitor = new Object();

	private final AtomicLong received = new AtomicLong();

	private final AtomicLong acknowledged = new AtomicLong();

	private volatile Phase state;

	private volatile ClientConfig config = ClientConfig.DEFAULTS;

	private volatile boolean running;

	private @Nullable Disposable session;

	private @Nullable WebsocketOutbound outbound;

	private int attempts;

	/**
	 * Create the connection; nothing is opened before {@link #start()}.
	 * @param settings the app's credentials and the limits of events
	 * @param client the client of the platform's HTTP API, whose credentials client asks for the URL
	 * @param websocketClient the client the WebSocket is opened with
	 * @param dispatcher where events are published
	 * @param clock the clock of the state's times
	 */
	public FeishuLongConnection(Settings settings, FeishuVcClient client, HttpClient websocketClient,
			EventDispatcher dispatcher, Clock clock) {
		this.settings = settings;
		this.client = client;
		this.websocketClient = websocketClient;
		this.dispatcher = dispatcher;
		this.clock = clock;
		this.state = new Phase(LongConnectionState.Status.STOPPED, clock.instant(), null);
	}

	@Override
	public void start() {
		synchronized (this.monitor) {
			if (this.running) {
				return;
			}
			this.running = true;
			this.attempts = 0;
			this.state = new Phase(LongConnectionState.Status.CONNECTING, this.clock.instant(), null);
			connect();
		}
	}

	/** Closes the connection before anything else of the context stops, so that no event is left half handled. */
	@Override
	public void stop() {
		Disposable current;
		WebsocketOutbound open;
		synchronized (this.monitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			current = this.session;
			open = this.outbound;
			this.session = null;
			this.outbound = null;
			this.state = new Phase(LongConnectionState.Status.STOPPED, this.clock.instant(), null);
		}
		// The close frame tells the platform at once; the session ends once it is sent, or a second later, before the
		// event loops it needs stop with the rest of the context.
		Mono<Void> close = ((open != null) ? open.sendClose(1000, "client closed") : Mono.<Void>empty())
			.timeout(Duration.ofSeconds(1))
			.onErrorComplete()
			.doFinally((signal) -> {
				if (current != null) {
					current.dispose();
				}
			});
		if (Schedulers.isInNonBlockingThread()) {
			close.subscribe();
		}
		else {
			close.block();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops first, before the web server and the beans listeners use. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	/**
	 * What the connection is doing, for the health indicator.
	 * @return the state
	 */
	public LongConnectionState state() {
		Phase current = this.state;
		return new LongConnectionState(current.status(), current.since(), current.reason(), this.received.get(),
				this.acknowledged.get());
	}

	private void connect() {
		this.session = endpoint().flatMap(this::open).subscribe(null, this::ended, () -> ended(null));
	}

	private Mono<String> endpoint() {
		byte[] body = FeishuVcJson.mapper()
			.writeValueAsBytes(Map.of("AppID", this.settings.appId(), "AppSecret", this.settings.appSecret()));
		FeishuVcRequest request = new FeishuVcRequest("events.long_connection_endpoint", HttpMethod.POST,
				this.client.uri(ENDPOINT_PATH), null, body, 1);
		return this.client.exchange(request, ENDPOINT)
			.onErrorMap(FeishuVcApiException.class,
					(ex) -> (ex.code() == SYSTEM_BUSY || ex.code() == INTERNAL_ERROR) ? ex
							: new Refused("the platform refused the long connection's URL: code " + ex.code() + ", "
									+ ex.msg()))
			.map((data) -> {
				if (data.url() == null) {
					throw new IllegalStateException("the platform sent no URL for the long connection");
				}
				if (data.clientConfig() != null) {
					this.config = this.config.updatedBy(data.clientConfig());
				}
				return data.url();
			});
	}

	private Mono<Void> open(String url) {
		int service = serviceId(url);
		return this.websocketClient
			.websocket(WebsocketClientSpec.builder().maxFramePayloadLength(this.settings.maxMessageSize()).build())
			.uri(url)
			.handle((inbound, outbound) -> session(inbound, outbound, service))
			.onErrorMap(WebSocketClientHandshakeException.class, FeishuLongConnection::handshakeRefusal)
			.then();
	}

	private Mono<Void> session(WebsocketInbound inbound, WebsocketOutbound outbound, int service) {
		synchronized (this.monitor) {
			if (!this.running) {
				return Mono.empty();
			}
			this.outbound = outbound;
			this.attempts = 0;
			this.state = new Phase(LongConnectionState.Status.CONNECTED, this.clock.instant(), null);
		}
		logger.info("Connected to the Feishu long connection of app " + this.settings.appId());
		Sinks.Many<byte[]> frames = Sinks.many().unicast().onBackpressureBuffer();
		Sinks.Empty<Void> closed = Sinks.empty();
		Fragments fragments = new Fragments(this.settings.maxMessageSize());
		Mono<Void> receiving = inbound.aggregateFrames(this.settings.maxMessageSize())
			.receiveFrames()
			.ofType(BinaryWebSocketFrame.class)
			.map((frame) -> {
				byte[] bytes = new byte[frame.content().readableBytes()];
				frame.content().readBytes(bytes);
				return bytes;
			})
			.concatMap((bytes) -> received(bytes, fragments, frames))
			.then()
			.doFinally((signal) -> {
				frames.tryEmitComplete();
				closed.tryEmitEmpty();
			});
		Flux<byte[]> pings = Mono.defer(() -> Mono.delay(this.config.pingInterval()))
			.map((tick) -> Frame.ping(service).toByteArray())
			.repeat()
			.takeUntilOther(closed.asMono());
		return Mono.when(outbound.sendByteArray(Flux.merge(frames.asFlux(), pings)).then(), receiving);
	}

	private Mono<Void> received(byte[] bytes, Fragments fragments, Sinks.Many<byte[]> frames) {
		Frame frame;
		try {
			frame = Frame.parse(bytes);
		}
		catch (IOException ex) {
			logger.warn("Ignored a message of the Feishu long connection that is not a frame");
			return Mono.empty();
		}
		if (frame.method() == Frame.CONTROL) {
			if ("pong".equals(frame.header("type")) && frame.payload() != null && frame.payload().length > 0) {
				configure(frame.payload());
			}
			return Mono.empty();
		}
		if (!this.running || !"event".equals(frame.header("type"))) {
			// Stopping, an event is left to the platform to give to another connection.
			// Card callbacks are not this starter's: unanswered, as the platform's own client leaves them.
			return Mono.empty();
		}
		byte[] payload = fragments.add(frame, this.clock.instant());
		if (payload == null) {
			return Mono.empty();
		}
		this.received.incrementAndGet();
		long start = System.nanoTime();
		return publish(payload).map((published) -> {
			long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
			frames.tryEmitNext(frame.acknowledgement(published ? ACK_OK : ACK_FAILED, millis).toByteArray());
			if (published) {
				this.acknowledged.incrementAndGet();
			}
			return published;
		}).then();
	}

	/** A pong's new settings; one that does not read leaves them as they are. */
	private void configure(byte[] json) {
		try {
			this.config = this.config.updatedBy(FeishuVcJson.mapper().readValue(json, ClientConfig.class));
		}
		catch (RuntimeException ex) {
			logger.debug("Ignored the settings of a pong that do not read", ex);
		}
	}

	/** Whether the event was handed to the listeners (or published before): {@code false} asks for it again. */
	private Mono<Boolean> publish(byte[] payload) {
		FeishuEvent event;
		try {
			event = (FeishuVcJson.mapper().readTree(payload) instanceof ObjectNode json) ? FeishuEvent.of(json) : null;
		}
		catch (RuntimeException ex) {
			event = null;
		}
		if (event == null) {
			logger.warn("Ignored a message of the Feishu long connection that is not an event");
			return Mono.just(true);
		}
		FeishuEvent published = event;
		return this.dispatcher.dispatch(published)
			.map((outcome) -> outcome != EventDispatcher.Outcome.REJECTED)
			.onErrorResume((ex) -> {
				logger.warn("Could not publish " + published + " (" + ex.getClass().getSimpleName()
						+ "); the platform will deliver it again");
				return Mono.just(false);
			});
	}

	/** The connection ended: for good if refused or stopped, else it is opened again after the platform's wait. */
	private void ended(@Nullable Throwable failure) {
		synchronized (this.monitor) {
			this.outbound = null;
			if (!this.running) {
				return;
			}
			if (failure instanceof Refused refused) {
				this.running = false;
				this.state = new Phase(LongConnectionState.Status.REFUSED, this.clock.instant(), refused.getMessage());
				logger.error("The Feishu long connection of app " + this.settings.appId() + " stopped: "
						+ refused.getMessage());
				return;
			}
			ClientConfig current = this.config;
			if (current.reconnectCount() >= 0 && this.attempts >= current.reconnectCount()) {
				this.running = false;
				this.state = new Phase(LongConnectionState.Status.REFUSED, this.clock.instant(),
						"gave up after " + this.attempts + " attempts to connect again");
				logger.error("The Feishu long connection of app " + this.settings.appId() + " stopped after "
						+ this.attempts + " attempts to connect again");
				return;
			}
			Duration wait = (this.attempts == 0) ? jitter(current.reconnectNonce()) : current.reconnectInterval();
			this.attempts++;
			String reason = (failure != null) ? failure.getClass().getSimpleName() : "closed by the platform";
			this.state = new Phase(LongConnectionState.Status.RECONNECTING, this.clock.instant(), reason);
			logger.warn("The Feishu long connection of app " + this.settings.appId() + " ended (" + reason
					+ "); connecting again in " + wait.toMillis() + "ms");
			this.session = Mono.delay(wait).subscribe((tick) -> {
				synchronized (this.monitor) {
					if (this.running) {
						connect();
					}
				}
			});
		}
	}

	private static Duration jitter(Duration nonce) {
		long millis = nonce.toMillis();
		return (millis > 0) ? Duration.ofMillis(ThreadLocalRandom.current().nextLong(millis)) : Duration.ZERO;
	}

	private static Throwable handshakeRefusal(WebSocketClientHandshakeException ex) {
		HttpHeaders headers = (ex.response() != null) ? ex.response().headers() : null;
		String status = (headers != null) ? headers.get("Handshake-Status") : null;
		String message = (headers != null) ? headers.get("Handshake-Msg") : null;
		if (String.valueOf(FORBIDDEN).equals(status) || (String.valueOf(AUTH_FAILED).equals(status)
				&& CONNECTION_LIMIT.equals(headers.get("Handshake-Autherrcode")))) {
			return new Refused("the platform refused the connection: " + status + " " + message);
		}
		return ex;
	}

	/** The {@code service_id} of the URL's query, which pings carry. */
	private static int serviceId(String url) {
		int query = url.indexOf('?');
		if (query >= 0) {
			for (String parameter : url.substring(query + 1).split("&")) {
				if (parameter.startsWith("service_id=")) {
					try {
						return Integer.parseInt(parameter.substring("service_id=".length()));
					}
					catch (NumberFormatException ex) {
						break;
					}
				}
			}
		}
		throw new Refused("the platform's long connection URL names no service_id");
	}

	@Override
	public String toString() {
		return "FeishuLongConnection[appId=" + this.settings.appId() + ", " + this.state.status() + "]";
	}

	/**
	 * What the connection needs.
	 *
	 * @param appId the app's id
	 * @param appSecret the app's secret, sent to the platform when asking for the connection's URL; never logged
	 * @param maxMessageSize the largest event, reassembled, that is read
	 */
	public record Settings(String appId, String appSecret, int maxMessageSize) {

		/**
		 * Check the settings.
		 * @param appId the app's id
		 * @param appSecret the app's secret
		 * @param maxMessageSize the largest event, reassembled, that is read
		 * @throws IllegalArgumentException if the id or secret is empty, or the size not positive
		 */
		public Settings {
			Assert.hasText(appId, "appId must not be empty");
			Assert.hasText(appSecret, "appSecret must not be empty");
			Assert.isTrue(maxMessageSize > 0, "maxMessageSize must be positive");
		}

		/** Never shows the secret. */
		@Override
		public String toString() {
			return "Settings[appId=" + this.appId + ", maxMessageSize=" + this.maxMessageSize + "]";
		}

	}

	/** What the connection is doing, and since when. */
	private record Phase(LongConnectionState.Status status, Instant since, @Nullable String reason) {
	}

	/** A refusal for good: no new attempt helps. */
	private static final class Refused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Refused(String message) {
			super(message, null, false, false);
		}

	}

	/** {@code data} of the endpoint's answer. */
	record EndpointData(@JsonProperty("URL") @Nullable String url,
			@JsonProperty("ClientConfig") @Nullable ClientConfig clientConfig) {
	}

	/**
	 * The platform's settings of the connection, in seconds: from the endpoint, and again in pongs.
	 *
	 * @param count attempts to connect again after a drop; negative for no end
	 * @param interval the wait between them
	 * @param nonce the largest random wait before the first
	 * @param ping the wait between pings
	 */
	record ClientConfig(@JsonProperty("ReconnectCount") @Nullable Integer count,
			@JsonProperty("ReconnectInterval") @Nullable Integer interval,
			@JsonProperty("ReconnectNonce") @Nullable Integer nonce, @JsonProperty("PingInterval") @Nullable Integer ping) {

		/** The platform's own client's defaults, until the platform says otherwise. */
		static final ClientConfig DEFAULTS = new ClientConfig(-1, 120, 30, 120);

		ClientConfig updatedBy(ClientConfig update) {
			return new ClientConfig((update.count != null) ? update.count : this.count,
					(update.interval != null) ? update.interval : this.interval,
					(update.nonce != null) ? update.nonce : this.nonce,
					(update.ping != null && update.ping > 0) ? update.ping : this.ping);
		}

		int reconnectCount() {
			return (this.count != null) ? this.count : -1;
		}

		Duration reconnectInterval() {
			return seconds(this.interval, 0);
		}

		Duration reconnectNonce() {
			return seconds(this.nonce, 0);
		}

		Duration pingInterval() {
			return seconds(this.ping, 1);
		}

		private static Duration seconds(@Nullable Integer value, int least) {
			return Duration.ofSeconds(Math.max(least, (value != null) ? value : 0));
		}

	}

	/**
	 * Events sent in fragments ({@code sum} frames, {@code seq} from 0), reassembled by {@code message_id}; bounded
	 * in count, in bytes and in time. Used by one session's receiving sequence only.
	 */
	private static final class Fragments {

		private final int maxBytes;

		private final Map<String, Partial> partials = new LinkedHashMap<>();

		Fragments(int maxBytes) {
			this.maxBytes = maxBytes;
		}

		/** The whole event once its last fragment arrived, else {@code null}. */
		byte @Nullable [] add(Frame frame, Instant now) {
			int sum = number(frame.header("sum"), 1);
			byte[] payload = (frame.payload() != null) ? frame.payload() : new byte[0];
			if (sum <= 1) {
				return payload;
			}
			String messageId = frame.header("message_id");
			int seq = number(frame.header("seq"), -1);
			if (messageId == null || seq < 0 || seq >= sum || sum > this.maxBytes) {
				return null;
			}
			this.partials.values().removeIf((partial) -> partial.expires.isBefore(now));
			Partial partial = this.partials.get(messageId);
			if (partial == null) {
				if (this.partials.size() >= MAX_PARTIAL_EVENTS) {
					this.partials.remove(this.partials.keySet().iterator().next());
				}
				partial = new Partial(new byte[sum][], now.plus(FRAGMENT_EXPIRY));
				this.partials.put(messageId, partial);
			}
			if (partial.parts.length != sum || partial.parts[seq] != null) {
				return null;
			}
			partial.parts[seq] = payload;
			partial.bytes += payload.length;
			if (partial.bytes > this.maxBytes) {
				this.partials.remove(messageId);
				return null;
			}
			for (byte[] part : partial.parts) {
				if (part == null) {
					return null;
				}
			}
			this.partials.remove(messageId);
			byte[] whole = new byte[partial.bytes];
			int offset = 0;
			for (byte[] part : partial.parts) {
				System.arraycopy(part, 0, whole, offset, part.length);
				offset += part.length;
			}
			return whole;
		}

		private static int number(@Nullable String value, int absent) {
			try {
				return (value != null) ? Integer.parseInt(value.strip()) : absent;
			}
			catch (NumberFormatException ex) {
				return -1;
			}
		}

		/** The fragments of one event so far. */
		private static final class Partial {

			final byte[][] parts;

			final Instant expires;

			int bytes;

			Partial(byte[][] parts, Instant expires) {
				this.parts = parts;
				this.expires = expires;
			}

		}

	}

}
