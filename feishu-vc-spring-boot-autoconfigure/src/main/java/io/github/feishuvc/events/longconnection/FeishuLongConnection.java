package io.github.feishuvc.events.longconnection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.feishuvc.core.FeishuVcApiException;
import io.github.feishuvc.core.FeishuVcClient;
import io.github.feishuvc.core.FeishuVcEnvelope;
import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.core.FeishuVcRateLimitException;
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
import reactor.core.scheduler.Scheduler;
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
 * events sent in fragments ({@link Fragments}), and acknowledges each event once it is handed to the listeners, well
 * within the platform's three seconds.
 *
 * <p>Everything that goes wrong (a 429, honouring its reset; a 5xx; a transport error; a refused or slow handshake,
 * the limit of connections among them, which passes during a rolling deploy; a connection that dies) is tried again:
 * after a drop following the platform's jitter (up to its {@code ReconnectNonce}), after a failed attempt with a
 * backoff doubling from the floor up to the platform's {@code ReconnectInterval}. It stops for good, with one ERROR
 * saying why and the reason in {@link #state()}, in two cases only: a real refusal, the endpoint's documented client
 * errors on a successful answer (a wrong secret, an app the platform does not serve this way); and as many failed
 * attempts in a row as the platform's {@code ReconnectCount} allows ({@code -1}, what the platform sends, for no
 * end). That count is read as the official Node SDK's {@code WSClient} (1.74.0) reads it: after a drop or a failed
 * first attempt it tries at least once, and gives up after {@code ReconnectCount} failed attempts (the Java and Go
 * SDKs make none when it is {@code 0}); the count starts again once a connection is alive (anything arrived down it;
 * the Node SDK counts one that opened). Its waits are not the Node SDK's, which waits the whole interval between
 * attempts. Started again after it stopped, for good or with the context, it connects anew.
 *
 * <p>A watchdog closes and replaces a connection from which nothing (a pong or an event) arrived for the idle
 * timeout, so a half-open socket is noticed in minutes rather than when TCP gives up. Each attempt has a generation:
 * the late end of an old one never schedules a second connection. It runs on Reactor Netty's event loops and the given
 * scheduler's timers and starts no thread of its own.
 */
public final class FeishuLongConnection implements SmartLifecycle {

	/** Where the platform tells an app its connection's URL. */
	public static final String ENDPOINT_PATH = "/callback/ws/endpoint";

	private static final Log logger = LogFactory.getLog(FeishuLongConnection.class);

	/** The endpoint's codes that say try again; any other non-zero code on a successful answer is a refusal. */
	private static final int SYSTEM_BUSY = 1;

	private static final int INTERNAL_ERROR = 1000040343;

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

	private final Scheduler scheduler;

	private final Object monitor = new Object();

	private final AtomicLong received = new AtomicLong();

	private final AtomicLong acknowledged = new AtomicLong();

	private volatile Phase state;

	private volatile ClientConfig config = ClientConfig.DEFAULTS;

	private volatile boolean running;

	private @Nullable Disposable session;

	private @Nullable WebsocketOutbound outbound;

	/** The attempt whose end counts; any other is an old one, whose end is ignored. */
	private long generation;

	/** Attempts to connect again made since a connection was last alive (anything arrived down it). */
	private int attempts;

	/** Since when no connection has been open, while attempts fail; {@code null} while connected or stopped. */
	private @Nullable Instant failingSince;

