package io.github.feishuvc.autoconfigure;

import java.time.Clock;

import io.github.feishuvc.actuate.FeishuVcInboxEndpoint;
import io.github.feishuvc.events.EventDispatcher;
import io.github.feishuvc.events.FeishuEventInbox;
import io.github.feishuvc.health.FeishuVcInboxHealthIndicator;
import io.github.feishuvc.redis.RedisAvailability;
import io.github.feishuvc.redis.RedisEventInbox;
import io.github.feishuvc.redis.RedisEventInboxReader;
import io.github.feishuvc.redis.RedisPublishedEventIds;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The durable inbox on Redis Streams ({@code feishu.vc.events.inbox.enabled}, on by default with
 * {@code feishu.vc.shared-state.type=redis}): the inbox the event dispatcher appends to, the reader that hands its
 * events to the listeners, and, when the application has them, the {@code feishuVcInbox} health indicator, the
 * {@code feishuvcinbox} actuator endpoint and the meters {@code feishu.vc.events.inbox.pending}, {@code .lag},
 * {@code .retries} and {@code .dead-letters}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ReactiveStringRedisTemplate.class)
@Conditional(FeishuVcConditions.RedisSharedState.class)
@ConditionalOnBooleanProperty(name = FeishuVcEventsProperties.PREFIX + ".inbox.enabled", matchIfMissing = true)
class FeishuVcEventInboxConfiguration {

	@Bean
	@ConditionalOnMissingBean(FeishuEventInbox.class)
	RedisEventInbox feishuVcEventInbox(ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory,
			RedisAvailability availability, FeishuVcProperties properties, FeishuVcSharedStateProperties sharedState,
			FeishuVcEventsProperties events, ObjectProvider<RedisPublishedEventIds> publishedIds) {
		// The ids' own store when it is Redis's: the append confirms its event's id there, in the same script.
		return new RedisEventInbox(FeishuVcRedisAutoConfiguration.redis(connectionFactory), availability,
				sharedState.getKeyPrefix(), properties.getAppId(), events.getInbox().getMaxLength(),
				publishedIds.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	RedisEventInboxReader feishuVcEventInboxReader(ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory,
			RedisAvailability availability, RedisEventInbox inbox, EventDispatcher dispatcher,
			FeishuVcEventsProperties events) {
		FeishuVcEventsProperties.Inbox settings = events.getInbox();
		return new RedisEventInboxReader(FeishuVcRedisAutoConfiguration.redis(connectionFactory), availability, inbox,
				dispatcher::publishStored,
				new RedisEventInboxReader.Settings(settings.getMaxAttempts(), settings.getBackoff(),
						settings.getClaimAfter(), events.getListeners().getThreads()),
				Schedulers.parallel(), Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
	@ConditionalOnEnabledHealthIndicator("feishu-vc-inbox")
	static class InboxHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "feishuVcInboxHealthIndicator")
		FeishuVcInboxHealthIndicator feishuVcInboxHealthIndicator(RedisEventInbox inbox) {
			return new FeishuVcInboxHealthIndicator(inbox::appendFailure);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	static class InboxEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		FeishuVcInboxEndpoint feishuVcInboxEndpoint(FeishuEventInbox inbox) {
			return new FeishuVcInboxEndpoint(inbox);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
	static class InboxMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "feishuVcEventInboxMetrics")
		MeterBinder feishuVcEventInboxMetrics(RedisEventInboxReader reader) {
			return (registry) -> {
				Gauge.builder("feishu.vc.events.inbox.pending", reader, RedisEventInboxReader::pending)
					.description("Events of the inbox read by an instance and not acknowledged yet")
					.register(registry);
				Gauge.builder("feishu.vc.events.inbox.lag", reader, RedisEventInboxReader::lag)
					.description("Events of the inbox not read by any instance yet")
					.register(registry);
				FunctionCounter.builder("feishu.vc.events.inbox.retries", reader, RedisEventInboxReader::retries)
					.description("Attempts made again after a listener failed")
					.register(registry);
				FunctionCounter
					.builder("feishu.vc.events.inbox.dead-letters", reader, RedisEventInboxReader::deadLetters)
					.description("Events set aside after their listeners failed on every attempt")
					.register(registry);
			};
		}

	}

}
