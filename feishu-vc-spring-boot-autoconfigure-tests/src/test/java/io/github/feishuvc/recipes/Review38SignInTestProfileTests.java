package io.github.feishuvc.recipes;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review of 4ce6709: docs/testing.md's "A test profile without Feishu" (and the README) tell every test that does not
 * use the emulator to set {@code feishu.vc.enabled=false}. An application that signs users in with Feishu, configured
 * as docs/user-tokens.md and both samples do (a {@code feishu} registration whose provider the starter supplies), then
 * fails to start: with the client off the starter supplies no provider, and Spring Boot's OAuth 2.0 client refuses
 * the registration. Fails at 4ce6709.
 */
class Review38SignInTestProfileTests {

	@Test
	void shouldStartASignInApplicationUnderTheTestProfile() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SignInApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "feishu.vc.enabled=false",
					"spring.security.oauth2.client.registration.feishu.client-id=${feishu.vc.app-id:cli_x}",
					"spring.security.oauth2.client.registration.feishu.client-secret=${feishu.vc.app-secret:s}",
					"spring.security.oauth2.client.registration.feishu.scope=vc:reserve,vc:reserve:readonly,offline_access")
			.run()) {
			assertThat(context.isActive()).isTrue();
		}
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class SignInApplication {

	}

}
