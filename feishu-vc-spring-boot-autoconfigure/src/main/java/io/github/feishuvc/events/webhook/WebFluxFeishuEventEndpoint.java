package io.github.feishuvc.events.webhook;

import java.util.Map;

import io.github.feishuvc.events.webhook.FeishuEventReceiver.EventRequest;
import io.github.feishuvc.events.webhook.FeishuEventReceiver.Reply;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.ByteArrayDecoder;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The event endpoint on a WebFlux application's server: {@code POST {path}}, handled by a
 * {@link FeishuEventReceiver}, without blocking.
 */
public final class WebFluxFeishuEventEndpoint {

	private static final ResolvableType BYTES = ResolvableType.forClass(byte[].class);

	private final FeishuEventReceiver receiver;

	private final ByteArrayDecoder bodyReader = new ByteArrayDecoder();

	/**
	 * Create the endpoint.
	 * @param receiver what judges and handles each request
	 */
	public WebFluxFeishuEventEndpoint(FeishuEventReceiver receiver) {
		this.receiver = receiver;
		this.bodyReader.setMaxInMemorySize(FeishuEventReceiver.MAX_BODY_SIZE);
	}

	/**
	 * The route of the endpoint.
	 * @param path the path it is served at
	 * @return the router function
	 */
	public RouterFunction<ServerResponse> route(String path) {
		return RouterFunctions.route(RequestPredicates.POST(path), this::handle);
	}

	private Mono<ServerResponse> handle(ServerRequest request) {
		HttpHeaders headers = request.headers().asHttpHeaders();
		Mono<Reply> reply = (headers.getContentLength() > FeishuEventReceiver.MAX_BODY_SIZE)
				? Mono.fromSupplier(this.receiver::tooLarge)
				: this.bodyReader.decodeToMono(request.body(BodyExtractors.toDataBuffers()), BYTES, null, Map.of())
					.defaultIfEmpty(new byte[0])
					.flatMap((body) -> this.receiver.receive(new EventRequest(
							headers.getFirst(FeishuEventReceiver.TIMESTAMP_HEADER),
							headers.getFirst(FeishuEventReceiver.NONCE_HEADER),
							headers.getFirst(FeishuEventReceiver.SIGNATURE_HEADER), body)))
					.onErrorResume(DataBufferLimitException.class, (ex) -> Mono.fromSupplier(this.receiver::tooLarge));
		return reply.flatMap((answer) -> ServerResponse.status(answer.status())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(answer.json()));
	}

}
