package io.github.feishuvc.events.webhook;

import java.io.IOException;
import java.io.InputStream;

import io.github.feishuvc.events.webhook.FeishuEventReceiver.EventRequest;
import io.github.feishuvc.events.webhook.FeishuEventReceiver.Reply;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The event endpoint on a Spring MVC application's server: {@code POST {path}}, handled by a
 * {@link FeishuEventReceiver} on the servlet thread, which it holds for at most the receiver's
 * {@link FeishuEventReceiver#REPLY_TIMEOUT}.
 */
public final class ServletFeishuEventEndpoint {

	private final FeishuEventReceiver receiver;

	/**
	 * Create the endpoint.
	 * @param receiver what judges and handles each request
	 */
	public ServletFeishuEventEndpoint(FeishuEventReceiver receiver) {
		this.receiver = receiver;
	}

	/**
	 * The route of the endpoint.
	 * @param path the path it is served at
	 * @return the router function
	 */
	public RouterFunction<ServerResponse> route(String path) {
		return RouterFunctions.route(RequestPredicates.POST(path), this::handle);
	}

	private ServerResponse handle(ServerRequest request) throws IOException {
		HttpServletRequest servletRequest = request.servletRequest();
		Reply reply;
		if (servletRequest.getContentLengthLong() > FeishuEventReceiver.MAX_BODY_SIZE) {
			reply = this.receiver.tooLarge();
		}
		else {
			byte[] body;
			try (InputStream in = servletRequest.getInputStream()) {
				body = in.readNBytes(FeishuEventReceiver.MAX_BODY_SIZE + 1);
			}
			reply = (body.length > FeishuEventReceiver.MAX_BODY_SIZE) ? this.receiver.tooLarge()
					: this.receiver.receive(new EventRequest(servletRequest.getHeader(FeishuEventReceiver.TIMESTAMP_HEADER),
							servletRequest.getHeader(FeishuEventReceiver.NONCE_HEADER),
							servletRequest.getHeader(FeishuEventReceiver.SIGNATURE_HEADER), body))
						.block();
		}
		return ServerResponse.status(reply.status()).contentType(MediaType.APPLICATION_JSON).body(reply.json());
	}

}
