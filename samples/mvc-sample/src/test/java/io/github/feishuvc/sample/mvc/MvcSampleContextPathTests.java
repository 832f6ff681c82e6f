package io.github.feishuvc.sample.mvc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Under a context path, the event request URL is the context path then the event path, as the docs tell users to
 * enter it in the developer console: the emulator pushes there and the events arrive.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, useMainMethod = UseMainMethod.ALWAYS,
		properties = "server.servlet.context-path=/vc")
class MvcSampleContextPathTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void shouldReceiveTheEventsAtTheEventPathUnderTheContextPath() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/vc/events").body())
			.containsPattern("MeetingStartedEvent of meeting \\d{9}")
			.containsPattern("meeting \\d{9} 'Sample stand-up' ended, 2 attended"));
	}

	@Test
	void shouldServeItsPagesUnderTheContextPath() throws Exception {
		assertThat(get("/vc/reserves/" + FeishuVcEmulator.REFERENCE_RESERVE_ID).statusCode()).isEqualTo(200);
		assertThat(get("/reserves/" + FeishuVcEmulator.REFERENCE_RESERVE_ID).statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
