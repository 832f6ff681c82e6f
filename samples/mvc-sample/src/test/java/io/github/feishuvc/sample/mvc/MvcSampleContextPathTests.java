package io.github.feishuvc.sample.mvc;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * enter it in the developer console: the emulator pushes there and the events arrive. The pages link within the
 * context path: a browser that follows the home page's links and submits the sign-in page's form stays in the
 * application, and reserves as the user.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, useMainMethod = UseMainMethod.ALWAYS,
		properties = { MvcSampleApplicationTests.OFFLINE, "server.servlet.context-path=/vc" })
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

	@Test
	void shouldLinkFromTheHomePageToPagesUnderTheContextPath() throws Exception {
		HttpResponse<String> home = get("/vc/");

		assertThat(home.statusCode()).as(home.body()).isEqualTo(200);
		Matcher links = Pattern.compile("href=\"([^\"]+)\"").matcher(home.body());
		int followed = 0;
		while (links.find()) {
			URI link = URI.create(url("/vc/")).resolve(links.group(1));
			assertThat(link.getPath()).startsWith("/vc/");
			if (!link.getPath().equals("/vc/me")) {
				HttpResponse<String> page = this.client.send(HttpRequest.newBuilder(link).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(page.statusCode()).as("GET " + link).isEqualTo(200);
			}
			followed++;
		}
		assertThat(followed).as(home.body()).isEqualTo(3);
	}

	@Test
	void shouldReserveAsTheUserFromTheFormOfTheSignInPageUnderTheContextPath() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NORMAL)
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.build();
		HttpResponse<String> me = browser.send(page(url("/vc/me")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		Matcher form = Pattern.compile("action=\"([^\"]+)\".*name=\"(_csrf)\" value=\"([^\"]+)\"", Pattern.DOTALL)
			.matcher(me.body());
		assertThat(form.find()).as(me.body()).isTrue();

		// As a browser submits the form: its action resolved against the page's URL.
		URI action = URI.create(url("/vc/me")).resolve(form.group(1));
		HttpResponse<String> reserved = browser.send(page(action.toString())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString(form.group(2) + "=" + URLEncoder.encode(form.group(3), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(reserved.statusCode()).as("POST " + action + ": " + reserved.body()).isEqualTo(200);
		assertThat(reserved.body()).contains("Reserved <b>");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** As a browser asks for a page: Spring Security returns there after sign-in only for such requests. */
	private static HttpRequest.Builder page(String url) {
		return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
