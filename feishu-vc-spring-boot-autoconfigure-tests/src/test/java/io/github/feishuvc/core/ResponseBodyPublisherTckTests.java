package io.github.feishuvc.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.github.feishuvc.support.Tck;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

/**
 * {@link ResponseBody} as a publisher, checked by the Reactive Streams TCK: a body in three parts read whole; its
 * failed publisher is a connection that fails at once. (A body over the limit is no failed publisher in the TCK's
 * sense: it fails once its bytes are asked for, which {@code ResponseBodyTests} covers.) A body always reads as one
 * value (an empty one as the empty body's), so the verification's empty stream is a body of one value too, which only
 * optional rules notice.
 */
public class ResponseBodyPublisherTckTests extends PublisherVerification<String> {

	private static final DefaultDataBufferFactory BUFFERS = DefaultDataBufferFactory.sharedInstance;

	public ResponseBodyPublisherTckTests() {
		super(Tck.environment(), Tck.REFERENCE_GC_TIMEOUT_MILLIS);
	}

	@Override
	public Publisher<String> createPublisher(long elements) {
		Flux<DataBuffer> parts = Flux.just("{\"code\":", "0,", "\"msg\":\"ok\"}")
			.map((part) -> BUFFERS.wrap(part.getBytes(StandardCharsets.UTF_8)));
		return body((elements == 0) ? Flux.empty() : parts, 1024);
	}

	@Override
	public Publisher<String> createFailedPublisher() {
		return body(Flux.error(new IOException("connection reset")), 1024);
	}

	@Override
	public long maxElementsFromPublisher() {
		return 1;
	}

	static ResponseBody<String> body(Publisher<DataBuffer> parts, int maxBytes) {
		return new ResponseBody<>(parts, maxBytes, BUFFERS.allocateBuffer(0), (whole) -> {
			String text = whole.toString(StandardCharsets.UTF_8);
			DataBufferUtils.release(whole);
			return text;
		}, () -> new IllegalStateException("over the limit"));
	}

}
