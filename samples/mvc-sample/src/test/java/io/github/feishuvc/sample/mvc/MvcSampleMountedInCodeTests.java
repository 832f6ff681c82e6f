package io.github.feishuvc.sample.mvc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Offline, the emulator pushes the events where the running server serves the event endpoint, however the
 * application is mounted: a context path set in code rather than by {@code server.servlet.context-path}, and the
 * dispatcher servlet under a path of its own ({@code spring.mvc.servlet.path}), which the starter's endpoint is
 * behind as well.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, useMainMethod = UseMainMethod.ALWAYS,
		properties = { MvcSampleApplicationTests.OFFLINE, "spring.mvc.servlet.path=/api" })
class MvcSampleMountedInCodeTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void shouldReceiveTheEventsAtTheEventPathWhereTheRunningServerServesIt() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/app/api/events").body())
			.containsPattern("MeetingStartedEvent of meeting \\d{9}")
			.containsPattern("meeting \\d{9} 'Sample stand-up' ended, 2 attended"));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.client.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ContextPathInCode {

		@Bean
		WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> contextPath() {
			return (factory) -> factory.setContextPath("/app");
		}

	}

}
