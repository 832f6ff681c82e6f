package io.github.feishuvc.autoconfigure;

import java.time.Duration;

import io.github.feishuvc.core.UserIdType;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the Feishu VC client ({@code feishu.vc.*}).
 */
@ConfigurationProperties(FeishuVcProperties.PREFIX)
public final class FeishuVcProperties {

	/** Prefix of the properties. */
	public static final String PREFIX = "feishu.vc";

	/**
	 * Whether to auto-configure the Feishu VC client.
	 */
	private final boolean enabled;

	/**
	 * Kind of Feishu app: a self-built app acting in its own tenant, or a store (marketplace) app acting for every
	 * tenant that installed it.
	 */
	private final AppType appType;

	/**
	 * App ID (cli_...), from the app's Credentials page in the Feishu developer console.
	 */
	private final @Nullable String appId;

	/**
	 * App secret. Never logged.
	 */
	private final @Nullable String appSecret;

	/**
	 * Base URL of the open platform. Lark (international) apps use https://open.larksuite.com.
	 */
	private final String baseUrl;

	/**
	 * Type of the user ids in requests and responses, unless a call names another.
	 */
	private final UserIdType userIdType;

	/**
	 * Time allowed to open a connection to the open platform.
	 */
	private final Duration connectTimeout;

	/**
	 * Time allowed for the whole response of one attempt, from the request being sent to the last byte of its body
	 * read, whatever the peer does, for every call including the token fetch.
	 */
	private final Duration responseTimeout;

	/**
	 * Deadline of a whole call: token fetch, rate-limit waits, every attempt and the backoffs between them.
	 */
	private final Duration callTimeout;

	/**
	 * Largest response body to read; a larger one is refused without being buffered.
	 */
	private final DataSize maxResponseSize;

	/**
	 * Tenant access token settings.
	 */
	private final Token token;

	/**
	 * Connection pool settings.
	 */
	private final Pool pool;

	/**
	 * Client-side rate limit settings.
	 */
	private final RateLimit rateLimit;

	/**
	 * Retry settings.
	 */
	private final Retry retry;

	/**
	 * Store app settings.
	 */
	private final StoreApp storeApp;

	/**
	 * Event endpoint settings.
	 */
	private final Events events;

	/**
	 * Settings of the state the instances of an app share.
	 */
	private final SharedState sharedState;

	/**
	 * Settings of the meeting data's exports.
	 */
	private final Export export;

	/**
	 * Bind the properties; a default applies to each one that is not set.
	 * @param enabled whether to auto-configure the Feishu VC client.
	 * @param appType kind of Feishu app: a self-built app acting in its own tenant, or a store (marketplace) app acting
	 * for every tenant that installed it.
	 * @param appId app ID (cli_...), from the app's Credentials page in the Feishu developer console.
	 * @param appSecret app secret.
	 * @param baseUrl base URL of the open platform.
	 * @param userIdType type of the user ids in requests and responses, unless a call names another.
	 * @param connectTimeout time allowed to open a connection to the open platform.
	 * @param responseTimeout time allowed for the whole response of one attempt, from the request being sent to the
	 * last byte of its body read, whatever the peer does, for every call including the token fetch.
	 * @param callTimeout deadline of a whole call: token fetch, rate-limit waits, every attempt and the backoffs
	 * between them.
	 * @param maxResponseSize largest response body to read; a larger one is refused without being buffered.
	 * @param token tenant access token settings.
	 * @param pool connection pool settings.
	 * @param rateLimit client-side rate limit settings.
	 * @param retry retry settings.
	 * @param storeApp store app settings.
	 * @param events event endpoint settings.
	 * @param sharedState settings of the state the instances of an app share.
	 * @param export settings of the meeting data's exports.
	 */
	public FeishuVcProperties(@DefaultValue("true") boolean enabled, @DefaultValue("self-built") AppType appType,
			@Nullable String appId,
			@Nullable String appSecret, @DefaultValue("https://open.feishu.cn") String baseUrl,
			@DefaultValue("open_id") UserIdType userIdType, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("10s") Duration responseTimeout, @DefaultValue("30s") Duration callTimeout,
			@DefaultValue("1MB") DataSize maxResponseSize,
			@DefaultValue Token token, @DefaultValue Pool pool, @DefaultValue RateLimit rateLimit,
			@DefaultValue Retry retry, @DefaultValue StoreApp storeApp, @DefaultValue Events events,
			@DefaultValue SharedState sharedState, @DefaultValue Export export) {
		Assert.isTrue(maxResponseSize.toBytes() > 0 && maxResponseSize.toBytes() <= Integer.MAX_VALUE,
				"feishu.vc.max-response-size must be between 1B and 2GB");
		positive(connectTimeout, "connect-timeout");
		positive(responseTimeout, "response-timeout");
		positive(callTimeout, "call-timeout");
		Assert.isTrue(appType != AppType.STORE || events.getMode() != EventsMode.LONG_CONNECTION,
				"feishu.vc.events.mode=long-connection is for self-built apps: the platform sends a store app's events, "
						+ "its app ticket among them, to its event URL only (feishu.vc.events.mode=webhook)");
		this.enabled = enabled;
		this.appType = appType;
		this.appId = appId;
		this.appSecret = appSecret;
		this.baseUrl = baseUrl;
		this.userIdType = userIdType;
		this.connectTimeout = connectTimeout;
		this.responseTimeout = responseTimeout;
		this.callTimeout = callTimeout;
		this.maxResponseSize = maxResponseSize;
		this.token = token;
		this.pool = pool;
		this.rateLimit = rateLimit;
		this.retry = retry;
		this.storeApp = storeApp;
		this.events = events;
		this.sharedState = sharedState;
		this.export = export;
	}

