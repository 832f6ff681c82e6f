package io.github.feishuvc.support;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.context.ApplicationContext;

/**
 * A browser over real HTTP: it follows redirects and keeps cookies, so that it signs in with Feishu at the emulator
 * as users do, and asks for pages as a browser does (Spring Security returns there after sign-in only for such
 * requests).
 */
public final class Browser {

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NORMAL)
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.build();

	/**
	 * A page of an application.
	 * @param application the application, on its web server
	 * @param path the page's path
	 * @return the answer, after every redirect
	 * @throws Exception if the request fails
	 */
	public HttpResponse<String> get(ApplicationContext application, String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create(TestFeishu.url(application, path)))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
