package io.github.feishuvc.autoconfigure;

import java.time.Duration;

import io.github.feishuvc.core.UserIdType;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the app and its transport ({@code feishu.vc.*}): the credentials, the platform's base URL, the
 * timeouts, the token and the connection pool. Each other feature binds its own prefix, as Spring Boot's do:
 * {@link FeishuVcEventsProperties} ({@code feishu.vc.events}), {@link FeishuVcSharedStateProperties}
 * ({@code feishu.vc.shared-state}), {@link FeishuVcRateLimitProperties} ({@code feishu.vc.rate-limit}),
 * {@link FeishuVcRetryProperties} ({@code feishu.vc.retry}), {@link FeishuVcStoreAppProperties}
 * ({@code feishu.vc.store-app}) and {@link FeishuVcExportProperties} ({@code feishu.vc.export}).
 */
@ConfigurationProperties(FeishuVcProperties.PREFIX)
public final class FeishuVcProperties {

	/** Prefix of the properties. */
	public static final String PREFIX = "feishu.vc";

	/** Base URL unless {@code feishu.vc.base-url} says otherwise; sign-in reads it without this class's bean. */
	static final String DEFAULT_BASE_URL = "https://open.feishu.cn";

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
	 */
	public FeishuVcProperties(@DefaultValue("true") boolean enabled, @DefaultValue("self-built") AppType appType,
			@Nullable String appId,
			@Nullable String appSecret, @DefaultValue(DEFAULT_BASE_URL) String baseUrl,
			@DefaultValue("open_id") UserIdType userIdType, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("10s") Duration responseTimeout, @DefaultValue("30s") Duration callTimeout,
			@DefaultValue("1MB") DataSize maxResponseSize,
			@DefaultValue Token token, @DefaultValue Pool pool) {
		Assert.isTrue(maxResponseSize.toBytes() > 0 && maxResponseSize.toBytes() <= Integer.MAX_VALUE,
				"feishu.vc.max-response-size must be between 1B and 2GB");
		positive(connectTimeout, "connect-timeout");
		positive(responseTimeout, "response-timeout");
		positive(callTimeout, "call-timeout");
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

	/** Shows every setting but the app secret. */
	@Override
	public String toString() {
		return "FeishuVcProperties[enabled=" + this.enabled + ", appType=" + this.appType + ", appId=" + this.appId
				+ ", appSecret=" + ((this.appSecret != null) ? "[masked]" : null) + ", baseUrl=" + this.baseUrl
				+ ", userIdType=" + this.userIdType + ", connectTimeout=" + this.connectTimeout + ", responseTimeout="
				+ this.responseTimeout + ", callTimeout=" + this.callTimeout + ", maxResponseSize=" + this.maxResponseSize
				+ ", token=" + this.token + ", pool=" + this.pool + "]";
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
