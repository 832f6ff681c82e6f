package io.github.feishuvc.support;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.feishuvc.events.webhook.FeishuEventReceiver;
import io.github.feishuvc.events.webhook.FeishuEventReceiver.EventRequest;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event URL that only records what the emulator pushes to it (headers and raw body) and accepts it, so that
 * tests can hand the platform's own requests, as sent or tampered with, to a receiver.
 */
public final class EventCapture implements AutoCloseable {

	private final BlockingQueue<EventRequest> requests = new LinkedBlockingQueue<>();

	private final DisposableServer server;

	private EventCapture() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
				.doOnNext((body) -> this.requests.add(new EventRequest(
						request.requestHeaders().get(FeishuEventReceiver.TIMESTAMP_HEADER),
						request.requestHeaders().get(FeishuEventReceiver.NONCE_HEADER),
						request.requestHeaders().get(FeishuEventReceiver.SIGNATURE_HEADER), body)))
				.then(response.header("Content-Type", "application/json").sendString(
						Mono.just("{\"msg\":\"success\"}")).then()))
			.bindNow(Duration.ofSeconds(10));
	}

	public static EventCapture start() {
		return new EventCapture();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.port() + "/feishu/events";
	}

	/** The next request pushed, waiting up to five seconds for it. */
	public EventRequest take() {
		try {
			EventRequest request = this.requests.poll(5, TimeUnit.SECONDS);
			assertThat(request).as("a pushed event").isNotNull();
			return request;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
