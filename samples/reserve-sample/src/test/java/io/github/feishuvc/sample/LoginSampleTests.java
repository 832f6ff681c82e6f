package io.github.feishuvc.sample;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.feishuvc.test.Endpoint;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code login} profile, offline: a browser follows "Sign in with Feishu" on the sample's page, the emulator signs
 * the demo user in, and the form posted with its CSRF token makes a reservation as that user and reads it back; the
 * same post without the token is refused, and a GET makes nothing; the user's recent meetings and the AI note of the
 * last one are read as them. All of it under a base path, which every link of the pages carries.
 */
class LoginSampleTests {

	@Test
	void shouldSignInWithFeishuAndReserveAsTheUserOnlyByAPostWithTheSessionsCsrfToken() throws Exception {
		try (ConfigurableApplicationContext context = ReserveSampleApplication.application()
			.run(ReserveSampleApplicationTests.OFFLINE, "--spring.profiles.active=login", "--server.port=0",
				"--server.address=127.0.0.1", "--spring.webflux.base-path=/app")) {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort() + "/app";
			FeishuVcEmulator emulator = context.getBean(FeishuVcEmulator.class);
			HttpClient browser = HttpClient.newBuilder()
				.followRedirects(HttpClient.Redirect.NORMAL)
				.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
				.build();

			HttpResponse<String> home = browser.send(page(base + "/"), HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> me = browser.send(page(base + "/me"), HttpResponse.BodyHandlers.ofString());
			assertThat(home.body()).contains("<a href=\"/app/me\">Sign in with Feishu</a>")
				.contains("<a href=\"/app/me/meetings\">");
			assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
			assertThat(me.body()).contains("Signed in as <b>" + OfflineEmulator.DEMO_OWNER + "</b>")
				.contains("<form method=\"post\" action=\"/app/me/reserve\">");
			Matcher csrf = Pattern.compile("name=\"(_csrf)\" value=\"([^\"]+)\"").matcher(me.body());
			assertThat(csrf.find()).as(me.body()).isTrue();

			HttpResponse<String> forged = browser.send(post(base + "/me/reserve", ""), HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> read = browser.send(page(base + "/me/reserve"), HttpResponse.BodyHandlers.ofString());
			assertThat(forged.statusCode()).as("a post without the CSRF token").isEqualTo(403);
			assertThat(read.statusCode()).as("a GET").isNotEqualTo(200);
			assertThat(emulator.requestCount("reserve.apply")).as("nothing reserved yet").isZero();

			HttpResponse<String> reserved = browser.send(
					post(base + "/me/reserve", csrf.group(1) + "=" + URLEncoder.encode(csrf.group(2), StandardCharsets.UTF_8)),
					HttpResponse.BodyHandlers.ofString());
			assertThat(reserved.statusCode()).as(reserved.body()).isEqualTo(200);
			assertThat(reserved.body()).contains("Signed in as <b>" + OfflineEmulator.DEMO_OWNER + "</b>")
				.containsPattern("Reserved <b>\\d{19}</b> \\(meeting number \\d{9}, topic 'My sync'\\)")
				.contains("the app's own token may not read it (code 121005): it is yours");
			assertThat(emulator.requestCount(Endpoint.USER_ACCESS_TOKEN)).isEqualTo(1);

			HttpResponse<String> meetings = browser.send(page(base + "/me/meetings"), HttpResponse.BodyHandlers.ofString());
			assertThat(meetings.statusCode()).as(meetings.body()).isEqualTo(200);
			assertThat(meetings.body()).contains("Your recent meetings:")
				.containsPattern("组织者：" + OfflineEmulator.DEMO_OWNER + " \\| ID：\\d{9}")
				.containsPattern("The AI note of the last one \\(\\d{19}\\): note document doxcn\\w+, transcript doxcn\\w+");
		}
	}

	/** As a browser asks for a page: Spring Security returns there after sign-in only for such requests. */
	private static HttpRequest page(String url) {
		return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build();
	}

	/** As a browser posts a form. */
	private static HttpRequest post(String url, String form) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

}