	/** Refuses a duration that is zero or negative, naming its property. */
	static Duration positive(Duration value, String name) {
		Assert.isTrue(value.compareTo(Duration.ZERO) > 0, () -> PREFIX + "." + name + " must be positive, was " + value);
		return value;
	}

	/** Refuses a negative duration, naming its property. */
	static Duration notNegative(Duration value, String name) {
		Assert.isTrue(!value.isNegative(), () -> PREFIX + "." + name + " must not be negative, was " + value);
		return value;
	}

	/**
	 * {@return whether to auto-configure the Feishu VC client}
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * {@return kind of Feishu app: a self-built app acting in its own tenant, or a store (marketplace) app acting for
	 * every tenant that installed it}
	 */
	public AppType getAppType() {
		return this.appType;
	}

	/**
	 * {@return app ID (cli_...), from the app's Credentials page in the Feishu developer console}
	 */
	public @Nullable String getAppId() {
		return this.appId;
	}

	/**
	 * {@return app secret}
	 */
	public @Nullable String getAppSecret() {
		return this.appSecret;
	}

	/**
	 * {@return base URL of the open platform}
	 */
	public String getBaseUrl() {
		return this.baseUrl;
	}

	/**
	 * {@return type of the user ids in requests and responses, unless a call names another}
	 */
	public UserIdType getUserIdType() {
		return this.userIdType;
	}

	/**
	 * {@return time allowed to open a connection to the open platform}
	 */
	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	/**
	 * {@return time allowed for the whole response of one attempt, from the request being sent to the last byte of its
	 * body read, whatever the peer does, for every call including the token fetch}
	 */
	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	/**
	 * {@return deadline of a whole call: token fetch, rate-limit waits, every attempt and the backoffs between them}
	 */
	public Duration getCallTimeout() {
		return this.callTimeout;
	}

	/**
	 * {@return largest response body to read; a larger one is refused without being buffered}
	 */
	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	/**
	 * {@return tenant access token settings}
	 */
	public Token getToken() {
		return this.token;
	}

	/**
	 * {@return connection pool settings}
	 */
	public Pool getPool() {
		return this.pool;
	}

	/**
	 * {@return client-side rate limit settings}
	 */
	public RateLimit getRateLimit() {
		return this.rateLimit;
	}

	/**
	 * {@return retry settings}
	 */
	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * {@return store app settings}
	 */
	public StoreApp getStoreApp() {
		return this.storeApp;
	}

	/**
	 * {@return event endpoint settings}
	 */
	public Events getEvents() {
		return this.events;
	}

	/**
	 * {@return settings of the state the instances of an app share; {@code store}, its former name, is read when no
	 * {@code shared-state} property is set}
	 */
	public SharedState getSharedState() {
		return this.sharedState;
	}

