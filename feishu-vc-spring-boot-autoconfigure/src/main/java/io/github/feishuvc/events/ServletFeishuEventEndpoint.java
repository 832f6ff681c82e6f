package io.github.feishuvc.events;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import io.github.feishuvc.events.FeishuEventReceiver.EventRequest;
import io.github.feishuvc.events.FeishuEventReceiver.Reply;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The event endpoint on a Spring MVC application's server: {@code POST {path}}, handled by a
 * {@link FeishuEventReceiver} on the servlet thread.
 */
public final class ServletFeishuEventEndpoint {

	/** Longest a request waits for its ticket to be kept, inside the platform's own deadline. */
	private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(2);

	private final FeishuEventReceiver receiver;

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
			reply = Reply.TOO_LARGE;
		}
		else {
			byte[] body;
			try (InputStream in = servletRequest.getInputStream()) {
				body = in.readNBytes(FeishuEventReceiver.MAX_BODY_SIZE + 1);
			}
			reply = (body.length > FeishuEventReceiver.MAX_BODY_SIZE) ? Reply.TOO_LARGE
					: this.receiver.receive(new EventRequest(servletRequest.getHeader(FeishuEventReceiver.TIMESTAMP_HEADER),
							servletRequest.getHeader(FeishuEventReceiver.NONCE_HEADER),
							servletRequest.getHeader(FeishuEventReceiver.SIGNATURE_HEADER), body))
						.block(REPLY_TIMEOUT);
		}
		return ServerResponse.status(reply.status()).contentType(MediaType.APPLICATION_JSON).body(reply.json());
	}

}
