package io.github.feishuvc.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.github.feishuvc.core.CallInfo;
import io.github.feishuvc.core.FeishuVcFileResponse;
import io.github.feishuvc.support.Tck;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

/**
 * {@link Downloads#stream}, checked by the Reactive Streams TCK: a file of as many buffers as the verification asks,
 * read in one attempt; its failed publisher is a download that fails before the first byte.
 */
public class DownloadStreamPublisherTckTests extends PublisherVerification<DataBuffer> {

	static final CallInfo INFO = new CallInfo("export.download", 1, 200, "log-id", null);

	public DownloadStreamPublisherTckTests() {
		super(Tck.environment(), Tck.REFERENCE_GC_TIMEOUT_MILLIS);
	}

	@Override
	public Publisher<DataBuffer> createPublisher(long elements) {
		return Downloads.stream((read) -> read.apply(file(elements)));
	}

	@Override
	public Publisher<DataBuffer> createFailedPublisher() {
		return Downloads.stream((read) -> read.apply(new FeishuVcFileResponse(INFO, "export.xlsx", -1,
				Flux.error(new IOException("connection reset")))));
	}

	/** A file ends; the verification never asks for more buffers than this. */
	@Override
	public long maxElementsFromPublisher() {
		return Integer.MAX_VALUE;
	}

	/**
	 * A file of a number of buffers, made as they are asked for.
	 * @param buffers how many
	 * @return the file
	 */
	static FeishuVcFileResponse file(long buffers) {
		Flux<DataBuffer> body = Flux.generate(() -> 0L, (index, sink) -> {
			if (index < buffers) {
				sink.next(DefaultDataBufferFactory.sharedInstance
					.wrap(("bytes " + index).getBytes(StandardCharsets.UTF_8)));
			}
			else {
				sink.complete();
			}
			return index + 1;
		});
		return new FeishuVcFileResponse(INFO, "export.xlsx", -1, body);
	}

}
