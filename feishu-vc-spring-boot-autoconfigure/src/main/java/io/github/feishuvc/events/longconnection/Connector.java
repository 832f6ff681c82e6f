package io.github.feishuvc.events.longconnection;

import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.feishuvc.core.FeishuVcApiException;
import io.github.feishuvc.core.FeishuVcClient;
import io.github.feishuvc.core.FeishuVcEnvelope;
import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.core.FeishuVcRequest;
import io.github.feishuvc.core.ResponseReader;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketOutbound;

import org.springframework.http.HttpMethod;

/**
 * One attempt to connect: asks the platform for the connection's URL ({@link #ENDPOINT_PATH}, with the app's
 * credentials; the settings the answer carries update the platform's settings, a refusal of the app is a
 * {@link Reconnects.Refused}), opens the WebSocket within the handshake's deadline, and speaks the {@link Protocol}
 * over it if the connection takes it as its current attempt's.
 */
final class Connector {

	/** Where the platform tells an app its connection's URL. */
	static final String ENDPOINT_PATH = "/callback/ws/endpoint";

	private static final ResponseReader<FeishuVcEnvelope<EndpointData>, EndpointData> ENDPOINT = ResponseReader
		.envelope(EndpointData.class, (data) -> data, "data");

	private final FeishuLongConnection.Settings settings;

	private final FeishuVcClient client;

	private final HttpClient websocketClient;

	private final AtomicReference<ClientConfig> config;

	private final Scheduler scheduler;

	private final Protocol protocol;

	/**
	 * Attempts of one long connection.
	 * @param settings the app's credentials, the largest message and the handshake's deadline
	 * @param client the client of the platform's HTTP API, which asks for the URL
	 * @param websocketClient the client the WebSocket is opened with
	 * @param config the platform's settings, which the endpoint's answer updates
	 * @param scheduler whose timer times the handshake's deadline
	 * @param protocol what is spoken over the open connection
	 */
	Connector(FeishuLongConnection.Settings settings, FeishuVcClient client, HttpClient websocketClient,
			AtomicReference<ClientConfig> config, Scheduler scheduler, Protocol protocol) {
		this.settings = settings;
		this.client = client;
		this.websocketClient = websocketClient;
		this.config = config;
		this.scheduler = scheduler;
		this.protocol = protocol;
	}

	/**
	 * An attempt to connect.
	 * @param attempt the attempt
	 * @param current whether the attempt, its connection now open, is still the current one: if not, the connection
	 * is closed at once
	 * @return completes when the connection closes; fails when the attempt or the connection fails
	 */
	Mono<Void> connect(Attempt attempt, Predicate<WebsocketOutbound> current) {
		return endpoint().flatMap((url) -> open(url, attempt, current));
	}

	private Mono<String> endpoint() {
		byte[] body = FeishuVcJson.mapper()
			.writeValueAsBytes(Map.of("AppID", this.settings.appId(), "AppSecret", this.settings.appSecret()));
		FeishuVcRequest request = new FeishuVcRequest("events.long_connection_endpoint", HttpMethod.POST,
				this.client.uri(ENDPOINT_PATH), null, body, 1);
		return this.client.exchange(request, ENDPOINT)
			.onErrorMap(Reconnects::isRefusal, (ex) -> new Reconnects.Refused(
					"the platform refused the long connection's URL: code " + ((FeishuVcApiException) ex).code() + ", "
							+ ((FeishuVcApiException) ex).msg()))
			.map((data) -> {
				if (data.url() == null) {
					throw new IllegalStateException("the platform sent no URL for the long connection");
				}
				if (data.clientConfig() != null) {
					ClientConfig update = data.clientConfig();
					this.config.updateAndGet((current) -> current.updatedBy(update));
				}
				return data.url();
			});
	}

	/** The WebSocket, within the handshake's deadline. */
	private Mono<Void> open(String url, Attempt attempt, Predicate<WebsocketOutbound> current) {
		int service = serviceId(url);
		Sinks.Empty<Void> opened = Sinks.empty();
		Mono<Void> connection = this.websocketClient
			.websocket(WebsocketClientSpec.builder().maxFramePayloadLength(this.settings.maxMessageSize()).build())
			.uri(url)
			.handle((inbound, outbound) -> {
				opened.tryEmitEmpty();
				return current.test(outbound) ? this.protocol.run(inbound, outbound, service, attempt)
						: Mono.empty();
			})
			.then();
		Mono<Void> handshake = Mono.firstWithSignal(opened.asMono(),
				Mono.delay(this.settings.handshakeTimeout(), this.scheduler)
					.then(Mono.error(() -> new TimeoutException("no handshake within "
							+ this.settings.handshakeTimeout().toMillis() + "ms"))));
		return Mono.when(connection, handshake);
	}

	/** The {@code service_id} of the URL's query, which pings carry. */
	private static int serviceId(String url) {
		int query = url.indexOf('?');
		if (query >= 0) {
			for (String parameter : url.substring(query + 1).split("&")) {
				if (parameter.startsWith("service_id=")) {
					try {
						return Integer.parseInt(parameter.substring("service_id=".length()));
					}
					catch (NumberFormatException ex) {
						break;
					}
				}
			}
		}
		throw new IllegalStateException("the platform's long connection URL names no service_id");
	}

	/** {@code data} of the endpoint's answer. */
	record EndpointData(@JsonProperty("URL") @Nullable String url,
			@JsonProperty("ClientConfig") @Nullable ClientConfig clientConfig) {
	}

}
