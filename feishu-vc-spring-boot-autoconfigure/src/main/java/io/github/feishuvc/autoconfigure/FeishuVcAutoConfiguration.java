package io.github.feishuvc.autoconfigure;

import java.time.Clock;
import java.util.Map;

import io.github.feishuvc.agent.MeetingAgentOperations;
import io.github.feishuvc.auth.AppTicketStore;
import io.github.feishuvc.auth.InMemoryAppTicketStore;
import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.ClientRateLimiter;
import io.github.feishuvc.core.FeishuVcClient;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcObservationConvention;
import io.github.feishuvc.core.FeishuVcRateLimiter;
import io.github.feishuvc.core.FeishuVcRetryPolicy;
import io.github.feishuvc.core.FeishuVcSharedStateStatus;
import io.github.feishuvc.core.RateLimit;
import io.github.feishuvc.internal.FeishuApis;
import io.github.feishuvc.meeting.MeetingOperations;
import io.github.feishuvc.meeting.RecordingOperations;
import io.github.feishuvc.export.ExportOperations;
import io.github.feishuvc.export.ExportTiming;
import io.github.feishuvc.minutes.MinuteOperations;
import io.github.feishuvc.note.NoteOperations;
import io.github.feishuvc.report.AlertOperations;
import io.github.feishuvc.report.MeetingDataOperations;
import io.github.feishuvc.report.ReportOperations;
import io.github.feishuvc.room.ReserveConfigOperations;
import io.github.feishuvc.room.RoomConfigOperations;
import io.github.feishuvc.room.RoomLevelOperations;
import io.github.feishuvc.room.RoomOperations;
import io.github.feishuvc.reserve.ReserveOperations;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the Feishu VC client: {@link ReserveOperations}, {@link MeetingOperations},
 * {@link RecordingOperations}, the rooms' {@link RoomOperations}, {@link RoomLevelOperations},
 * {@link RoomConfigOperations} and {@link ReserveConfigOperations}, the notes' {@link NoteOperations}, the minutes'
 * {@link MinuteOperations}, the meeting agents' {@link MeetingAgentOperations}, the meeting data's
 * {@link MeetingDataOperations}, {@link ReportOperations}, {@link AlertOperations} and {@link ExportOperations}, the
 * {@link TenantAccessTokenProvider} of a self-built or store app (with the {@link AppTicketStore} of the latter), and
 * what they share: the {@link FeishuVcExecutor} (retries, client-side rate limit) over the {@link FeishuVcClient}.
 *
 * <p>Calls are observed with the application's {@link ObservationRegistry}, if it has one. The client's
 * {@link WebClient} is built from a clone of the application's auto-configured
 * {@link WebClient.Builder}, so its customizers, observations and SSL apply, with the timeouts of
 * {@link FeishuVcProperties} on the application's HTTP connector and, for Reactor Netty, a connection pool of the
 * Feishu client's own. Every bean backs off when the application defines its own.
 */
