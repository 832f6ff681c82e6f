package io.github.feishuvc.autoconfigure;

import java.time.Duration;

import io.github.feishuvc.events.Acknowledgement;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * Event endpoint settings ({@code feishu.vc.events.*}): where the application receives the events the platform
 * pushes, the app ticket of a store app among them.
 */
@ConfigurationProperties(FeishuVcEventsProperties.PREFIX)
public final class FeishuVcEventsProperties {

	/** Prefix of the properties. */
	public static final String PREFIX = "feishu.vc.events";

	/**
	 * How the platform's events arrive: at the event endpoint on the application's web server (webhook), or over
	 * a WebSocket the application opens to the platform (long-connection; self-built apps only, no public URL
	 * needed).
	 */
	private final FeishuVcProperties.EventsMode mode;

	/**
	 * Whether to serve the event endpoint on the application's web server. On by default for store apps, which
	 * need it for their app ticket, off for self-built apps.
	 */
	private final @Nullable Boolean enabled;

	/**
	 * Path of the event endpoint; the app's event request URL in the Feishu developer console must point here.
	 */
	private final String path;

	/**
	 * Verification Token of the app (Events and callbacks, Encryption strategy, in the developer console);
	 * events that do not carry it are refused. Never logged.
	 */
	private final @Nullable String verificationToken;

	/**
	 * Encrypt Key of the app, if one is set in the developer console; events are then decrypted and their
	 * signature checked. Never logged.
	 */
	private final @Nullable String encryptKey;

	/**
	 * Largest difference allowed between an event's request timestamp and this machine's clock; older or
	 * newer events are refused as replays.
	 */
	private final Duration maxClockSkew;

	/**
	 * How long the id of an event published is remembered, so that the platform's later deliveries of it (it tries
	 * again after 15 seconds, 5 minutes, 1 hour and 6 hours) are not published again.
	 */
	private final Duration dedupeWindow;

	/**
	 * When the platform is told that an event arrived: on-receipt (once handed to the listeners' executor: fastest,
	 * but an event whose listener throws, or that an instance stopping mid-way held, is lost) or after-listeners (once
	 * every listener returned within 2.5 seconds; a listener that throws or overruns gets the event pushed again, so
	 * listeners see an event at least once and use its id to make their effect once).
	 */
	private final Acknowledgement acknowledge;

	/**
	 * Where listeners run.
	 */
	private final Listeners listeners;

	/**
	 * Long connection settings.
	 */
	private final LongConnection longConnection;

	/**
	 * The durable inbox on Redis Streams.
	 */
	private final Inbox inbox;

	/**
	 * Bind the properties; a default applies to each one that is not set.
	 * @param mode how the platform's events arrive: at the event endpoint on the application's web server
	 * (webhook), or over a WebSocket the application opens to the platform (long-connection; self-built apps only,
	 * no public URL needed).
	 * @param enabled whether to serve the event endpoint on the application's web server.
	 * @param path path of the event endpoint; the app's event request URL in the Feishu developer console must
	 * point here.
	 * @param verificationToken verification Token of the app (Events and callbacks, Encryption strategy, in the
	 * developer console); events that do not carry it are refused.
	 * @param encryptKey encrypt Key of the app, if one is set in the developer console; events are then decrypted
	 * and their signature checked.
	 * @param maxClockSkew largest difference allowed between an event's request timestamp and this machine's clock;
	 * older or newer events are refused as replays.
	 * @param dedupeWindow how long the id of an event published is remembered, so that the platform's later
	 * deliveries of it are not published again.
	 * @param acknowledge when the platform is told that an event arrived: on-receipt or after-listeners.
	 * @param listeners where listeners run.
	 * @param longConnection long connection settings.
	 * @param inbox the durable inbox on Redis Streams.
	 */
	public FeishuVcEventsProperties(@DefaultValue("webhook") FeishuVcProperties.EventsMode mode,
			@Nullable Boolean enabled,
			@DefaultValue("/feishu/events") String path,
			@Nullable String verificationToken, @Nullable String encryptKey,
			@DefaultValue("5m") Duration maxClockSkew, @DefaultValue("12h") Duration dedupeWindow,
			@DefaultValue("on-receipt") Acknowledgement acknowledge, @DefaultValue Listeners listeners,
			@DefaultValue LongConnection longConnection, @DefaultValue Inbox inbox) {
		Assert.isTrue(path.startsWith("/"), "feishu.vc.events.path must start with /");
		Assert.isTrue(maxClockSkew.toSeconds() >= 1,
				() -> "feishu.vc.events.max-clock-skew must be at least 1s, was " + maxClockSkew);
		Assert.isTrue(dedupeWindow.toSeconds() >= 1,
				() -> "feishu.vc.events.dedupe-window must be at least 1s, was " + dedupeWindow);
		this.mode = mode;
		this.enabled = enabled;
		this.path = path;
		this.verificationToken = verificationToken;
		this.encryptKey = encryptKey;
		this.maxClockSkew = maxClockSkew;
		this.dedupeWindow = dedupeWindow;
		this.acknowledge = acknowledge;
		this.listeners = listeners;
		this.longConnection = longConnection;
		this.inbox = inbox;
	}

