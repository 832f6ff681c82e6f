package io.github.feishuvc.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.support.ReceivedEvents;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring Security on the classpath, the platform's pushes still reach the event endpoint, with no rule written
 * by the application: under Boot's default security, beside an application's own filter chain, and beside Feishu
 * sign-in; while every other path stays protected.
 */
class EventEndpointSecurityTests {

	private FeishuVcEmulator emulator;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void startEmulator() {
		this.emulator = FeishuVcEmulator.start();
	}

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.emulator.close();
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "REACTIVE", "SERVLET" })
	void shouldReceiveEventsUnderBootsDefaultSecurity(WebApplicationType type) throws Exception {
		start(type, DefaultSecurityApplication.class);
		assertEventsFlowAndTheRestIsProtected();
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "REACTIVE", "SERVLET" })
	void shouldReceiveEventsBesideTheApplicationsOwnChain(WebApplicationType type) throws Exception {
		start(type, (type == WebApplicationType.SERVLET) ? ServletChainApplication.class : ReactiveChainApplication.class);
		assertEventsFlowAndTheRestIsProtected();
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "REACTIVE", "SERVLET" })
	void shouldReceiveEventsBesideFeishuSignIn(WebApplicationType type) throws Exception {
		start(type, DefaultSecurityApplication.class,
				"spring.security.oauth2.client.registration.feishu.client-id=" + this.emulator.appId(),
				"spring.security.oauth2.client.registration.feishu.client-secret=" + this.emulator.appSecret());
		assertEventsFlowAndTheRestIsProtected();
	}

	private void assertEventsFlowAndTheRestIsProtected() throws Exception {
		assertThat(this.emulator.verifyEventUrl("challenge-7").body()).contains("challenge-7");
		assertThat(this.emulator.pushEvent("vc.meeting.all_meeting_ended_v1", FeishuVcEmulator.DEFAULT_TENANT_KEY,
				"{\"meeting\": {\"id\": \"6911\"}}").accepted()).isTrue();
		List<FeishuEvent> events = this.context.getBean(ReceivedEvents.class).received();
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
		HttpResponse<String> other = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/anything-else"))).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(other.statusCode()).as("asked to authenticate").isIn(302, 401);
		HttpResponse<String> forged = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/feishu/events")))
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(forged.statusCode() + " " + forged.body()).isEqualTo("400 {\"msg\":\"refused\"}");
	}

	private void start(WebApplicationType type, Class<?> application, String... properties) {
		this.context = TestFeishu.webApplication(application, type, this.emulator)
			.properties("feishu.vc.events.enabled=true")
			.properties(properties)
			.run();
		this.emulator.deliverEventsTo(url("/feishu/events"));
	}

	private String url(String path) {
		return TestFeishu.url(this.context, path);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class DefaultSecurityApplication {

		@Bean
		ReceivedEvents events() {
			return new ReceivedEvents();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(DefaultSecurityApplication.class)
	static class ServletChainApplication {

		@Bean
		SecurityFilterChain applicationChain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(DefaultSecurityApplication.class)
	static class ReactiveChainApplication {

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(User.withUsername("admin").password("{noop}secret").roles("ADMIN").build());
		}

		@Bean
		SecurityWebFilterChain applicationChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

	}

}
