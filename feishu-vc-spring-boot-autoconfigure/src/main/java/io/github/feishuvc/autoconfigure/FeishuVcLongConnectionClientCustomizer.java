package io.github.feishuvc.autoconfigure;

import reactor.netty.http.client.HttpClient;

/**
 * Callback to customize the Reactor Netty {@link HttpClient} the long connection's WebSocket is opened with
 * ({@code feishu.vc.events.mode=long-connection}): a proxy other than the JVM's {@code https.proxyHost}, SSL, a
 * resolver, wiretap. Beans of this type are applied in {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface FeishuVcLongConnectionClientCustomizer {

	/**
	 * Customize the client.
	 * @param client the client: one connection, never pooled, the connect timeout of {@code feishu.vc.connect-timeout}
	 * and the JVM's proxy settings applied
	 * @return the client to use
	 */
	HttpClient customize(HttpClient client);

}