	/**
	 * {@return how the platform's events arrive}
	 */
	public FeishuVcProperties.EventsMode getMode() {
		return this.mode;
	}

	/**
	 * {@return whether to serve the event endpoint on the application's web server}
	 */
	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	/**
	 * {@return path of the event endpoint; the app's event request URL in the Feishu developer console must point
	 * here}
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * {@return verification Token of the app (Events and callbacks, Encryption strategy, in the developer console);
	 * events that do not carry it are refused}
	 */
	public @Nullable String getVerificationToken() {
		return this.verificationToken;
	}

	/**
	 * {@return encrypt Key of the app, if one is set in the developer console; events are then decrypted and their
	 * signature checked}
	 */
	public @Nullable String getEncryptKey() {
		return this.encryptKey;
	}

	/**
	 * {@return largest difference allowed between an event's request timestamp and this machine's clock; older or
	 * newer events are refused as replays}
	 */
	public Duration getMaxClockSkew() {
		return this.maxClockSkew;
	}

	/**
	 * {@return how long the id of an event published is remembered, so that the platform's later deliveries of it
	 * are not published again}
	 */
	public Duration getDedupeWindow() {
		return this.dedupeWindow;
	}

	/**
	 * {@return when the platform is told that an event arrived: on-receipt or after-listeners}
	 */
	public Acknowledgement getAcknowledge() {
		return this.acknowledge;
	}

	/**
	 * {@return where listeners run}
	 */
	public Listeners getListeners() {
		return this.listeners;
	}

	/**
	 * {@return long connection settings}
	 */
	public LongConnection getLongConnection() {
		return this.longConnection;
	}

	/**
	 * {@return the durable inbox on Redis Streams}
	 */
	public Inbox getInbox() {
		return this.inbox;
	}

	/** Shows every setting but the secrets. */
	@Override
	public String toString() {
		return "FeishuVcEventsProperties[mode=" + this.mode + ", enabled=" + this.enabled + ", path=" + this.path
				+ ", verificationToken="
				+ ((this.verificationToken != null) ? "[masked]" : null) + ", encryptKey="
				+ ((this.encryptKey != null) ? "[masked]" : null) + ", maxClockSkew=" + this.maxClockSkew
				+ ", dedupeWindow=" + this.dedupeWindow + ", acknowledge=" + this.acknowledge + ", " + this.listeners
				+ ", " + this.longConnection + ", " + this.inbox + "]";
	}

	/**
	 * Where listeners run ({@code feishu.vc.events.listeners.*}), unless the application defines an
	 * {@code Executor} bean named {@code feishuVcEventExecutor}: a pool of the starter's own, bounded, drained
	 * when the application stops.
	 */
	public static final class Listeners {

		/**
		 * Threads listeners run on.
		 */
		private final int threads;

		/**
		 * Events that may wait for a thread; beyond, an event is refused so that the platform delivers it again.
		 */
		private final int queueCapacity;

		/**
		 * How long the application's shutdown waits for the events handed to listeners to be handled.
		 */
		private final Duration shutdownTimeout;

