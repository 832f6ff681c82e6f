package io.github.feishuvc.autoconfigure;

import io.github.feishuvc.autoconfigure.FeishuVcProperties.AppType;
import io.github.feishuvc.security.AuthorizedClientUserTokens;
import io.github.feishuvc.security.FeishuUserTokens;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * The user access tokens of users signed in with Feishu ({@link FeishuUserTokens}), from the application's
 * authorized-client service: Boot's in-memory one by default, or the JDBC or Redis-backed one the application
 * defines so that every replica sees every user's tokens. Tokens are refreshed with the user's refresh token.
 */
@AutoConfiguration(after = FeishuVcOAuth2ClientAutoConfiguration.class, afterName = {
		"org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration" })
@ConditionalOnClass(OAuth2AuthorizedClientService.class)
@ConditionalOnBean(FeishuVcProperties.class)
public final class FeishuVcUserTokensAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@Conditional(FeishuVcConditions.NotReactiveWebApplication.class)
	@ConditionalOnBean({ ClientRegistrationRepository.class, OAuth2AuthorizedClientService.class })
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean
		FeishuUserTokens feishuUserTokens(ClientRegistrationRepository registrations,
				OAuth2AuthorizedClientService authorizedClients, FeishuVcProperties properties) {
			AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
					registrations, authorizedClients);
			manager.setAuthorizedClientProvider(
					OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
			return AuthorizedClientUserTokens.of(manager, FeishuUserTokens.REGISTRATION_ID,
					properties.getAppType() == AppType.STORE);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(FeishuVcConditions.NotServletWebApplication.class)
	@ConditionalOnBean({ ReactiveClientRegistrationRepository.class, ReactiveOAuth2AuthorizedClientService.class })
	static class ReactiveConfiguration {

		@Bean
		@ConditionalOnMissingBean
		FeishuUserTokens feishuUserTokens(ReactiveClientRegistrationRepository registrations,
				ReactiveOAuth2AuthorizedClientService authorizedClients, FeishuVcProperties properties) {
			AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
					registrations, authorizedClients);
			manager.setAuthorizedClientProvider(
					ReactiveOAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
			return AuthorizedClientUserTokens.of(manager, FeishuUserTokens.REGISTRATION_ID,
					properties.getAppType() == AppType.STORE);
		}

	}

}