@AutoConfiguration(after = WebClientAutoConfiguration.class)
@ConditionalOnClass({ WebClient.class, ClientHttpConnectorBuilder.class })
@ConditionalOnBooleanProperty(name = FeishuVcProperties.PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties({ FeishuVcProperties.class, FeishuVcRateLimitProperties.class,
		FeishuVcRetryProperties.class, FeishuVcStoreAppProperties.class, FeishuVcExportProperties.class,
		FeishuVcEventsProperties.class, FeishuVcSharedStateProperties.class })
@ImportRuntimeHints(FeishuVcRuntimeHints.class)
@Import({ FeishuVcTokenProviderConfigurations.SelfBuiltAppConfiguration.class,
		FeishuVcTokenProviderConfigurations.StoreAppConfiguration.class,
		FeishuVcTokenProviderConfigurations.StoreAppWithoutCaffeineConfiguration.class,
		FeishuVcAutoConfiguration.RedisSharedStateWithoutRedisConfiguration.class,
		FeishuVcStartupChecks.BeforeAnyBean.class, FeishuVcStartupChecks.WithoutWebServer.class,
		FeishuVcIdleEventListeners.class })
public final class FeishuVcAutoConfiguration {

	/**
	 * The operations whose documented rate limits are stricter than the standard tier ({@code feishu.vc.rate-limit.*}),
	 * which each is also held to.
	 */
	static final Map<String, RateLimit> DOCUMENTED_RATE_LIMITS = FeishuApis.rateLimits();

	/**
	 * The Feishu calls' own connection pool, unless the application defines one of that name; only the starter's is
	 * emptied when the context stops, the application's being the application's to manage.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(name = "feishuVcConnectionProvider")
	static class ConnectionPoolConfiguration {

		@Bean(destroyMethod = "dispose")
		ConnectionProvider feishuVcConnectionProvider(FeishuVcProperties properties) {
			FeishuVcProperties.Pool pool = properties.getPool();
			return ConnectionProvider.builder("feishu-vc")
				.maxConnections(pool.getMaxConnections())
				.maxIdleTime(pool.getMaxIdleTime())
				.pendingAcquireTimeout(pool.getPendingAcquireTimeout())
				.pendingAcquireMaxCount(pool.getMaxPendingAcquires())
				.build();
		}

		@Bean
		FeishuVcConnectionPoolLifecycle feishuVcConnectionPoolLifecycle(ConnectionProvider feishuVcConnectionProvider) {
			return new FeishuVcConnectionPoolLifecycle(feishuVcConnectionProvider);
		}

	}

	@Bean
	@ConditionalOnMissingBean
	FeishuVcClient feishuVcClient(FeishuVcProperties properties, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> clientHttpConnectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<FeishuVcWebClientCustomizer> customizers, ResourceLoader resourceLoader,
			ConnectionProvider feishuVcConnectionProvider, ObjectProvider<ReactorResourceFactory> reactorResources) {
		ClientHttpConnector connector = new FeishuVcHttpClients(properties, clientHttpConnectorBuilder,
				httpClientSettings, reactorResources, resourceLoader)
			.connector(feishuVcConnectionProvider);
		WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder)
			.clone()
			.clientConnector(connector)
			// Headers (the bearer token) are never logged, even with spring.codec.log-request-details=true.
			.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(false));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return new FeishuVcClient(builder.build(), properties.getBaseUrl(), properties.getMaxResponseSize(),
				properties.getResponseTimeout());
	}

	@Bean
	@ConditionalOnMissingBean(FeishuVcRateLimiter.class)
	@ConditionalOnBooleanProperty(name = FeishuVcRateLimitProperties.PREFIX + ".enabled", matchIfMissing = true)
	ClientRateLimiter feishuVcRateLimiter(FeishuVcRateLimitProperties rateLimit) {
		return new ClientRateLimiter(rateLimit.defaults(), DOCUMENTED_RATE_LIMITS, rateLimit.getMargin(),
				rateLimit.getColdMargin(), rateLimit.isPace(), rateLimit.getMaxWait(), Schedulers.parallel());
	}

	@Bean
	@ConditionalOnMissingBean
	FeishuVcExecutor feishuVcExecutor(FeishuVcClient client, FeishuVcProperties properties,
			FeishuVcRetryProperties retry, ObjectProvider<FeishuVcRateLimiter> rateLimiter,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<FeishuVcObservationConvention> observationConvention) {
		FeishuVcRetryPolicy policy = new FeishuVcRetryPolicy(retry.isEnabled(), retry.getMaxAttempts(),
				retry.getInitialBackoff(), retry.getMaxBackoff(), retry.getJitter(), retry.getMaxTotalTime(),
				retry.getMaxRateLimitWait());
		return new FeishuVcExecutor(client, policy, rateLimiter.getIfAvailable(), Schedulers.parallel(),
				observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
				observationConvention.getIfAvailable(), properties.getCallTimeout());
	}

	@Bean
	@ConditionalOnMissingBean(AppTicketStore.class)
	InMemoryAppTicketStore feishuVcAppTicketStore() {
		return new InMemoryAppTicketStore();
	}

	@Bean
	@ConditionalOnMissingBean(ReserveOperations.class)
	ReserveOperations reserveOperations(FeishuVcExecutor executor, TenantAccessTokenProvider tokenProvider,
			FeishuVcProperties properties) {
		return ReserveOperations.create(executor, tokenProvider, properties.getUserIdType());
	}

	@Bean
	@ConditionalOnMissingBean(MeetingOperations.class)
	MeetingOperations meetingOperations(FeishuVcExecutor executor, TenantAccessTokenProvider tokenProvider,
			FeishuVcProperties properties) {
		return MeetingOperations.create(executor, tokenProvider, properties.getUserIdType());
	}

	@Bean
	@ConditionalOnMissingBean(RecordingOperations.class)
	RecordingOperations recordingOperations(FeishuVcExecutor executor, TenantAccessTokenProvider tokenProvider,
			FeishuVcProperties properties) {
		return RecordingOperations.create(executor, tokenProvider, properties.getUserIdType());
	}

	@Bean
	@ConditionalOnMissingBean(NoteOperations.class)
	NoteOperations noteOperations(FeishuVcExecutor executor, TenantAccessTokenProvider tokenProvider,
			FeishuVcProperties properties) {
		return NoteOperations.create(executor, tokenProvider, properties.getUserIdType());
	}

	@Bean
	@ConditionalOnMissingBean(MinuteOperations.class)
	MinuteOperations minuteOperations(FeishuVcExecutor executor, TenantAccessTokenProvider tokenProvider,
			FeishuVcProperties properties, FeishuVcExportProperties export) {
		// The exports' download deadline: the one a FeishuVcTimeoutException of a download names.
		return MinuteOperations.create(executor, tokenProvider, properties.getUserIdType(),
				export.getDownloadTimeout());
	}

	@Bean
	@ConditionalOnMissingBean(MeetingAgentOperations.class)
	MeetingAgentOperations meetingAgentOperations(FeishuVcExecutor executor, TenantAccessTokenProvider tokenProvider,
			FeishuVcProperties properties) {
		return MeetingAgentOperations.create(executor, tokenProvider, properties.getUserIdType());
	}

	@Bean
	@ConditionalOnMissingBean(MeetingDataOperations.class)
	MeetingDataOperations meetingDataOperations(FeishuVcExecutor executor, TenantAccessTokenProvider tokenProvider,
			FeishuVcProperties properties) {
		return MeetingDataOperations.create(executor, tokenProvider, properties.getUserIdType(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean(ReportOperations.class)
	ReportOperations reportOperations(FeishuVcExecutor executor, TenantAccessTokenProvider tokenProvider,
			FeishuVcProperties properties) {
		return ReportOperations.create(executor, tokenProvider, properties.getUserIdType(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean(AlertOperations.class)
	AlertOperations alertOperations(FeishuVcExecutor executor, TenantAccessTokenProvider tokenProvider,
			FeishuVcProperties properties) {
		return AlertOperations.create(executor, tokenProvider, properties.getUserIdType());
	}

	@Bean
	@ConditionalOnMissingBean(ExportOperations.class)
	ExportOperations exportOperations(FeishuVcExecutor executor, TenantAccessTokenProvider tokenProvider,
			FeishuVcProperties properties, FeishuVcExportProperties export) {
		return ExportOperations.create(executor, tokenProvider, properties.getUserIdType(),
				new ExportTiming(export.getAwaitTimeout(), export.getPollInterval(), export.getMaxPollInterval(),
						export.getDownloadTimeout()),
				Clock.systemUTC(), Schedulers.parallel());
	}

	@Bean
	@ConditionalOnMissingBean(RoomOperations.class)
	RoomOperations roomOperations(FeishuVcExecutor executor, TenantAccessTokenProvider tokenProvider,
			FeishuVcProperties properties) {
		return RoomOperations.create(executor, tokenProvider, properties.getUserIdType());
	}

	@Bean
	@ConditionalOnMissingBean(RoomLevelOperations.class)
	RoomLevelOperations roomLevelOperations(FeishuVcExecutor executor, TenantAccessTokenProvider tokenProvider,
			FeishuVcProperties properties) {
		return RoomLevelOperations.create(executor, tokenProvider, properties.getUserIdType());
	}

	@Bean
	@ConditionalOnMissingBean(RoomConfigOperations.class)
	RoomConfigOperations roomConfigOperations(FeishuVcExecutor executor, TenantAccessTokenProvider tokenProvider,
			FeishuVcProperties properties) {
		return RoomConfigOperations.create(executor, tokenProvider, properties.getUserIdType());
	}

	@Bean
	@ConditionalOnMissingBean(ReserveConfigOperations.class)
	ReserveConfigOperations reserveConfigOperations(FeishuVcExecutor executor, TenantAccessTokenProvider tokenProvider,
			FeishuVcProperties properties) {
		return ReserveConfigOperations.create(executor, tokenProvider, properties.getUserIdType());
	}

	/** Refuses to start as several instances sharing Redis when Spring Data Redis is not there. */
	@Configuration(proxyBeanMethods = false)
	@Conditional(FeishuVcConditions.RedisSharedState.class)
	@ConditionalOnMissingClass("org.springframework.data.redis.core.ReactiveStringRedisTemplate")
	static class RedisSharedStateWithoutRedisConfiguration {

		@Bean
		FeishuVcSharedStateStatus feishuVcRedisAvailability() {
			throw new FeishuVcConfigurationException(
					"feishu.vc.shared-state.type=redis, but Spring Data Redis is not on the classpath.",
					"Add the dependency org.springframework.boot:spring-boot-starter-data-redis and point "
							+ "spring.data.redis.* at your Redis, or set feishu.vc.shared-state.type=memory.");
		}

	}

}
