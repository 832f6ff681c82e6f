package io.github.feishuvc.sample.mvc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what: {@code /me} and what is below it need a user signed in with Feishu (the starter supplies Feishu as
 * the provider, and the event endpoint keeps answering the platform on a filter chain of its own), and a POST needs the
 * CSRF token of the user's session, as Spring Security asks by default. The sample's other pages are open: secure your
 * own as your application needs.
 */
@Configuration(proxyBeanMethods = false)
class SampleSecurity {

	@Bean
	SecurityFilterChain signInWithFeishu(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/me", "/me/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.oauth2Login(Customizer.withDefaults())
			.build();
	}

}
