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
	 * App ID of the self-built app (cli_...), from the app's Credentials page in the Feishu developer console.
	 */
	private final @Nullable String appId;

	/**
	 * App secret of the self-built app. Never logged.
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
	 * Time allowed for a response to arrive once a request is sent, for every call including the token fetch.
	 */
	private final Duration responseTimeout;

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

	public FeishuVcProperties(@DefaultValue("true") boolean enabled, @Nullable String appId,
			@Nullable String appSecret, @DefaultValue("https://open.feishu.cn") String baseUrl,
			@DefaultValue("open_id") UserIdType userIdType, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("10s") Duration responseTimeout, @DefaultValue("1MB") DataSize maxResponseSize,
			@DefaultValue Token token, @DefaultValue Pool pool, @DefaultValue RateLimit rateLimit,
			@DefaultValue Retry retry) {
		Assert.isTrue(maxResponseSize.toBytes() > 0 && maxResponseSize.toBytes() <= Integer.MAX_VALUE,
				"feishu.vc.max-response-size must be between 1B and 2GB");
		this.enabled = enabled;
		this.appId = appId;
		this.appSecret = appSecret;
		this.baseUrl = baseUrl;
		this.userIdType = userIdType;
		this.connectTimeout = connectTimeout;
		this.responseTimeout = responseTimeout;
		this.maxResponseSize = maxResponseSize;
		this.token = token;
		this.pool = pool;
		this.rateLimit = rateLimit;
		this.retry = retry;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public @Nullable String getAppId() {
		return this.appId;
	}

	public @Nullable String getAppSecret() {
		return this.appSecret;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public UserIdType getUserIdType() {
		return this.userIdType;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public Token getToken() {
		return this.token;
	}

	public Pool getPool() {
		return this.pool;
	}

	public RateLimit getRateLimit() {
		return this.rateLimit;
	}

	public Retry getRetry() {
		return this.retry;
	}

	/** Shows every setting but the app secret. */
	@Override
	public String toString() {
		return "FeishuVcProperties[enabled=" + this.enabled + ", appId=" + this.appId + ", appSecret="
				+ ((this.appSecret != null) ? "[masked]" : null) + ", baseUrl=" + this.baseUrl + ", userIdType="
				+ this.userIdType + ", connectTimeout=" + this.connectTimeout + ", responseTimeout="
				+ this.responseTimeout + ", maxResponseSize=" + this.maxResponseSize + ", token=" + this.token + ", pool="
				+ this.pool + ", rateLimit=" + this.rateLimit + ", retry=" + this.retry + "]";
	}

	/**
	 * Tenant access token settings ({@code feishu.vc.token.*}).
	 */
	public static final class Token {

		/**
		 * How long before a tenant access token expires to fetch a new one. Capped at half the token's lifetime.
		 */
		private final Duration refreshBeforeExpiry;

		public Token(@DefaultValue("5m") Duration refreshBeforeExpiry) {
			this.refreshBeforeExpiry = refreshBeforeExpiry;
		}

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
		 * How long a call waits for a free connection before it fails.
		 */
		private final Duration pendingAcquireTimeout;

		public Pool(@DefaultValue("50") int maxConnections, @DefaultValue("20s") Duration maxIdleTime,
				@DefaultValue("5s") Duration pendingAcquireTimeout) {
			Assert.isTrue(maxConnections > 0, "feishu.vc.pool.max-connections must be positive");
			this.maxConnections = maxConnections;
			this.maxIdleTime = maxIdleTime;
			this.pendingAcquireTimeout = pendingAcquireTimeout;
		}

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public Duration getMaxIdleTime() {
			return this.maxIdleTime;
		}

		public Duration getPendingAcquireTimeout() {
			return this.pendingAcquireTimeout;
		}

		@Override
		public String toString() {
			return "Pool[maxConnections=" + this.maxConnections + ", maxIdleTime=" + this.maxIdleTime
					+ ", pendingAcquireTimeout=" + this.pendingAcquireTimeout + "]";
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
		 * Most calls of one operation in any second.
		 */
		private final int perSecond;

		/**
		 * Most calls of one operation in any minute.
		 */
		private final int perMinute;

		/**
		 * Longest a call may be delayed by the limiter; a call that would wait longer fails at once.
		 */
		private final Duration maxWait;

		public RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("50") int perSecond,
				@DefaultValue("1000") int perMinute, @DefaultValue("10s") Duration maxWait) {
			Assert.isTrue(perSecond > 0 && perMinute > 0,
					"feishu.vc.rate-limit.per-second and feishu.vc.rate-limit.per-minute must be positive");
			Assert.isTrue(!maxWait.isNegative(), "feishu.vc.rate-limit.max-wait must not be negative");
			this.enabled = enabled;
			this.perSecond = perSecond;
			this.perMinute = perMinute;
			this.maxWait = maxWait;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public int getPerSecond() {
			return this.perSecond;
		}

		public int getPerMinute() {
			return this.perMinute;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		@Override
		public String toString() {
			return "RateLimit[enabled=" + this.enabled + ", perSecond=" + this.perSecond + ", perMinute="
					+ this.perMinute + ", maxWait=" + this.maxWait + "]";
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

		public Retry(@DefaultValue("true") boolean enabled, @DefaultValue("3") int maxAttempts,
				@DefaultValue("100ms") Duration initialBackoff, @DefaultValue("2s") Duration maxBackoff,
				@DefaultValue("0.5") double jitter, @DefaultValue("30s") Duration maxTotalTime,
				@DefaultValue("10s") Duration maxRateLimitWait) {
			Assert.isTrue(maxAttempts >= 1, "feishu.vc.retry.max-attempts must be at least 1");
			Assert.isTrue(jitter >= 0 && jitter <= 1, "feishu.vc.retry.jitter must be between 0 and 1");
			this.enabled = enabled;
			this.maxAttempts = maxAttempts;
			this.initialBackoff = initialBackoff;
			this.maxBackoff = maxBackoff;
			this.jitter = jitter;
			this.maxTotalTime = maxTotalTime;
			this.maxRateLimitWait = maxRateLimitWait;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public double getJitter() {
			return this.jitter;
		}

		public Duration getMaxTotalTime() {
			return this.maxTotalTime;
		}

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

}