	/**
	 * {@return settings of the meeting data's exports}
	 */
	public Export getExport() {
		return this.export;
	}

	/** Shows every setting but the app secret. */
	@Override
	public String toString() {
		return "FeishuVcProperties[enabled=" + this.enabled + ", appType=" + this.appType + ", appId=" + this.appId
				+ ", appSecret=" + ((this.appSecret != null) ? "[masked]" : null) + ", baseUrl=" + this.baseUrl
				+ ", userIdType=" + this.userIdType + ", connectTimeout=" + this.connectTimeout + ", responseTimeout="
				+ this.responseTimeout + ", callTimeout=" + this.callTimeout + ", maxResponseSize=" + this.maxResponseSize
				+ ", token=" + this.token + ", pool=" + this.pool + ", rateLimit=" + this.rateLimit + ", retry="
				+ this.retry + ", storeApp=" + this.storeApp + ", events=" + this.events + ", sharedState=" + this.sharedState
				+ ", export=" + this.export + "]";
	}

	/**
	 * How the platform's events arrive.
	 */
	public enum EventsMode {

		/** At the event endpoint on the application's own web server, which the platform must be able to reach. */
		WEBHOOK,

		/**
		 * Over a WebSocket the application opens to the platform: no public URL, self-built apps only, at most 50
		 * connections per app.
		 */
		LONG_CONNECTION

	}

	/**
	 * Kinds of Feishu app.
	 */
	public enum AppType {

		/**
		 * A self-built (custom) app, acting in its own tenant with a tenant access token fetched with its id and
		 * secret.
		 */
		SELF_BUILT,

		/**
		 * A store (marketplace) app, acting for every tenant that installed it; its tokens need the app ticket the
		 * platform pushes to its event URL.
		 */
		STORE

	}

	/**
	 * Settings of the meeting data's exports ({@code feishu.vc.export.*}): how long to wait for a task and a file.
	 */
	public static final class Export {

		/**
		 * How long waiting for an export task's file lasts before it fails.
		 */
		private final Duration awaitTimeout;

		/**
		 * First wait between two reads of an export task; each next one is twice as long.
		 */
		private final Duration pollInterval;

		/**
		 * Longest wait between two reads of an export task.
		 */
		private final Duration maxPollInterval;

		/**
		 * Deadline of a whole download of an export's file, retries included (each wait for more bytes is bounded by
		 * the response timeout).
		 */
		private final Duration downloadTimeout;

		/**
		 * Bind the properties; a default applies to each one that is not set.
		 * @param awaitTimeout how long waiting for an export task's file lasts before it fails.
		 * @param pollInterval first wait between two reads of an export task; each next one is twice as long.
		 * @param maxPollInterval longest wait between two reads of an export task.
		 * @param downloadTimeout deadline of a whole download of an export's file, retries included (each wait for
		 * more bytes is bounded by the response timeout).
		 */
		public Export(@DefaultValue("10m") Duration awaitTimeout, @DefaultValue("1s") Duration pollInterval,
				@DefaultValue("30s") Duration maxPollInterval, @DefaultValue("30m") Duration downloadTimeout) {
			positive(awaitTimeout, "export.await-timeout");
			positive(pollInterval, "export.poll-interval");
			Assert.isTrue(maxPollInterval.compareTo(pollInterval) >= 0,
					"feishu.vc.export.max-poll-interval must be at least feishu.vc.export.poll-interval");
			positive(downloadTimeout, "export.download-timeout");
			this.awaitTimeout = awaitTimeout;
			this.pollInterval = pollInterval;
			this.maxPollInterval = maxPollInterval;
			this.downloadTimeout = downloadTimeout;
		}

		/**
		 * {@return how long waiting for an export task's file lasts before it fails}
		 */
		public Duration getAwaitTimeout() {
			return this.awaitTimeout;
		}

		/**
		 * {@return first wait between two reads of an export task}
		 */
		public Duration getPollInterval() {
			return this.pollInterval;
		}

		/**
		 * {@return longest wait between two reads of an export task}
		 */
		public Duration getMaxPollInterval() {
			return this.maxPollInterval;
		}

		/**
		 * {@return deadline of a whole download of an export's file}
		 */
		public Duration getDownloadTimeout() {
			return this.downloadTimeout;
		}

