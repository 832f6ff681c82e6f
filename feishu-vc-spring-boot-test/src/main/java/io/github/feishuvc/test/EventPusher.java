package io.github.feishuvc.test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pushes events to the application's event URL as the platform does: with an encrypt key, the body is
 * {@code {"encrypt": base64(iv + AES-256-CBC(json))}} (key: SHA-256 of the encrypt key, random IV, PKCS#7 padding)
 * and {@code X-Lark-Signature} is the hex SHA-256 of timestamp + nonce + encrypt key + body; without one, the JSON
 * is sent as it is.
 */
final class EventPusher {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final EmulatedApp app;

	private final Replies replies;

	private final SecureRandom random = new SecureRandom();

	private final HttpClient client;

	private volatile @Nullable String eventUrl;

	/**
	 * Why no event URL will come, when it is known that none will (a Spring test's application without a web server):
	 * an event pushed with nowhere to go then fails at once, saying so, rather than after waiting for a destination.
	 */
	private volatile @Nullable String noDestination;

	EventPusher(EmulatedApp app, Replies replies, HttpClient client) {
		this.client = client.responseTimeout(TIMEOUT);
		this.app = app;
		this.replies = replies;
	}

	void eventUrl(@Nullable String eventUrl) {
		this.eventUrl = eventUrl;
	}

	@Nullable String eventUrl() {
		return this.eventUrl;
	}

	/**
	 * Says that no event URL will come, and why; a long connection the application opens still takes the events.
	 * @param reason what the test should change, named in the failure of each event a test pushes with nowhere to go
	 */
	void noDestination(String reason) {
		this.noDestination = reason;
	}

	@Nullable String noDestination() {
		return this.noDestination;
	}

	/** Push an event and wait for the answer. */
	EventDelivery push(ObjectNode event) {
		String url = this.eventUrl;
		if (url == null) {
			throw new IllegalStateException("No event URL: call deliverEventsTo(url) first (a store app's events, "
					+ "its app ticket among them, and the URL verification go to its event URL only)");
		}
		byte[] body = this.replies.mapper().writeValueAsBytes(event);
		if (this.app.encryptKey() != null) {
			body = this.replies.mapper()
				.writeValueAsBytes(this.replies.object().put("encrypt", encrypt(body, this.app.encryptKey())));
		}
		// The wall clock, not the emulated one: the receiver compares the timestamp with its own clock, and a test that
		// moves the emulator's clock (to expire tokens) must still get its pushes through.
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		String nonce = this.replies.randomHex(8);
		byte[] payload = body;
		return this.client.headers((headers) -> {
			headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
			headers.set("X-Lark-Request-Timestamp", timestamp);
			headers.set("X-Lark-Request-Nonce", nonce);
			if (this.app.encryptKey() != null) {
				headers.set("X-Lark-Signature", signature(timestamp, nonce, this.app.encryptKey(), payload));
			}
		})
			.post()
			.uri(url)
			.send((request, outbound) -> outbound.sendByteArray(Mono.just(payload)))
			.responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8)
				.defaultIfEmpty("")
				.map((text) -> new EventDelivery(response.status().code(), text)))
			.timeout(TIMEOUT)
			.onErrorResume((ex) -> Mono.just(new EventDelivery(0, ex.toString())))
			.block();
	}

	private String encrypt(byte[] json, String encryptKey) {
		try {
			byte[] iv = new byte[16];
			this.random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sha256(encryptKey.getBytes(StandardCharsets.UTF_8)), "AES"),
					new IvParameterSpec(iv));
			byte[] encrypted = cipher.doFinal(json);
			byte[] data = new byte[iv.length + encrypted.length];
			System.arraycopy(iv, 0, data, 0, iv.length);
			System.arraycopy(encrypted, 0, data, iv.length, encrypted.length);
			return Base64.getEncoder().encodeToString(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES/CBC/PKCS5Padding is required of every Java platform", ex);
		}
	}

	static String signature(String timestamp, String nonce, String encryptKey, byte[] body) {
		byte[] prefix = (timestamp + nonce + encryptKey).getBytes(StandardCharsets.UTF_8);
		byte[] content = new byte[prefix.length + body.length];
		System.arraycopy(prefix, 0, content, 0, prefix.length);
		System.arraycopy(body, 0, content, prefix.length, body.length);
		return HexFormat.of().formatHex(sha256(content));
	}

	private static byte[] sha256(byte[] value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