	/**
	 * Create the connection; nothing is opened before {@link #start()}.
	 * @param settings the app's credentials, the limits of events and the timing of attempts
	 * @param client the client of the platform's HTTP API, whose credentials client asks for the URL
	 * @param websocketClient the client the WebSocket is opened with
	 * @param dispatcher where events are published
	 * @param clock the clock of the state's times
	 * @param scheduler whose timers time pings, the watchdog, the handshake deadline and the waits between attempts
	 */
	public FeishuLongConnection(Settings settings, FeishuVcClient client, HttpClient websocketClient,
			EventDispatcher dispatcher, Clock clock, Scheduler scheduler) {
		this.settings = settings;
		this.client = client;
		this.websocketClient = websocketClient;
		this.dispatcher = dispatcher;
		this.clock = clock;
		this.scheduler = scheduler;
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
			this.failingSince = null;
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
			this.generation++;
			current = this.session;
			open = this.outbound;
			this.session = null;
			this.outbound = null;
			this.failingSince = null;
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
	 * What the connection is doing, for the health indicator: down when refused for good, or when attempts have
	 * failed for longer than the settings' grace period.
	 * @return the state
	 */
	public LongConnectionState state() {
		Phase current = this.state;
		Instant failing = this.failingSince;
		boolean down = current.status() == LongConnectionState.Status.REFUSED || (failing != null
				&& !failing.plus(this.settings.downAfter()).isAfter(this.clock.instant()));
		return new LongConnectionState(current.status(), current.since(), current.reason(), this.received.get(),
				this.acknowledged.get(), down);
	}

	/** A new attempt, of a new generation; called holding the monitor. */
	private void connect() {
		Attempt attempt = new Attempt(++this.generation);
		this.session = endpoint().flatMap((url) -> open(url, attempt))
			.subscribe(null, (ex) -> ended(attempt, ex), () -> ended(attempt, null));
	}

	private Mono<String> endpoint() {
		byte[] body = FeishuVcJson.mapper()
			.writeValueAsBytes(Map.of("AppID", this.settings.appId(), "AppSecret", this.settings.appSecret()));
		FeishuVcRequest request = new FeishuVcRequest("events.long_connection_endpoint", HttpMethod.POST,
				this.client.uri(ENDPOINT_PATH), null, body, 1);
		return this.client.exchange(request, ENDPOINT)
			.onErrorMap(FeishuLongConnection::isRefusal, (ex) -> new Refused(
					"the platform refused the long connection's URL: code " + ((FeishuVcApiException) ex).code() + ", "
							+ ((FeishuVcApiException) ex).msg()))
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

	/**
	 * Whether the endpoint refused the app for good: a documented client error, which the platform answers with a
	 * successful status. A 429, a 5xx (even with a JSON code) and the codes that say try again are passing.
	 */
	static boolean isRefusal(Throwable ex) {
		return ex instanceof FeishuVcApiException api && api.httpStatus() >= 200 && api.httpStatus() < 300
				&& api.code() != SYSTEM_BUSY && api.code() != INTERNAL_ERROR;
	}

	/** The WebSocket, within the handshake's deadline. */
	private Mono<Void> open(String url, Attempt attempt) {
		int service = serviceId(url);
		Sinks.Empty<Void> opened = Sinks.empty();
		Mono<Void> connection = this.websocketClient
			.websocket(WebsocketClientSpec.builder().maxFramePayloadLength(this.settings.maxMessageSize()).build())
			.uri(url)
			.handle((inbound, outbound) -> {
				opened.tryEmitEmpty();
				return session(inbound, outbound, service, attempt);
			})
			.then();
		Mono<Void> handshake = Mono.firstWithSignal(opened.asMono(),
				Mono.delay(this.settings.handshakeTimeout(), this.scheduler)
					.then(Mono.error(() -> new TimeoutException("no handshake within "
							+ this.settings.handshakeTimeout().toMillis() + "ms"))));
		return Mono.when(connection, handshake);
	}

	private Mono<Void> session(WebsocketInbound inbound, WebsocketOutbound outbound, int service, Attempt attempt) {
		synchronized (this.monitor) {
			if (!this.running || attempt.generation != this.generation) {
				return Mono.empty();
			}
			this.outbound = outbound;
			this.failingSince = null;
			this.state = new Phase(LongConnectionState.Status.CONNECTED, this.clock.instant(), null);
		}
		logger.info("Connected to the Feishu long connection of app " + this.settings.appId());
		Sinks.Many<byte[]> frames = Sinks.many().unicast().onBackpressureBuffer();
		Sinks.Empty<Void> closed = Sinks.empty();
		Fragments fragments = new Fragments(this.settings.maxMessageSize(), MAX_PARTIAL_EVENTS, FRAGMENT_EXPIRY);
		Mono<Void> receiving = watched(inbound.aggregateFrames(this.settings.maxMessageSize()).receiveFrames(),
				this::idleTimeout, this.scheduler)
			.doOnNext((frame) -> attempt.alive = true)
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
		Flux<byte[]> pings = Mono.defer(() -> Mono.delay(this.config.pingInterval(), this.scheduler))
			.map((tick) -> Frame.ping(service).toByteArray())
			.repeat()
			.takeUntilOther(closed.asMono());
		return Mono.when(outbound.sendByteArray(Flux.merge(frames.asFlux(), pings)).then(), receiving);
	}

	/**
	 * The frames, failing with a {@link TimeoutException} once none arrived for the idle timeout: a socket that went
	 * silent (a NAT that dropped the flow, a peer gone without a word) is closed and replaced.
	 * @param <T> the frames' type
	 * @param frames what arrives
	 * @param idleTimeout the idle timeout, read again at each frame (the platform may change its ping interval)
	 * @param scheduler whose timer times it
	 * @return the same frames, watched
	 */
	static <T> Flux<T> watched(Flux<T> frames, Supplier<Duration> idleTimeout, Scheduler scheduler) {
		Mono<Long> idle = Mono.defer(() -> Mono.delay(idleTimeout.get(), scheduler));
		return frames.timeout(idle, (frame) -> idle)
			.onErrorMap(TimeoutException.class,
					(ex) -> new TimeoutException("nothing arrived for " + idleTimeout.get().toMillis() + "ms"));
	}

	/** The settings' idle timeout, else three of the platform's ping intervals. */
	private Duration idleTimeout() {
		Duration idle = this.settings.idleTimeout();
		return (idle != null) ? idle : this.config.pingInterval().multipliedBy(3);
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
		byte[] payload = fragments.add(frame.header("message_id"), number(frame.header("sum"), 1),
				number(frame.header("seq"), 0), (frame.payload() != null) ? frame.payload() : new byte[0],
				this.clock.instant());
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

	private static int number(@Nullable String value, int absent) {
		try {
			return (value != null) ? Integer.parseInt(value.strip()) : absent;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
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
			.map(EventDispatcher.Outcome::acknowledged)
			.onErrorResume((ex) -> {
				logger.warn("Could not publish " + published + " (" + ex.getClass().getSimpleName()
						+ "); the platform will deliver it again");
				return Mono.just(false);
			});
	}

	/**
	 * An attempt ended: for good if refused or once the platform's {@code ReconnectCount} is spent, else a new one
	 * after the wait {@link #delay} gives. The end of an attempt that is not the current one (stopped, or replaced)
	 * changes nothing.
	 */
	private void ended(Attempt attempt, @Nullable Throwable failure) {
		synchronized (this.monitor) {
			if (!this.running || attempt.generation != this.generation) {
				return;
			}
			this.outbound = null;
			Instant now = this.clock.instant();
			if (failure instanceof Refused refused) {
				this.running = false;
				this.state = new Phase(LongConnectionState.Status.REFUSED, now, refused.getMessage());
				logger.error("The Feishu long connection of app " + this.settings.appId() + " stopped: "
						+ refused.getMessage());
				return;
			}
			if (attempt.alive) {
				this.attempts = 0;
			}
			if (this.failingSince == null) {
				this.failingSince = now;
			}
			ClientConfig current = this.config;
			int allowed = current.reconnectCount();
			// As the official Node SDK: at least one attempt, even when the platform allows none.
			if (allowed >= 0 && this.attempts >= Math.max(1, allowed)) {
				String why = "gave up after " + this.attempts + " failed attempts to connect again, as the platform's "
						+ "ReconnectCount (" + allowed + ") asks";
				this.running = false;
				this.state = new Phase(LongConnectionState.Status.REFUSED, now, why);
				logger.error("The Feishu long connection of app " + this.settings.appId() + " stopped: " + why);
				return;
			}
			Duration reset = (failure instanceof FeishuVcRateLimitException limited) ? limited.resetAfter() : null;
			Duration wait = delay(this.attempts, attempt.alive, current, reset, this.settings.minReconnectDelay());
			this.attempts++;
			String reason = reason(failure);
			this.state = new Phase(LongConnectionState.Status.RECONNECTING, now, reason);
			logger.warn("The Feishu long connection of app " + this.settings.appId() + " ended (" + reason
					+ "); connecting again in " + wait.toMillis() + "ms");
			long scheduled = this.generation;
			this.session = Mono.delay(wait, this.scheduler).subscribe((tick) -> {
				synchronized (this.monitor) {
					if (this.running && this.generation == scheduled) {
						connect();
					}
				}
			});
		}
	}

	/**
	 * How long to wait before the next attempt: after a connection that was alive dropped, the platform's random
	 * jitter (up to its {@code ReconnectNonce}), which spreads a fleet's reconnections; after a failed attempt, the
	 * floor doubled for each attempt made since, up to the platform's {@code ReconnectInterval}. Never sooner than the
	 * floor, nor than a 429's reset.
	 * @param attempts attempts made since a connection was last alive
	 * @param afterDrop whether the connection that ended was alive
	 * @param config the platform's settings
	 * @param reset a 429's reset, or {@code null}
	 * @param floor the least wait
	 * @return the wait
	 */
	static Duration delay(int attempts, boolean afterDrop, ClientConfig config, @Nullable Duration reset,
			Duration floor) {
		Duration wait;
		if (afterDrop) {
			long nonce = config.reconnectNonce().toMillis();
			wait = Duration.ofMillis((nonce > 0) ? ThreadLocalRandom.current().nextLong(nonce + 1) : 0);
		}
		else {
			Duration cap = max(config.reconnectInterval(), floor);
			wait = floor.multipliedBy(1L << Math.min(attempts, 30));
			wait = (wait.compareTo(cap) > 0) ? cap : wait;
		}
		wait = max(wait, floor);
		return (reset != null) ? max(wait, reset) : wait;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static String reason(@Nullable Throwable failure) {
		if (failure == null) {
			return "closed by the platform";
		}
		if (failure instanceof WebSocketClientHandshakeException handshake && handshake.response() != null) {
			HttpHeaders headers = handshake.response().headers();
			String status = headers.get("Handshake-Status");
			String code = headers.get("Handshake-Autherrcode");
			return "handshake refused: " + ((status != null) ? status : handshake.response().status().code()) + " "
					+ Objects.toString(headers.get("Handshake-Msg"), "") + ((code != null) ? " (" + code + ")" : "");
		}
		if (failure instanceof FeishuVcApiException api) {
			return failure.getClass().getSimpleName() + ": HTTP " + api.httpStatus() + ", code " + api.code();
		}
		return failure.getClass().getSimpleName()
				+ ((failure instanceof TimeoutException) ? ": " + failure.getMessage() : "");
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
		throw new IllegalStateException("the platform's long connection URL names no service_id");
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
	 * @param idleTimeout how long nothing may arrive before the connection is replaced, or {@code null} for three of
	 * the platform's ping intervals
	 * @param handshakeTimeout how long the WebSocket's handshake may take
	 * @param minReconnectDelay the least wait between two attempts
	 * @param downAfter how long attempts may fail before the state says down
	 */
	public record Settings(String appId, String appSecret, int maxMessageSize, @Nullable Duration idleTimeout,
			Duration handshakeTimeout, Duration minReconnectDelay, Duration downAfter) {

		/**
		 * Check the settings.
		 * @param appId the app's id
		 * @param appSecret the app's secret
		 * @param maxMessageSize the largest event, reassembled, that is read
		 * @param idleTimeout how long nothing may arrive before the connection is replaced, or {@code null}
		 * @param handshakeTimeout how long the WebSocket's handshake may take
		 * @param minReconnectDelay the least wait between two attempts
		 * @param downAfter how long attempts may fail before the state says down
		 * @throws IllegalArgumentException if the id or secret is empty, or a size or time not positive
		 */
		public Settings {
			Assert.hasText(appId, "appId must not be empty");
			Assert.hasText(appSecret, "appSecret must not be empty");
			Assert.isTrue(maxMessageSize > 0, "maxMessageSize must be positive");
			Assert.isTrue(idleTimeout == null || idleTimeout.compareTo(Duration.ZERO) > 0,
					"idleTimeout must be positive");
			Assert.isTrue(handshakeTimeout.compareTo(Duration.ZERO) > 0, "handshakeTimeout must be positive");
			Assert.isTrue(minReconnectDelay.compareTo(Duration.ZERO) > 0, "minReconnectDelay must be positive");
			Assert.isTrue(!downAfter.isNegative(), "downAfter must not be negative");
		}

		/**
		 * Settings with the defaults of the timing: the idle timeout from the platform's ping interval, a 10 s
		 * handshake, at least a second between attempts, down after 5 minutes of failures.
		 * @param appId the app's id
		 * @param appSecret the app's secret
		 * @param maxMessageSize the largest event, reassembled, that is read
		 */
		public Settings(String appId, String appSecret, int maxMessageSize) {
			this(appId, appSecret, maxMessageSize, null, Duration.ofSeconds(10), Duration.ofSeconds(1),
					Duration.ofMinutes(5));
		}

		/** Never shows the secret. */
		@Override
		public String toString() {
			return "Settings[appId=" + this.appId + ", maxMessageSize=" + this.maxMessageSize + ", idleTimeout="
					+ this.idleTimeout + ", handshakeTimeout=" + this.handshakeTimeout + ", minReconnectDelay="
					+ this.minReconnectDelay + ", downAfter=" + this.downAfter + "]";
		}

	}

	/** What the connection is doing, and since when. */
	private record Phase(LongConnectionState.Status status, Instant since, @Nullable String reason) {
	}

	/** One attempt to connect, and whether its connection proved alive (anything arrived down it). */
	private static final class Attempt {

		final long generation;

		volatile boolean alive;

		Attempt(long generation) {
			this.generation = generation;
		}

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

}