		@Override
		public String toString() {
			return "Export[awaitTimeout=" + this.awaitTimeout + ", pollInterval=" + this.pollInterval
					+ ", maxPollInterval=" + this.maxPollInterval + ", downloadTimeout=" + this.downloadTimeout + "]";
		}

	}

	/**
	 * Store app settings ({@code feishu.vc.store-app.*}).
	 */
	public static final class StoreApp {

		/**
		 * How long a call waits for the app ticket to arrive after the client asked the platform to resend it.
		 */
		private final Duration ticketWait;

		/**
		 * Most tenants whose tokens are cached at once; the least recently used are dropped beyond it.
		 */
		private final long maxTenants;

		/**
		 * How long a tenant's token stays cached without being used.
		 */
		private final Duration tenantIdleTime;

		/**
		 * Bind the properties; a default applies to each one that is not set.
		 * @param ticketWait how long a call waits for the app ticket to arrive after the client asked the platform to
		 * resend it.
		 * @param maxTenants most tenants whose tokens are cached at once; the least recently used are dropped beyond
		 * it.
		 * @param tenantIdleTime how long a tenant's token stays cached without being used.
		 */
		public StoreApp(@DefaultValue("10s") Duration ticketWait, @DefaultValue("10000") long maxTenants,
				@DefaultValue("2h") Duration tenantIdleTime) {
			notNegative(ticketWait, "store-app.ticket-wait");
			Assert.isTrue(maxTenants > 0, "feishu.vc.store-app.max-tenants must be positive");
			positive(tenantIdleTime, "store-app.tenant-idle-time");
			this.ticketWait = ticketWait;
			this.maxTenants = maxTenants;
			this.tenantIdleTime = tenantIdleTime;
		}

		/**
		 * {@return how long a call waits for the app ticket to arrive after the client asked the platform to resend it}
		 */
		public Duration getTicketWait() {
			return this.ticketWait;
		}

		/**
		 * {@return most tenants whose tokens are cached at once; the least recently used are dropped beyond it}
		 */
		public long getMaxTenants() {
			return this.maxTenants;
		}

		/**
		 * {@return how long a tenant's token stays cached without being used}
		 */
		public Duration getTenantIdleTime() {
			return this.tenantIdleTime;
		}

		@Override
		public String toString() {
			return "StoreApp[ticketWait=" + this.ticketWait + ", maxTenants=" + this.maxTenants + ", tenantIdleTime="
					+ this.tenantIdleTime + "]";
		}

	}

	/**
	 * Event endpoint settings ({@code feishu.vc.events.*}): where the application receives the events the platform
	 * pushes, the app ticket of a store app among them.
	 */
	public static final class Events {

		/**
		 * How the platform's events arrive: at the event endpoint on the application's web server (webhook), or over
		 * a WebSocket the application opens to the platform (long-connection; self-built apps only, no public URL
		 * needed).
		 */
		private final EventsMode mode;

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
		 * Where listeners run.
		 */
		private final Listeners listeners;

		/**
		 * Long connection settings.
		 */
		private final LongConnection longConnection;

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
		 * @param listeners where listeners run.
		 * @param longConnection long connection settings.
		 */
		public Events(@DefaultValue("webhook") EventsMode mode, @Nullable Boolean enabled,
				@DefaultValue("/feishu/events") String path,
				@Nullable String verificationToken, @Nullable String encryptKey,
				@DefaultValue("5m") Duration maxClockSkew, @DefaultValue("12h") Duration dedupeWindow,
				@DefaultValue Listeners listeners, @DefaultValue LongConnection longConnection) {
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
			this.listeners = listeners;
			this.longConnection = longConnection;
		}

		/**
		 * {@return how the platform's events arrive}
		 */
		public EventsMode getMode() {
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

		/** Shows every setting but the secrets. */
		@Override
		public String toString() {
			return "Events[mode=" + this.mode + ", enabled=" + this.enabled + ", path=" + this.path + ", verificationToken="
					+ ((this.verificationToken != null) ? "[masked]" : null) + ", encryptKey="
					+ ((this.encryptKey != null) ? "[masked]" : null) + ", maxClockSkew=" + this.maxClockSkew
					+ ", dedupeWindow=" + this.dedupeWindow + ", " + this.listeners + ", " + this.longConnection + "]";
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
				notNegative(shutdownTimeout, "events.listeners.shutdown-timeout");
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
					positive(idleTimeout, "events.long-connection.idle-timeout");
				}
				positive(handshakeTimeout, "events.long-connection.handshake-timeout");
				positive(minReconnectDelay, "events.long-connection.min-reconnect-delay");
				notNegative(downAfter, "events.long-connection.down-after");
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

	}

