package io.github.feishuvc.support;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.github.feishuvc.auth.AppTicketStore;
import io.github.feishuvc.events.EventDispatcher;
import io.github.feishuvc.events.InMemoryPublishedEventIds;
import io.github.feishuvc.events.webhook.FeishuEventReceiver;
import io.github.feishuvc.events.webhook.WebFluxFeishuEventEndpoint;
import io.github.feishuvc.test.FeishuVcEmulator;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunctions;

/**
 * The starter's event endpoint on a bare Reactor Netty server, with the emulator's app settings, keeping tickets in a
 * given store: the event URL of tests that need tickets to arrive without a whole application; or serving a receiver
 * of the test's making.
 */
public final class EventEndpointServer implements AutoCloseable {

	private static final String PATH = "/feishu/events";

	private final DisposableServer server;

	private EventEndpointServer(FeishuEventReceiver receiver) {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle(new ReactorHttpHandlerAdapter(
					RouterFunctions.toHttpHandler(new WebFluxFeishuEventEndpoint(receiver).route(PATH))))
			.bindNow(Duration.ofSeconds(10));
	}

	/**
	 * Start an endpoint for a store app emulator's app (its verification token and encrypt key) and point the
	 * emulator's pushes at it.
	 * @param emulator the emulator
	 * @param tickets where received tickets are kept
	 * @return the running endpoint
	 */
	public static EventEndpointServer start(FeishuVcEmulator emulator, AppTicketStore tickets) {
		Map<String, String> properties = emulator.springProperties();
		FeishuEventReceiver receiver = new FeishuEventReceiver(new FeishuEventReceiver.Settings(emulator.appId(),
				properties.get("feishu.vc.events.verification-token"), properties.get("feishu.vc.events.encrypt-key"),
				Duration.ofMinutes(5)), tickets, new EventDispatcher(new InMemoryPublishedEventIds(), (event) -> {
				}, Runnable::run), Clock.systemUTC(), (reason) -> {
				});
		EventEndpointServer server = new EventEndpointServer(receiver);
		emulator.deliverEventsTo(server.url());
		return server;
	}

	/**
	 * Start an endpoint that hands each request to a receiver of the test's making, such as one publishing through
	 * Redis.
	 * @param receiver the receiver
	 * @return the running endpoint
	 */
	public static EventEndpointServer serving(FeishuEventReceiver receiver) {
		return new EventEndpointServer(receiver);
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.port() + PATH;
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
