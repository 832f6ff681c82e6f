package io.github.feishuvc.autoconfigure;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Callback to customize the {@link WebClient.Builder} of the Feishu VC client alone, after Boot's own
 * {@code WebClientCustomizer}s have been applied. Beans of this type are applied in
 * {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface FeishuVcWebClientCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder, a clone of the application's auto-configured one
	 */
	void customize(WebClient.Builder builder);

}