	/**
	 * Tenant access token settings ({@code feishu.vc.token.*}).
	 */
	public static final class Token {

		/**
		 * How long before a tenant access token expires to fetch a new one. Capped at half the token's lifetime.
		 */
		private final Duration refreshBeforeExpiry;

		/**
		 * Bind the properties; a default applies to each one that is not set.
		 * @param refreshBeforeExpiry how long before a tenant access token expires to fetch a new one.
		 */
		public Token(@DefaultValue("5m") Duration refreshBeforeExpiry) {
			this.refreshBeforeExpiry = notNegative(refreshBeforeExpiry, "token.refresh-before-expiry");
		}

		/**
		 * {@return how long before a tenant access token expires to fetch a new one}
		 */
		public Duration getRefreshBeforeExpiry() {
			return this.refreshBeforeExpiry;
		}

		@Override
		public String toString() {
			return "Token[refreshBeforeExpiry=" + this.refreshBeforeExpiry + "]";
		}

	}

	/**
	 * Connection pool settings ({@code feishu.vc.pool.*}); apply when the HTTP client is Reactor Netty.
	 */
	public static final class Pool {

		/**
		 * Most connections open to the open platform at once.
		 */
		private final int maxConnections;

		/**
		 * How long a connection may stay idle in the pool before it is closed.
		 */
		private final Duration maxIdleTime;

		/**
		 * How long a call waits for a free connection before it fails; a call that never got one was never sent, so it
		 * is retried, writes included.
		 */
		private final Duration pendingAcquireTimeout;

		/**
		 * Most calls that may wait for a free connection at once; beyond it a call fails at once (and, never sent, is
		 * retried).
		 */
		private final int maxPendingAcquires;

		/**
		 * Bind the properties; a default applies to each one that is not set.
		 * @param maxConnections most connections open to the open platform at once.
		 * @param maxIdleTime how long a connection may stay idle in the pool before it is closed.
		 * @param pendingAcquireTimeout how long a call waits for a free connection before it fails; a call that never
		 * got one was never sent, so it is retried, writes included.
		 * @param maxPendingAcquires most calls that may wait for a free connection at once; beyond it a call fails at
		 * once (and, never sent, is retried).
		 */
		public Pool(@DefaultValue("50") int maxConnections, @DefaultValue("20s") Duration maxIdleTime,
				@DefaultValue("5s") Duration pendingAcquireTimeout, @DefaultValue("1000") int maxPendingAcquires) {
			Assert.isTrue(maxConnections > 0, "feishu.vc.pool.max-connections must be positive");
			Assert.isTrue(maxPendingAcquires > 0, "feishu.vc.pool.max-pending-acquires must be positive");
			this.maxConnections = maxConnections;
			this.maxIdleTime = positive(maxIdleTime, "pool.max-idle-time");
			this.pendingAcquireTimeout = positive(pendingAcquireTimeout, "pool.pending-acquire-timeout");
			this.maxPendingAcquires = maxPendingAcquires;
		}

		/**
		 * {@return most connections open to the open platform at once}
		 */
		public int getMaxConnections() {
			return this.maxConnections;
		}

		/**
		 * {@return how long a connection may stay idle in the pool before it is closed}
		 */
		public Duration getMaxIdleTime() {
			return this.maxIdleTime;
		}

		/**
		 * {@return how long a call waits for a free connection before it fails; a call that never got one was never
		 * sent, so it is retried, writes included}
		 */
		public Duration getPendingAcquireTimeout() {
			return this.pendingAcquireTimeout;
		}

		/**
		 * {@return most calls that may wait for a free connection at once; beyond it a call fails at once (and, never
		 * sent, is retried)}
		 */
		public int getMaxPendingAcquires() {
			return this.maxPendingAcquires;
		}

