package io.github.feishuvc.sample;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Who may call what. With the {@code login} profile, {@code /me} and what is below it need a user signed in with
 * Feishu (the starter supplies Feishu as the provider; the event endpoint keeps answering the platform on its own
 * chain), and a POST needs the CSRF token of the user's session, as Spring Security asks by default. Without it, the
 * sample's demo endpoints are open, as they were before sign-in came: secure your own as your application needs.
 */
@Configuration(proxyBeanMethods = false)
class SampleSecurity {

	@Bean
	@Profile("login")
	SecurityWebFilterChain signInWithFeishu(ServerHttpSecurity http) {
		return http.authorizeExchange((exchanges) -> exchanges.pathMatchers("/me", "/me/**")
			.authenticated()
			.anyExchange()
			.permitAll())
			.oauth2Login(Customizer.withDefaults())
			.build();
	}

	@Bean
	@Profile("!login")
	SecurityWebFilterChain openDemoEndpoints(ServerHttpSecurity http) {
		return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll()).build();
	}

}