		/**
		 * Bind the properties; a default applies to each one that is not set.
		 * @param threads threads listeners run on.
		 * @param queueCapacity events that may wait for a thread; beyond, an event is refused so that the platform
		 * delivers it again.
		 * @param shutdownTimeout how long the application's shutdown waits for the events handed to listeners to be
		 * handled.
		 */
		public Listeners(@DefaultValue("8") int threads, @DefaultValue("1000") int queueCapacity,
				@DefaultValue("30s") Duration shutdownTimeout) {
			Assert.isTrue(threads > 0, "feishu.vc.events.listeners.threads must be positive");
			Assert.isTrue(queueCapacity >= 0, "feishu.vc.events.listeners.queue-capacity must not be negative");
			FeishuVcProperties.notNegative(shutdownTimeout, "events.listeners.shutdown-timeout");
			this.threads = threads;
			this.queueCapacity = queueCapacity;
			this.shutdownTimeout = shutdownTimeout;
		}

		/**
		 * {@return threads listeners run on}
		 */
		public int getThreads() {
			return this.threads;
		}

		/**
		 * {@return events that may wait for a thread; beyond, an event is refused so that the platform delivers it
		 * again}
		 */
		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		/**
		 * {@return how long the application's shutdown waits for the events handed to listeners to be handled}
		 */
		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		@Override
		public String toString() {
			return "Listeners[threads=" + this.threads + ", queueCapacity=" + this.queueCapacity
					+ ", shutdownTimeout=" + this.shutdownTimeout + "]";
		}

	}

	/**
	 * Long connection settings ({@code feishu.vc.events.long-connection.*}), with
	 * {@code feishu.vc.events.mode=long-connection}.
	 */
	public static final class LongConnection {

		/**
		 * Largest event read, reassembled from its fragments; also the most bytes buffered for events arriving in
		 * fragments.
		 */
		private final DataSize maxMessageSize;

		/**
		 * How long the connection may stay silent (no pong, no event) before it is closed and opened again. Unset,
		 * three of the ping intervals the platform sets.
		 */
		private final @Nullable Duration idleTimeout;

		/**
		 * Time allowed for the WebSocket's handshake.
		 */
		private final Duration handshakeTimeout;

		/**
		 * Least wait between two attempts to connect, whatever the platform's settings say.
		 */
		private final Duration minReconnectDelay;

		/**
		 * How long attempts to connect may fail before the health indicator says down.
		 */
		private final Duration downAfter;

		/**
		 * Bind the properties; a default applies to each one that is not set.
		 * @param maxMessageSize largest event read, reassembled from its fragments; also the most bytes buffered
		 * for events arriving in fragments.
		 * @param idleTimeout how long the connection may stay silent (no pong, no event) before it is closed and
		 * opened again.
		 * @param handshakeTimeout time allowed for the WebSocket's handshake.
		 * @param minReconnectDelay least wait between two attempts to connect, whatever the platform's settings
		 * say.
		 * @param downAfter how long attempts to connect may fail before the health indicator says down.
		 */
		public LongConnection(@DefaultValue("1MB") DataSize maxMessageSize, @Nullable Duration idleTimeout,
				@DefaultValue("10s") Duration handshakeTimeout, @DefaultValue("1s") Duration minReconnectDelay,
				@DefaultValue("5m") Duration downAfter) {
			Assert.isTrue(maxMessageSize.toBytes() > 0 && maxMessageSize.toBytes() <= Integer.MAX_VALUE,
					"feishu.vc.events.long-connection.max-message-size must be between 1B and 2GB");
			if (idleTimeout != null) {
				FeishuVcProperties.positive(idleTimeout, "events.long-connection.idle-timeout");
			}
			FeishuVcProperties.positive(handshakeTimeout, "events.long-connection.handshake-timeout");
			FeishuVcProperties.positive(minReconnectDelay, "events.long-connection.min-reconnect-delay");
			FeishuVcProperties.notNegative(downAfter, "events.long-connection.down-after");
			this.maxMessageSize = maxMessageSize;
			this.idleTimeout = idleTimeout;
			this.handshakeTimeout = handshakeTimeout;
			this.minReconnectDelay = minReconnectDelay;
			this.downAfter = downAfter;
		}

		/**
		 * {@return largest event read, reassembled from its fragments; also the most bytes buffered for events
		 * arriving in fragments}
		 */
		public DataSize getMaxMessageSize() {
			return this.maxMessageSize;
		}

		/**
		 * {@return how long the connection may stay silent (no pong, no event) before it is closed and opened
		 * again}
		 */
		public @Nullable Duration getIdleTimeout() {
			return this.idleTimeout;
		}

		/**
		 * {@return time allowed for the WebSocket's handshake}
		 */
		public Duration getHandshakeTimeout() {
			return this.handshakeTimeout;
		}