		@Override
		public String toString() {
			return "Pool[maxConnections=" + this.maxConnections + ", maxIdleTime=" + this.maxIdleTime
					+ ", pendingAcquireTimeout=" + this.pendingAcquireTimeout + ", maxPendingAcquires="
					+ this.maxPendingAcquires + "]";
		}

	}

	/**
	 * Client-side rate limit settings ({@code feishu.vc.rate-limit.*}).
	 */
	public static final class RateLimit {

		/**
		 * Whether to delay calls so that each operation stays under the platform's rate limits.
		 */
		private final boolean enabled;

		/**
		 * Most calls of one operation (in one tenant) in any second: the platform's standard tier. Operations the
		 * platform documents lower limits for (list meetings by number: 100 a minute) are also held to those.
		 */
		private final int perSecond;

		/**
		 * Most calls of one operation (in one tenant) in any minute: the platform's standard tier. Operations the
		 * platform documents lower limits for (list meetings by number: 100 a minute) are also held to those.
		 */
		private final int perMinute;

		/**
		 * How much longer than a second and a minute the limiter's windows are, so that calls sent a window apart still
		 * arrive at the platform a window apart when the network delays one more than another.
		 */
		private final Duration margin;

		/**
		 * How much later the calls that start a busy spell are counted, as they may wait for a connection to open while
		 * the calls a window after them do not; paid once per busy spell.
		 */
		private final Duration coldMargin;

		/**
		 * Whether to space calls apart (by half their even share of a second: 10 ms at 50 a second) rather than let a
		 * second's budget go at once; calls that do not leave together arrive as they were sent.
		 */
		private final boolean pace;

		/**
		 * Longest a call may be delayed by the limiter; a call that would wait longer fails at once.
		 */
		private final Duration maxWait;

		/**
		 * Bind the properties; a default applies to each one that is not set.
		 * @param enabled whether to delay calls so that each operation stays under the platform's rate limits.
		 * @param perSecond most calls of one operation (in one tenant) in any second: the platform's standard tier.
		 * @param perMinute most calls of one operation (in one tenant) in any minute: the platform's standard tier.
		 * @param margin how much longer than a second and a minute the limiter's windows are, so that calls sent a
		 * window apart still arrive at the platform a window apart when the network delays one more than another.
		 * @param coldMargin how much later the calls that start a busy spell are counted, as they may wait for a
		 * connection to open while the calls a window after them do not; paid once per busy spell.
		 * @param pace whether to space calls apart (by half their even share of a second: 10 ms at 50 a second) rather
		 * than let a second's budget go at once; calls that do not leave together arrive as they were sent.
		 * @param maxWait longest a call may be delayed by the limiter; a call that would wait longer fails at once.
		 */
		public RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("50") int perSecond,
				@DefaultValue("1000") int perMinute, @DefaultValue("30ms") Duration margin,
				@DefaultValue("150ms") Duration coldMargin, @DefaultValue("true") boolean pace,
				@DefaultValue("10s") Duration maxWait) {
			Assert.isTrue(perSecond > 0 && perMinute > 0,
					"feishu.vc.rate-limit.per-second and feishu.vc.rate-limit.per-minute must be positive");
			notNegative(maxWait, "rate-limit.max-wait");
			Assert.isTrue(!margin.isNegative() && margin.compareTo(Duration.ofSeconds(1)) < 0,
					"feishu.vc.rate-limit.margin must be at least 0 and less than a second");
			Assert.isTrue(!coldMargin.isNegative() && coldMargin.compareTo(Duration.ofSeconds(10)) <= 0,
					"feishu.vc.rate-limit.cold-margin must be at least 0 and at most 10 seconds");
			this.enabled = enabled;
			this.perSecond = perSecond;
			this.perMinute = perMinute;
			this.margin = margin;
			this.coldMargin = coldMargin;
			this.pace = pace;
			this.maxWait = maxWait;
		}

		/**
		 * {@return whether to delay calls so that each operation stays under the platform's rate limits}
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * {@return most calls of one operation (in one tenant) in any second: the platform's standard tier}
		 */
		public int getPerSecond() {
			return this.perSecond;
		}

		/**
		 * {@return most calls of one operation (in one tenant) in any minute: the platform's standard tier}
		 */
		public int getPerMinute() {
			return this.perMinute;
		}

