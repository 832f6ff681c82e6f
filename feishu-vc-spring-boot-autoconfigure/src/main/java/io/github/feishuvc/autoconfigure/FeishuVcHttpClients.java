package io.github.feishuvc.autoconfigure;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.netty.channel.ChannelOption;
import io.netty.resolver.NoopAddressResolverGroup;
import reactor.netty.http.HttpResources;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * The HTTP clients of the Feishu client's calls and of the long connection's WebSocket, both made by the application's
 * {@link ClientHttpConnectorBuilder}, so that what the application sets there once (a forward proxy, above all, which
 * is often a company network's only way out) applies to every connection to the platform, the request for the long
 * connection's URL and the WebSocket alike.
 */
final class FeishuVcHttpClients {

	private final ClientHttpConnectorBuilder<?> builder;

	private final HttpClientSettings settings;

	private final Supplier<LoopResources> loops;

	/**
	 * Read what the application configured.
	 * @param properties the Feishu properties, whose connect timeout replaces the application's
	 * @param builder the application's connector builder, else the one Boot detects
	 * @param settings the application's HTTP client settings (its SSL bundle among them)
	 * @param reactorResources the application's Reactor Netty resources, whose event loops the clients run on
	 * @param resourceLoader where Boot detects the connector builder from
	 */
	FeishuVcHttpClients(FeishuVcProperties properties, ObjectProvider<ClientHttpConnectorBuilder<?>> builder,
			ObjectProvider<HttpClientSettings> settings, ObjectProvider<ReactorResourceFactory> reactorResources,
			ResourceLoader resourceLoader) {
		this.builder = builder.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader()));
		// The platform never redirects an API call; following a redirect would hand the bearer token to its target.
		// No read timeout: FeishuVcClient bounds each whole response itself, which an idle timeout cannot.
		this.settings = settings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(properties.getConnectTimeout(), null)
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		this.loops = loops(reactorResources);
	}

	/**
	 * The connector of the calls: with Reactor Netty, on the given pool.
	 * @param pool the Feishu client's connection pool
	 * @return the connector
	 */
	ClientHttpConnector connector(ConnectionProvider pool) {
		return (this.builder instanceof ReactorClientHttpConnectorBuilder reactor)
				? reactor.withHttpClientFactory(() -> HttpClient.create(pool))
					.withHttpClientCustomizer(this::lastly)
					.build(this.settings)
				: this.builder.build(this.settings);
	}

	/**
	 * The client the long connection's WebSocket is opened with: one connection, never pooled (a WebSocket is not
	 * given back), made as the calls' client is. When the calls use another HTTP library, whose settings a Reactor
	 * Netty client cannot take, the connect timeout and the JVM's proxy settings only.
	 * @return the client
	 */
	HttpClient websocketClient() {
		if (this.builder instanceof ReactorClientHttpConnectorBuilder reactor) {
			// Boot's builder makes connectors, which do not show their client: the client is taken as the last
			// customizer sees it, the application's own customizers (its proxy) and settings applied.
			AtomicReference<HttpClient> built = new AtomicReference<>();
			reactor.withHttpClientFactory(() -> HttpClient.create(ConnectionProvider.newConnection()))
				.withHttpClientCustomizer((client) -> {
					built.set(lastly(client));
					return built.get();
				})
				.build(this.settings);
			return built.get();
		}
		return HttpClient.create(ConnectionProvider.newConnection())
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) this.settings.connectTimeout().toMillis())
			.proxyWithSystemProperties();
	}

	/**
	 * What is done last, after the application's customizers. The loops go here: with a ReactorResourceFactory (any
	 * WebFlux application) Boot's builder would otherwise put the client back on the factory's colocated loops. Gzip,
	 * which Boot turns on, goes too: the platform's answers are a kilobyte or so, cheaper to read than to inflate.
	 * Behind a proxy the platform's names are the proxy's to resolve, as Reactor Netty has it unless loops were set
	 * before the proxy (Boot's ReactorResourceFactory sets them first): a company network may resolve no outside
	 * name, and its proxy may let through only the names it allows.
	 */
	private HttpClient lastly(HttpClient client) {
		HttpClient feishu = client.compress(false).runOn(new UncolocatedLoopResources(this.loops));
		return feishu.configuration().hasProxy() ? feishu.resolver(NoopAddressResolverGroup.INSTANCE) : feishu;
	}

	/**
	 * The application's event loops: those of its {@link ReactorResourceFactory}, else Reactor Netty's global ones;
	 * asked for at each connection, since stopping the context disposes them and starting it makes new ones.
	 */
	private static Supplier<LoopResources> loops(ObjectProvider<ReactorResourceFactory> reactorResources) {
		ReactorResourceFactory factory = reactorResources.getIfAvailable();
		return (factory != null) ? factory::getLoopResources : HttpResources::get;
	}

}
