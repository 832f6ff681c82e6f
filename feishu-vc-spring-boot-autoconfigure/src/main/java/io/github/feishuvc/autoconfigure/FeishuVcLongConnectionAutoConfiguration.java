package io.github.feishuvc.autoconfigure;

import java.time.Clock;

import io.github.feishuvc.core.FeishuVcClient;
import io.github.feishuvc.events.EventDispatcher;
import io.github.feishuvc.events.longconnection.FeishuLongConnection;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Auto-configuration of the long connection ({@code feishu.vc.events.mode=long-connection}): a self-built app
 * receives its events over a WebSocket it opens to the platform, with no public URL and no web server, and publishes
 * them as the webhook endpoint would. The connection opens when the context starts and closes first when it stops.
 * Its WebSocket client is made as the Feishu client's calls' client is, by the application's
 * {@code ClientHttpConnectorBuilder} (a forward proxy set there applies to both), then by every
 * {@link FeishuVcLongConnectionClientCustomizer}.
 */
@AutoConfiguration(after = FeishuVcAutoConfiguration.class)
@ConditionalOnBean(FeishuVcClient.class)
@Conditional(FeishuVcConditions.LongConnection.class)
@EnableConfigurationProperties(FeishuVcEventsProperties.class)
public final class FeishuVcLongConnectionAutoConfiguration {

	/** The counter of the long connection's events. */
	public static final String METRIC = "feishu.vc.events.long-connection";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "com.google.protobuf.CodedInputStream")
	@Import(FeishuVcEventPublishingConfiguration.class)
	static class LongConnectionConfiguration {

		@Bean
		@ConditionalOnMissingBean
		FeishuLongConnection feishuVcLongConnection(FeishuVcProperties properties, FeishuVcEventsProperties events,
				FeishuVcClient client,
				EventDispatcher dispatcher, ObjectProvider<ClientHttpConnectorBuilder<?>> clientHttpConnectorBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings,
				ObjectProvider<ReactorResourceFactory> reactorResources, ResourceLoader resourceLoader,
				ObjectProvider<FeishuVcLongConnectionClientCustomizer> customizers) {
			FeishuVcTokenProviderConfigurations.checkCredentials(properties);
			HttpClient websocketClient = new FeishuVcHttpClients(properties, clientHttpConnectorBuilder,
					httpClientSettings, reactorResources, resourceLoader)
				.websocketClient();
			for (FeishuVcLongConnectionClientCustomizer customizer : customizers.orderedStream().toList()) {
				websocketClient = customizer.customize(websocketClient);
			}
			FeishuVcEventsProperties.LongConnection settings = events.getLongConnection();
			return new FeishuLongConnection(new FeishuLongConnection.Settings(properties.getAppId(),
					properties.getAppSecret(), (int) settings.getMaxMessageSize().toBytes(), settings.getIdleTimeout(),
					settings.getHandshakeTimeout(), settings.getMinReconnectDelay(), settings.getDownAfter()), client,
					websocketClient, dispatcher, Clock.systemUTC(), Schedulers.parallel());
		}

	}

	/**
	 * Counts the events the long connection received and acknowledged ({@code feishu.vc.events.long-connection},
	 * tag {@code outcome}), when the application has Micrometer.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "com.google.protobuf.CodedInputStream", "io.micrometer.core.instrument.binder.MeterBinder" })
	static class LongConnectionMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "feishuVcLongConnectionMetrics")
		MeterBinder feishuVcLongConnectionMetrics(FeishuLongConnection connection) {
			return (registry) -> {
				FunctionCounter.builder(METRIC, connection, (counted) -> counted.state().received())
					.description("Events the Feishu long connection received in full, and those it acknowledged")
					.tag("outcome", "received")
					.register(registry);
				FunctionCounter.builder(METRIC, connection, (counted) -> counted.state().acknowledged())
					.description("Events the Feishu long connection received in full, and those it acknowledged")
					.tag("outcome", "acknowledged")
					.register(registry);
			};
		}

	}

	/** Says at startup what is missing, rather than receive nothing. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("com.google.protobuf.CodedInputStream")
	static class MissingProtobufConfiguration {

		MissingProtobufConfiguration() {
			throw new FeishuVcConfigurationException(
					"feishu.vc.events.mode=long-connection needs protobuf to read the platform's frames, and "
							+ "com.google.protobuf:protobuf-java is not on the classpath",
					"Depend on feishu-vc-spring-boot-starter, which brings it, or add com.google.protobuf:protobuf-java");
		}

	}

}