		/**
		 * The limits of every operation; an operation whose documented limits are stricter is held to those as well.
		 * @return the limits
		 */
		public io.github.feishuvc.core.RateLimit defaults() {
			return new io.github.feishuvc.core.RateLimit(this.perSecond, this.perMinute);
		}

		/**
		 * {@return how much longer than a second and a minute the limiter's windows are, so that calls sent a window
		 * apart still arrive at the platform a window apart when the network delays one more than another}
		 */
		public Duration getMargin() {
			return this.margin;
		}

		/**
		 * {@return how much later the calls that start a busy spell are counted, as they may wait for a connection to
		 * open while the calls a window after them do not; paid once per busy spell}
		 */
		public Duration getColdMargin() {
			return this.coldMargin;
		}

		/**
		 * {@return whether to space calls apart (by half their even share of a second: 10 ms at 50 a second) rather
		 * than let a second's budget go at once; calls that do not leave together arrive as they were sent}
		 */
		public boolean isPace() {
			return this.pace;
		}

		/**
		 * {@return longest a call may be delayed by the limiter; a call that would wait longer fails at once}
		 */
		public Duration getMaxWait() {
			return this.maxWait;
		}

		@Override
		public String toString() {
			return "RateLimit[enabled=" + this.enabled + ", perSecond=" + this.perSecond + ", perMinute="
					+ this.perMinute + ", margin=" + this.margin + ", coldMargin=" + this.coldMargin + ", pace=" + this.pace
					+ ", maxWait=" + this.maxWait + "]";
		}

	}

	/**
	 * Retry settings ({@code feishu.vc.retry.*}).
	 */
	public static final class Retry {

		/**
		 * Whether to retry failed attempts: reads after transient failures, every call after rate limits and refused
		 * connections.
		 */
		private final boolean enabled;

		/**
		 * Most attempts of one call, the first included.
		 */
		private final int maxAttempts;

		/**
		 * Wait before the first retry of a transient failure, doubled for each next one.
		 */
		private final Duration initialBackoff;

		/**
		 * Longest backoff wait between attempts.
		 */
		private final Duration maxBackoff;

		/**
		 * How much each backoff varies at random, as a fraction of it, from 0 to 1.
		 */
		private final double jitter;

		/**
		 * No retry starts when the call would then have taken longer than this in all.
		 */
		private final Duration maxTotalTime;

		/**
		 * Longest wait the platform's rate-limit reset may impose before a retry; a longer one fails the call.
		 */
		private final Duration maxRateLimitWait;

		/**
		 * Bind the properties; a default applies to each one that is not set.
		 * @param enabled whether to retry failed attempts: reads after transient failures, every call after rate limits
		 * and refused connections.
		 * @param maxAttempts most attempts of one call, the first included.
		 * @param initialBackoff wait before the first retry of a transient failure, doubled for each next one.
		 * @param maxBackoff longest backoff wait between attempts.
		 * @param jitter how much each backoff varies at random, as a fraction of it, from 0 to 1.
		 * @param maxTotalTime no retry starts when the call would then have taken longer than this in all.
		 * @param maxRateLimitWait longest wait the platform's rate-limit reset may impose before a retry; a longer one
		 * fails the call.
		 */
		public Retry(@DefaultValue("true") boolean enabled, @DefaultValue("3") int maxAttempts,
				@DefaultValue("100ms") Duration initialBackoff, @DefaultValue("2s") Duration maxBackoff,
				@DefaultValue("0.5") double jitter, @DefaultValue("30s") Duration maxTotalTime,
				@DefaultValue("10s") Duration maxRateLimitWait) {
			Assert.isTrue(maxAttempts >= 1, "feishu.vc.retry.max-attempts must be at least 1");
			Assert.isTrue(jitter >= 0 && jitter <= 1, "feishu.vc.retry.jitter must be between 0 and 1");
			this.enabled = enabled;
			this.maxAttempts = maxAttempts;
			this.initialBackoff = notNegative(initialBackoff, "retry.initial-backoff");
			this.maxBackoff = notNegative(maxBackoff, "retry.max-backoff");
			this.jitter = jitter;
			this.maxTotalTime = notNegative(maxTotalTime, "retry.max-total-time");
			this.maxRateLimitWait = notNegative(maxRateLimitWait, "retry.max-rate-limit-wait");
		}