		/**
		 * {@return least wait between two attempts to connect, whatever the platform's settings say}
		 */
		public Duration getMinReconnectDelay() {
			return this.minReconnectDelay;
		}

		/**
		 * {@return how long attempts to connect may fail before the health indicator says down}
		 */
		public Duration getDownAfter() {
			return this.downAfter;
		}

		@Override
		public String toString() {
			return "LongConnection[maxMessageSize=" + this.maxMessageSize + ", idleTimeout=" + this.idleTimeout
					+ ", handshakeTimeout=" + this.handshakeTimeout + ", minReconnectDelay="
					+ this.minReconnectDelay + ", downAfter=" + this.downAfter + "]";
		}

	}

	/**
	 * The durable inbox on Redis Streams ({@code feishu.vc.events.inbox.*}): an event is acknowledged to the platform
	 * only once appended to a stream, which every instance of the app reads in one consumer group.
	 */
	public static final class Inbox {

		/**
		 * Whether events go through the inbox. On by default with feishu.vc.shared-state.type=redis, which it needs;
		 * off otherwise.
		 */
		private final @Nullable Boolean enabled;

		/**
		 * The most events the inbox holds not handled yet (read and unacknowledged, or unread): an event pushed
		 * beyond is refused, for the platform to push again, and none is ever dropped; handled events are trimmed
		 * once the stream holds as many entries. Also about how many dead letters are kept (XADD MAXLEN ~), the
		 * oldest trimmed first.
		 */
		private final long maxLength;

		/**
		 * How many times the listeners are given an event before it becomes a dead letter.
		 */
		private final int maxAttempts;

		/**
		 * Wait before the second attempt, doubled before each further one, never more than half of claim-after.
		 */
		private final Duration backoff;

		/**
		 * How long an event read by an instance may stay unacknowledged before another instance takes it over (the
		 * first one stopped, or died). At least twice a listener's longest run: an instance retrying an event claims it
		 * again before each attempt and waits at most half of this before it.
		 */
		private final Duration claimAfter;

		/**
		 * Bind the properties; a default applies to each one that is not set.
		 * @param enabled whether events go through the inbox.
		 * @param maxLength the most events the inbox holds not handled yet, and about how many dead letters are
		 * kept.
		 * @param maxAttempts how many times the listeners are given an event before it becomes a dead letter.
		 * @param backoff wait before the second attempt, doubled before each further one.
		 * @param claimAfter how long an event read by an instance may stay unacknowledged before another instance
		 * takes it over.
		 */
		public Inbox(@Nullable Boolean enabled, @DefaultValue("100000") long maxLength,
				@DefaultValue("3") int maxAttempts, @DefaultValue("1s") Duration backoff,
				@DefaultValue("1m") Duration claimAfter) {
			Assert.isTrue(maxLength > 0, "feishu.vc.events.inbox.max-length must be positive");
			Assert.isTrue(maxAttempts > 0, "feishu.vc.events.inbox.max-attempts must be positive");
			FeishuVcProperties.positive(backoff, "events.inbox.backoff");
			FeishuVcProperties.positive(claimAfter, "events.inbox.claim-after");
			this.enabled = enabled;
			this.maxLength = maxLength;
			this.maxAttempts = maxAttempts;
			this.backoff = backoff;
			this.claimAfter = claimAfter;
		}

		/**
		 * {@return whether events go through the inbox; unset, whether the shared state is on Redis}
		 */
		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		/**
		 * {@return about how many events the inbox stream, and the dead-letter stream, keep}
		 */
		public long getMaxLength() {
			return this.maxLength;
		}

		/**
		 * {@return how many times the listeners are given an event before it becomes a dead letter}
		 */
		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		/**
		 * {@return wait before the second attempt, doubled before each further one}
		 */
		public Duration getBackoff() {
			return this.backoff;
		}

		/**
		 * {@return how long an event read by an instance may stay unacknowledged before another instance takes it
		 * over}
		 */
		public Duration getClaimAfter() {
			return this.claimAfter;
		}

		@Override
		public String toString() {
			return "Inbox[enabled=" + this.enabled + ", maxLength=" + this.maxLength + ", maxAttempts="
					+ this.maxAttempts + ", backoff=" + this.backoff + ", claimAfter=" + this.claimAfter + "]";
		}

	}

}
