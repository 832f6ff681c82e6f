package io.github.feishuvc.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;

import io.github.feishuvc.auth.AppTicketStore;
import io.github.feishuvc.auth.TokenStore;
import io.github.feishuvc.core.FeishuVcRateLimiter;
import io.github.feishuvc.events.PublishedEventIds;
import io.github.feishuvc.redis.RedisAppTicketStore;
import io.github.feishuvc.redis.RedisAvailability;
import io.github.feishuvc.redis.RedisPublishedEventIds;
import io.github.feishuvc.redis.RedisRateLimiter;
import io.github.feishuvc.redis.RedisTokenStore;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of the state several instances of an app share through Redis
 * ({@code feishu.vc.shared-state.type=redis}): the rate-limit windows, the app ticket, the ids of the events published
 * and (unless {@code feishu.vc.shared-state.share-tokens=false}) the tokens, over the application's reactive Redis
 * connection ({@code spring.data.redis.*}). Runs before {@link FeishuVcAutoConfiguration}, whose in-memory beans then
 * back off; each bean backs off for one of the application's own.
 */
@AutoConfiguration(
		before = { FeishuVcAutoConfiguration.class, FeishuVcEventsAutoConfiguration.class,
				FeishuVcLongConnectionAutoConfiguration.class },
		afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration" })
@ConditionalOnClass(ReactiveStringRedisTemplate.class)
@ConditionalOnBooleanProperty(name = FeishuVcProperties.PREFIX + ".enabled", matchIfMissing = true)
@Conditional(FeishuVcConditions.RedisSharedState.class)
@EnableConfigurationProperties({ FeishuVcProperties.class, FeishuVcSharedStateProperties.class,
		FeishuVcRateLimitProperties.class, FeishuVcEventsProperties.class })
@ImportRuntimeHints(FeishuVcRuntimeHints.class)
public final class FeishuVcRedisAutoConfiguration {

	private static final Log logger = LogFactory.getLog(FeishuVcRedisAutoConfiguration.class);

	/** The first connection and script load may take longer than any one operation is allowed to. */
	private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(5);

	/** The oldest Redis the shared state works with. */
	static final String MINIMUM_REDIS_VERSION = "5.0";

	@Bean
	@ConditionalOnMissingBean
	RedisAvailability feishuVcRedisAvailability(FeishuVcSharedStateProperties sharedState) {
		checkKeyPrefix(sharedState.getKeyPrefix());
		return new RedisAvailability(sharedState.getTimeout(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean(FeishuVcRateLimiter.class)
	@ConditionalOnBooleanProperty(name = FeishuVcRateLimitProperties.PREFIX + ".enabled", matchIfMissing = true)
	RedisRateLimiter feishuVcRateLimiter(ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory,
			RedisAvailability availability, FeishuVcProperties properties, FeishuVcSharedStateProperties sharedState,
			FeishuVcRateLimitProperties rateLimit) {
		return new RedisRateLimiter(redis(connectionFactory), availability, sharedState.getKeyPrefix(),
				properties.getAppId(), rateLimit.defaults(), FeishuVcAutoConfiguration.DOCUMENTED_RATE_LIMITS, rateLimit.getMargin(),
				rateLimit.getColdMargin(), rateLimit.isPace(), rateLimit.getMaxWait(), Schedulers.parallel());
	}

	@Bean
	@ConditionalOnMissingBean(AppTicketStore.class)
	RedisAppTicketStore feishuVcAppTicketStore(ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory,
			RedisAvailability availability, FeishuVcSharedStateProperties sharedState) {
		return new RedisAppTicketStore(redis(connectionFactory), availability, sharedState.getKeyPrefix());
	}

	@Bean
	@ConditionalOnMissingBean(TokenStore.class)
	@ConditionalOnBooleanProperty(name = FeishuVcSharedStateProperties.PREFIX + ".share-tokens", matchIfMissing = true)
	RedisTokenStore feishuVcTokenStore(ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory,
			RedisAvailability availability, FeishuVcSharedStateProperties sharedState) {
		return new RedisTokenStore(redis(connectionFactory), availability, sharedState.getKeyPrefix());
	}

	@Bean
	@ConditionalOnMissingBean(PublishedEventIds.class)
	RedisPublishedEventIds feishuVcPublishedEventIds(ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory,
			RedisAvailability availability, FeishuVcProperties properties, FeishuVcSharedStateProperties sharedState,
			FeishuVcEventsProperties events) {
		return new RedisPublishedEventIds(redis(connectionFactory), availability, sharedState.getKeyPrefix(),
				properties.getAppId(), events.getDedupeWindow(), Clock.systemUTC());
	}

	/**
	 * Checks the Redis version, connects and loads the rate-limit script at startup, so that no call takes a cold first
	 * operation for an outage; every key read is under the key prefix, so an ACL limited to it suffices.
	 */
	@Bean
	SmartInitializingSingleton feishuVcRedisWarmUp(ObjectProvider<RedisRateLimiter> rateLimiter,
			ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory, RedisAvailability availability,
			FeishuVcSharedStateProperties sharedState) {
		return () -> {
			ReactiveStringRedisTemplate redis = redis(connectionFactory);
			warnOfAClusterLayoutNeverReadAgain(connectionFactory.getIfAvailable());
			checkVersion(redis.execute((connection) -> connection.serverCommands().info("server"))
				.next()
				.map(FeishuVcRedisAutoConfiguration::oldestVersion)
				.timeout(WARM_UP_TIMEOUT, Mono.empty())
				.onErrorResume((ex) -> Mono.empty())
				.block());
			RedisRateLimiter limiter = rateLimiter.getIfAvailable();
			if (limiter != null) {
				limiter.warmUp(WARM_UP_TIMEOUT);
			}
			else {
				availability.warmUp(redis.opsForValue().get(sharedState.getKeyPrefix() + "warm-up"),
						WARM_UP_TIMEOUT);
			}
		};
	}

	/**
	 * Refuses a Redis older than {@value #MINIMUM_REDIS_VERSION}: the rate-limit script reads Redis's clock before it
	 * writes, which older versions refuse. A Redis that cannot be asked (down, or INFO not allowed) is let through.
	 */
	static void checkVersion(@Nullable String version) {
		if (version == null || version.isEmpty()) {
			return;
		}
		if (major(version) < 5) {
			throw new FeishuVcConfigurationException("feishu.vc.shared-state.type=redis needs Redis "
					+ MINIMUM_REDIS_VERSION + " or newer, but the application's Redis is " + version + ".",
					"Upgrade Redis, or set feishu.vc.shared-state.type=memory.");
		}
	}

	/**
	 * The version of a standalone Redis, or the oldest of a cluster's nodes, whose versions Spring Data gives as
	 * {@code <host>:<port>.redis_version}.
	 */
	static String oldestVersion(Properties info) {
		return info.stringPropertyNames()
			.stream()
			.filter((name) -> name.endsWith("redis_version"))
			.map(info::getProperty)
			.min(Comparator.comparingInt(FeishuVcRedisAutoConfiguration::major))
			.orElse("");
	}

	private static int major(String version) {
		String major = version.split("\\.")[0];
		return (!major.isEmpty() && major.chars().allMatch(Character::isDigit)) ? Integer.parseInt(major)
				: Integer.MAX_VALUE;
	}

	/**
	 * Refuses a key prefix that defeats the hash tags of the starter's keys: Redis hashes a key whole when its first
	 * <code>&#123;</code> is followed at once by <code>&#125;</code>, and a cluster then refuses every script that takes
	 * several keys ({@code CROSSSLOT}). Refused on every topology, so that moving to a cluster does not surprise.
	 */
	static void checkKeyPrefix(String keyPrefix) {
		int open = keyPrefix.indexOf('{');
		if (open >= 0 && open + 1 < keyPrefix.length() && keyPrefix.charAt(open + 1) == '}') {
			throw new FeishuVcConfigurationException("feishu.vc.shared-state.key-prefix is '" + keyPrefix
					+ "', whose empty braces {} make Redis Cluster place each key by its whole name: the starter's "
					+ "scripts, which take several keys, would be refused (CROSSSLOT).",
					"Remove the braces from feishu.vc.shared-state.key-prefix: the starter tags its keys itself, per "
							+ "app and tenant (see docs/scaling-out.md).");
		}
	}

	/**
	 * Warns of a Redis Cluster whose client, Lettuce, never reads the cluster's layout again, as Spring Boot 4.0's
	 * Lettuce 6 does unless told to: after a failover it keeps sending to the failed primary, and for that primary's
	 * slots each instance goes on alone for good. (Lettuce 7, with Spring Boot 4.1, refreshes on redirects and
	 * reconnects by default.) Lettuce's classes are loaded only when it is there.
	 */
	static void warnOfAClusterLayoutNeverReadAgain(@Nullable ReactiveRedisConnectionFactory factory) {
		if (ClassUtils.isPresent("io.lettuce.core.cluster.ClusterClientOptions",
				FeishuVcRedisAutoConfiguration.class.getClassLoader())
				&& LettuceClusterLayout.neverReadAgain(factory)) {
			logger.warn("feishu.vc.shared-state.type=redis on a Redis Cluster whose client "
					+ "(Lettuce) never reads the cluster's layout again: after a failover, the instances stop sharing "
					+ "what the failed primary held. On Spring Boot 4.0, set "
					+ "spring.data.redis.lettuce.cluster.refresh.adaptive=true (see docs/scaling-out.md).");
		}
	}

	/** The application's reactive Redis connection, with plain string keys and values. */
	static ReactiveStringRedisTemplate redis(ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory) {
		ReactiveRedisConnectionFactory factory = connectionFactory.getIfAvailable();
		if (factory == null) {
			throw new FeishuVcConfigurationException(
					"feishu.vc.shared-state.type=redis, but the application has no reactive Redis connection "
							+ "(ReactiveRedisConnectionFactory).",
					"Add the dependency org.springframework.boot:spring-boot-starter-data-redis and point "
							+ "spring.data.redis.* at your Redis, or set feishu.vc.shared-state.type=memory.");
		}
		return new ReactiveStringRedisTemplate(factory);
	}

	/** Lettuce's side of {@link #warnOfAClusterLayoutNeverReadAgain}, in a class of its own so that it loads apart. */
	private static final class LettuceClusterLayout {

		/** Lettuce's defaults for what Spring Data leaves unset (a cluster's client options included). */
		static boolean neverReadAgain(@Nullable ReactiveRedisConnectionFactory factory) {
			if (!(factory instanceof LettuceConnectionFactory lettuce) || !lettuce.isClusterAware()) {
				return false;
			}
			ClusterTopologyRefreshOptions refresh = lettuce.getClientConfiguration()
				.getClientOptions()
				.filter(ClusterClientOptions.class::isInstance)
				.map(ClusterClientOptions.class::cast)
				.orElseGet(ClusterClientOptions::create)
				.getTopologyRefreshOptions();
			return refresh.getAdaptiveRefreshTriggers().isEmpty() && !refresh.isPeriodicRefreshEnabled();
		}

	}

}