		/**
		 * {@return whether to retry failed attempts: reads after transient failures, every call after rate limits and
		 * refused connections}
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * {@return most attempts of one call, the first included}
		 */
		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		/**
		 * {@return wait before the first retry of a transient failure, doubled for each next one}
		 */
		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		/**
		 * {@return longest backoff wait between attempts}
		 */
		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		/**
		 * {@return how much each backoff varies at random, as a fraction of it, from 0 to 1}
		 */
		public double getJitter() {
			return this.jitter;
		}

		/**
		 * {@return no retry starts when the call would then have taken longer than this in all}
		 */
		public Duration getMaxTotalTime() {
			return this.maxTotalTime;
		}

		/**
		 * {@return longest wait the platform's rate-limit reset may impose before a retry; a longer one fails the call}
		 */
		public Duration getMaxRateLimitWait() {
			return this.maxRateLimitWait;
		}

		@Override
		public String toString() {
			return "Retry[enabled=" + this.enabled + ", maxAttempts=" + this.maxAttempts + ", initialBackoff="
					+ this.initialBackoff + ", maxBackoff=" + this.maxBackoff + ", jitter=" + this.jitter
					+ ", maxTotalTime=" + this.maxTotalTime + ", maxRateLimitWait=" + this.maxRateLimitWait + "]";
		}

	}

	/**
	 * Settings of the state the instances of an app share ({@code feishu.vc.shared-state.*}): the rate-limit windows, a
	 * store app's ticket, the tokens and the ids of the events published.
	 */
	public static final class SharedState {


		/**
		 * Where the rate-limit windows, app tickets, tokens and event ids live: in this instance's memory, or in Redis,
		 * shared by every instance of the app (needs spring-boot-starter-data-redis and spring.data.redis.*).
		 */
		private final SharedStateType type;

		/**
		 * Prefix of every Redis key the starter writes.
		 */
		private final String keyPrefix;

		/**
		 * Whether the instances share their tokens, so that one fetch serves them all.
		 */
		private final boolean shareTokens;

		/**
		 * Longest any one Redis operation may take; past it, the instance goes on with its own memory.
		 */
		private final Duration timeout;

		/**
		 * Bind the properties; a default applies to each one that is not set.
		 * @param type where the rate-limit windows, app tickets, tokens and event ids live: in this instance's memory,
		 * or in Redis, shared by every instance of the app (needs spring-boot-starter-data-redis and
		 * spring.data.redis.*).
		 * @param keyPrefix prefix of every Redis key the starter writes.
		 * @param shareTokens whether the instances share their tokens, so that one fetch serves them all.
		 * @param timeout longest any one Redis operation may take; past it, the instance goes on with its own memory.
		 */
		public SharedState(@DefaultValue("memory") SharedStateType type, @DefaultValue("feishu:vc:") String keyPrefix,
				@DefaultValue("true") boolean shareTokens, @DefaultValue("500ms") Duration timeout) {
			this.type = type;
			this.keyPrefix = keyPrefix;
			this.shareTokens = shareTokens;
			this.timeout = positive(timeout, "shared-state.timeout");
		}

		/**
		 * {@return where the rate-limit windows, app tickets, tokens and event ids live: in this instance's memory, or
		 * in Redis, shared by every instance of the app (needs spring-boot-starter-data-redis and spring.data.redis.*)}
		 */
		public SharedStateType getType() {
			return this.type;
		}

		/**
		 * {@return prefix of every Redis key the starter writes}
		 */
		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		/**
		 * {@return whether the instances share their tokens, so that one fetch serves them all}
		 */
		public boolean isShareTokens() {
			return this.shareTokens;
		}

		/**
		 * {@return longest any one Redis operation may take; past it, the instance goes on with its own memory}
		 */
		public Duration getTimeout() {
			return this.timeout;
		}

		@Override
		public String toString() {
			return "SharedState[type=" + this.type + ", keyPrefix=" + this.keyPrefix + ", shareTokens="
					+ this.shareTokens + ", timeout=" + this.timeout + "]";
		}

	}

	/**
	 * Where the state the instances of an app share lives.
	 */
	public enum SharedStateType {

		/**
		 * In this instance's memory: nothing is shared.
		 */
		MEMORY,

		/**
		 * In Redis, through the application's reactive Redis connection: shared by every instance.
		 */
		REDIS

	}

}
