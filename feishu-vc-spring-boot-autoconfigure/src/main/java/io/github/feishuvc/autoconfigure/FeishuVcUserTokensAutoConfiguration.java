package io.github.feishuvc.autoconfigure;

import io.github.feishuvc.autoconfigure.FeishuVcProperties.AppType;
import io.github.feishuvc.auth.TokenStore;
import io.github.feishuvc.security.AuthorizedClientUserTokens;
import io.github.feishuvc.security.FeishuUserTokens;
import io.github.feishuvc.security.SharedAuthorizedClientManagers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * The user access tokens of users signed in with Feishu ({@link FeishuUserTokens}), from the application's
 * authorized-client service: Boot's in-memory one by default, or the JDBC or Redis-backed one the application
 * defines so that every replica sees every user's tokens. Tokens are refreshed with the user's refresh token, by one
 * replica at a time per user when the shared state is on Redis, and a refused refresh never removes a client another
 * replica renewed ({@link SharedAuthorizedClientManagers}).
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
				OAuth2AuthorizedClientService authorizedClients, FeishuVcProperties properties,
				ObjectProvider<TokenStore> fleetLock) {
			return configured(AuthorizedClientUserTokens.of(
					SharedAuthorizedClientManagers.of(registrations, authorizedClients), FeishuUserTokens.REGISTRATION_ID,
					properties.getAppType() == AppType.STORE), properties, fleetLock);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(FeishuVcConditions.NotServletWebApplication.class)
	@ConditionalOnBean({ ReactiveClientRegistrationRepository.class, ReactiveOAuth2AuthorizedClientService.class })
	static class ReactiveConfiguration {

		@Bean
		@ConditionalOnMissingBean
		FeishuUserTokens feishuUserTokens(ReactiveClientRegistrationRepository registrations,
				ReactiveOAuth2AuthorizedClientService authorizedClients, FeishuVcProperties properties,
				ObjectProvider<TokenStore> fleetLock) {
			return configured(AuthorizedClientUserTokens.of(
					SharedAuthorizedClientManagers.of(registrations, authorizedClients), FeishuUserTokens.REGISTRATION_ID,
					properties.getAppType() == AppType.STORE), properties, fleetLock);
		}

	}

	/**
	 * Each authorization ends by the call timeout; with the shared state's token store (Redis), refreshes of one user
	 * are one at a time across the replicas.
	 */
	private static AuthorizedClientUserTokens configured(AuthorizedClientUserTokens tokens,
			FeishuVcProperties properties, ObjectProvider<TokenStore> fleetLock) {
		AuthorizedClientUserTokens configured = tokens.withTimeout(properties.getCallTimeout());
		TokenStore store = fleetLock.getIfAvailable();
		return (store != null) ? configured.withFleetLock(store) : configured;
	}

}
