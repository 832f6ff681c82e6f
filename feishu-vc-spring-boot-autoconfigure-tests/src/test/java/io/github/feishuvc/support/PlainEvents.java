package io.github.feishuvc.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.feishuvc.test.FeishuVcEmulator;

/**
 * One event, pushed over HTTP as the platform pushes to an endpoint without an encrypt key, under an event id of the
 * test's choosing: the same id pushed twice is the platform delivering that event again (the emulator gives each push
 * an id of its own).
 */
public final class PlainEvents {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private PlainEvents() {
	}

	/**
	 * Push an event of the emulator's default app, with its verification token, and wait for the answer.
	 * @param url the event endpoint
	 * @param eventId the event's id
	 * @return the HTTP status of the answer
	 */
	public static int push(String url, String eventId) {
		String body = "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"" + eventId + "\",\"token\":\""
				+ FeishuVcEmulator.DEFAULT_VERIFICATION_TOKEN + "\",\"create_time\":\"" + System.currentTimeMillis()
				+ "\",\"event_type\":\"contact.user.created_v3\",\"tenant_key\":\""
				+ FeishuVcEmulator.DEFAULT_TENANT_KEY + "\",\"app_id\":\"" + FeishuVcEmulator.DEFAULT_APP_ID
				+ "\"},\"event\":{}}";
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json; charset=utf-8")
			.header("X-Lark-Request-Timestamp", Long.toString(System.currentTimeMillis() / 1000))
			.header("X-Lark-Request-Nonce", "n0nce")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
