package io.github.feishuvc.autoconfigure;

import io.github.feishuvc.events.webhook.FeishuEventReceiver;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Keeps the event endpoint answering the platform once Spring Security is on the classpath: its defaults would ask
 * the platform's pushes for a login and a CSRF token, while the endpoint authenticates each request itself
 * (signature, verification token). A filter chain of its own, matching the endpoint's path only and ordered before
 * the application's, lets its requests through without a session; every other path stays as the application's
 * security (or Boot's default) has it.
 */
@AutoConfiguration(after = FeishuVcEventsAutoConfiguration.class, afterName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration" })
@ConditionalOnBean(FeishuEventReceiver.class)
public final class FeishuVcEventSecurityAutoConfiguration {

	/** Order of the event endpoint's filter chain: before any chain an application defines without an order. */
	public static final int EVENT_FILTER_CHAIN_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(HttpSecurity.class)
	@ConditionalOnBean(HttpSecurity.class)
	static class ServletConfiguration {

		@Bean
		@Order(EVENT_FILTER_CHAIN_ORDER)
		@ConditionalOnMissingBean(name = "feishuVcEventSecurityFilterChain")
		SecurityFilterChain feishuVcEventSecurityFilterChain(HttpSecurity http, FeishuVcEventsProperties events) {
			return http.securityMatcher(events.getPath())
				.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.csrf((csrf) -> csrf.disable())
				.requestCache((cache) -> cache.disable())
				.securityContext((context) -> context.disable())
				.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(ServerHttpSecurity.class)
	@ConditionalOnBean(ServerHttpSecurity.class)
	static class ReactiveConfiguration {

		@Bean
		@Order(EVENT_FILTER_CHAIN_ORDER)
		@ConditionalOnMissingBean(name = "feishuVcEventSecurityWebFilterChain")
		SecurityWebFilterChain feishuVcEventSecurityWebFilterChain(ServerHttpSecurity http,
				FeishuVcEventsProperties events) {
			return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(events.getPath()))
				.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
				.csrf((csrf) -> csrf.disable())
				.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
				.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
				.build();
		}

		/**
		 * Spring Security builds its default chain (every exchange authenticated, form and basic login) only when
		 * the application defines no chain; with the event endpoint's chain defined, that default is kept here, so
		 * adding the endpoint never opens the rest of the application.
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnMissingBean(SecurityWebFilterChain.class)
		static class DefaultChainConfiguration {

			@Bean
			@Order(Ordered.LOWEST_PRECEDENCE)
			SecurityWebFilterChain feishuVcDefaultSecurityWebFilterChain(ServerHttpSecurity http) {
				return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
					.httpBasic(Customizer.withDefaults())
					.formLogin(Customizer.withDefaults())
					.build();
			}

		}

	}

}
