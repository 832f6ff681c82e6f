package io.github.feishuvc.autoconfigure;

import reactor.netty.http.client.HttpClient;

/**
 * Callback to customize the Reactor Netty {@link HttpClient} the long connection's WebSocket is opened with
 * ({@code feishu.vc.events.mode=long-connection}), for the WebSocket alone: what should apply to every connection to
 * the platform (a forward proxy, above all) belongs on the application's HTTP connector, which the WebSocket's client
 * is made by already. Beans of this type are applied in {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface FeishuVcLongConnectionClientCustomizer {

	/**
	 * Customize the client.
	 * @param client the client: one connection, never pooled, made as the Feishu client's calls' client is (the
	 * application's connector customizations and HTTP client settings, the connect timeout of
	 * {@code feishu.vc.connect-timeout})
	 * @return the client to use
	 */
	HttpClient customize(HttpClient client);

}
