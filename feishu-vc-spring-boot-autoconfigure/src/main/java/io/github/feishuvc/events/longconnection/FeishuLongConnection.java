package io.github.feishuvc.events.longconnection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.github.feishuvc.core.FeishuVcClient;
import io.github.feishuvc.events.EventDispatcher;
import io.github.feishuvc.events.FeishuEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.websocket.WebsocketOutbound;

import org.springframework.context.SmartLifecycle;
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

	private static final Log logger = LogFactory.getLog(FeishuLongConnection.class);

	private final Settings settings;

	private final Clock clock;

	private final Scheduler scheduler;

	private final AtomicReference<ClientConfig> config = new AtomicReference<>(ClientConfig.DEFAULTS);

	private final Connector connector;

	private final Protocol protocol;

	private final Reconnects reconnects;

	private final Object monitor = new Object();

	private volatile Phase state;

	private volatile boolean running;

	private @Nullable Disposable session;

	private @Nullable WebsocketOutbound outbound;

	/** The attempt whose end counts; any other is an old one, whose end is ignored. */
	private long generation;

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
		this.clock = clock;
		this.scheduler = scheduler;
		this.protocol = new Protocol(settings, this.config, dispatcher, clock, scheduler, this::isRunning);
		this.connector = new Connector(settings, client, websocketClient, this.config, scheduler, this.protocol);
		this.reconnects = new Reconnects(settings.minReconnectDelay(), settings.downAfter());
		this.state = new Phase(LongConnectionState.Status.STOPPED, clock.instant(), null);
	}

	@Override
	public void start() {
		synchronized (this.monitor) {
			if (this.running) {
				return;
			}
			this.running = true;
			this.reconnects.started();
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
			this.reconnects.notFailing();
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
		boolean down = current.status() == LongConnectionState.Status.REFUSED
				|| this.reconnects.down(this.clock.instant());
		return new LongConnectionState(current.status(), current.since(), current.reason(),
				this.protocol.received(), this.protocol.acknowledged(), down);
	}

	/** A new attempt, of a new generation; called holding the monitor. */
	private void connect() {
		Attempt attempt = new Attempt(++this.generation);
		this.session = this.connector.connect(attempt, (outbound) -> opened(attempt, outbound))
			.subscribe(null, (ex) -> ended(attempt, ex), () -> ended(attempt, null));
	}

	/** Whether the attempt whose connection just opened is the current one, which then is the connection. */
	private boolean opened(Attempt attempt, WebsocketOutbound outbound) {
		synchronized (this.monitor) {
			if (!this.running || attempt.generation != this.generation) {
				return false;
			}
			this.outbound = outbound;
			this.reconnects.notFailing();
			this.state = new Phase(LongConnectionState.Status.CONNECTED, this.clock.instant(), null);
		}
		logger.info("Connected to the Feishu long connection of app " + this.settings.appId());
		return true;
	}

	/**
	 * An attempt ended: for good or for a new attempt after a wait, as {@link Reconnects} decides. The end of an
	 * attempt that is not the current one (stopped, or replaced) changes nothing.
	 */
	private void ended(Attempt attempt, @Nullable Throwable failure) {
		synchronized (this.monitor) {
			if (!this.running || attempt.generation != this.generation) {
				return;
			}
			this.outbound = null;
			Instant now = this.clock.instant();
			Reconnects.Next next = this.reconnects.next(attempt.alive, failure, this.config.get(), now);
			Duration wait = next.after();
			if (wait == null) {
				this.running = false;
				this.state = new Phase(LongConnectionState.Status.REFUSED, now, next.reason());
				logger.error("The Feishu long connection of app " + this.settings.appId() + " stopped: "
						+ next.reason());
				return;
			}
			this.state = new Phase(LongConnectionState.Status.RECONNECTING, now, next.reason());
			logger.warn("The Feishu long connection of app " + this.settings.appId() + " ended (" + next.reason()
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

}
