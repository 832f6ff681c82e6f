package io.github.feishuvc.sample.mvc;

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

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review of 4ce6709: the MVC sample is tested under a context path (MvcSampleContextPathTests), but its sign-in page
 * writes absolute links: the form of {@code /vc/me} posts to {@code /me/reserve}, outside the application, so a
 * browser that submits it gets Tomcat's 404 and no reservation is made. Fails at 4ce6709.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, useMainMethod = UseMainMethod.ALWAYS,
		properties = "server.servlet.context-path=/vc")
class Review38MvcSampleContextPathTests {

	@LocalServerPort
	private int port;

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
		HttpResponse<String> reserved = browser.send(page(action.toString()).header("Content-Type",
				"application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString(form.group(2) + "=" + URLEncoder.encode(form.group(3), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(reserved.statusCode()).as("POST " + action + ": " + reserved.body()).isEqualTo(200);
		assertThat(reserved.body()).contains("Reserved <b>");
	}

	private static HttpRequest.Builder page(String url) {
		return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
