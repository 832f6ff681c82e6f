package io.github.feishuvc.sample;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code login} profile, offline: a browser follows "Sign in with Feishu" on the sample's page, the emulator signs
 * the demo user in, and the page shows the reservation made and read back as that user.
 */
class LoginSampleTests {

	@Test
	void shouldSignInWithFeishuAndReserveAsTheUser() throws Exception {
		try (ConfigurableApplicationContext context = ReserveSampleApplication.application()
			.run("--spring.profiles.active=login", "--server.port=0", "--server.address=127.0.0.1")) {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpClient browser = HttpClient.newBuilder()
				.followRedirects(HttpClient.Redirect.NORMAL)
				.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
				.build();

			HttpResponse<String> home = browser.send(page(base + "/"), HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> me = browser.send(page(base + "/me"), HttpResponse.BodyHandlers.ofString());

			assertThat(home.body()).contains("<a href=\"/me\">Sign in with Feishu</a>");
			assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
			assertThat(me.body()).contains("Signed in as <b>" + OfflineEmulator.DEMO_OWNER + "</b>")
				.containsPattern("Reserved <b>\\d{19}</b> \\(meeting number \\d{9}, topic 'My sync'\\)")
				.contains("the app's own token may not read it (code 121005): it is yours");
			assertThat(context.getBean(FeishuVcEmulator.class).requestCount(io.github.feishuvc.test.Endpoint.USER_ACCESS_TOKEN))
				.isEqualTo(1);
		}
	}

	/** As a browser asks for a page: Spring Security returns there after sign-in only for such requests. */
	private static HttpRequest page(String url) {
		return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build();
	}

}
