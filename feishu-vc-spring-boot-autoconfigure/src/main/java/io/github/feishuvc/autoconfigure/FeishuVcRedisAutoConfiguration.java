package io.github.feishuvc.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import io.github.feishuvc.auth.AppTicketStore;
import io.github.feishuvc.auth.TokenStore;
import io.github.feishuvc.core.FeishuVcRateLimiter;
import io.github.feishuvc.redis.RedisAppTicketStore;
import io.github.feishuvc.redis.RedisAvailability;
import io.github.feishuvc.redis.RedisRateLimiter;
import io.github.feishuvc.redis.RedisTokenStore;
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
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Auto-configuration of the state several instances of an app share through Redis ({@code feishu.vc.store.type=redis}):
 * the rate-limit windows, the app ticket and (unless {@code feishu.vc.store.share-tokens=false}) the tokens, over the
 * application's reactive Redis connection ({@code spring.data.redis.*}). Runs before
 * {@link FeishuVcAutoConfiguration}, whose in-memory beans then back off; each bean backs off for one of the
 * application's own.
 */
@AutoConfiguration(before = FeishuVcAutoConfiguration.class,
		afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration" })
@ConditionalOnClass(ReactiveStringRedisTemplate.class)
@ConditionalOnBooleanProperty(name = FeishuVcProperties.PREFIX + ".enabled", matchIfMissing = true)
@Conditional(FeishuVcConditions.RedisStore.class)
@EnableConfigurationProperties(FeishuVcProperties.class)
public final class FeishuVcRedisAutoConfiguration {

	/** The first connection and script load may take longer than any one operation is allowed to. */
	private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(5);

	@Bean
	@ConditionalOnMissingBean
	RedisAvailability feishuVcRedisAvailability(FeishuVcProperties properties) {
		return new RedisAvailability(properties.getStore().getTimeout(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean(FeishuVcRateLimiter.class)
	@ConditionalOnBooleanProperty(name = FeishuVcProperties.PREFIX + ".rate-limit.enabled", matchIfMissing = true)
	RedisRateLimiter feishuVcRateLimiter(ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory,
			RedisAvailability availability, FeishuVcProperties properties) {
		FeishuVcProperties.RateLimit rateLimit = properties.getRateLimit();
		return new RedisRateLimiter(redis(connectionFactory), availability,
				properties.getStore().getKeyPrefix() + properties.getAppId() + ":", rateLimit.getPerSecond(),
				rateLimit.getPerMinute(), rateLimit.getMargin(), rateLimit.isPace(), rateLimit.getMaxWait(),
				Schedulers.parallel());
	}

	@Bean
	@ConditionalOnMissingBean(AppTicketStore.class)
	RedisAppTicketStore feishuVcAppTicketStore(ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory,
			RedisAvailability availability, FeishuVcProperties properties) {
		return new RedisAppTicketStore(redis(connectionFactory), availability, properties.getStore().getKeyPrefix());
	}

	@Bean
	@ConditionalOnMissingBean(TokenStore.class)
	@ConditionalOnBooleanProperty(name = FeishuVcProperties.PREFIX + ".store.share-tokens", matchIfMissing = true)
	RedisTokenStore feishuVcTokenStore(ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory,
			RedisAvailability availability, FeishuVcProperties properties) {
		return new RedisTokenStore(redis(connectionFactory), availability, properties.getStore().getKeyPrefix());
	}

	/** Connects and loads the rate-limit script at startup, so that no call takes a cold first operation for an outage. */
	@Bean
	SmartInitializingSingleton feishuVcRedisWarmUp(ObjectProvider<RedisRateLimiter> rateLimiter,
			ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory, RedisAvailability availability) {
		return () -> {
			RedisRateLimiter limiter = rateLimiter.getIfAvailable();
			if (limiter != null) {
				limiter.warmUp(WARM_UP_TIMEOUT);
			}
			else {
				availability.warmUp(redis(connectionFactory).opsForValue().get("feishu-vc-warm-up"), WARM_UP_TIMEOUT);
			}
		};
	}

	/** The application's reactive Redis connection, with plain string keys and values. */
	private static ReactiveStringRedisTemplate redis(ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory) {
		ReactiveRedisConnectionFactory factory = connectionFactory.getIfAvailable();
		if (factory == null) {
			throw new FeishuVcConfigurationException(
					"feishu.vc.store.type=redis, but the application has no reactive Redis connection "
							+ "(ReactiveRedisConnectionFactory).",
					"Add the dependency org.springframework.boot:spring-boot-starter-data-redis and point "
							+ "spring.data.redis.* at your Redis, or set feishu.vc.store.type=memory.");
		}
		return new ReactiveStringRedisTemplate(factory);
	}

}
