package io.github.feishuvc.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.feishuvc.core.FeishuVcFileResponse;
import io.github.feishuvc.support.Tck;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * {@link Downloads#stream} across attempts, checked by the Reactive Streams TCK: the first attempt fails before the
 * first byte, the second (after a backoff on Reactor's parallel scheduler, as the executor's) reads the file, so the
 * demand asked while no reader was there reaches the second. Its failed publisher fails every attempt.
 */
public class RetriedDownloadStreamPublisherTckTests extends PublisherVerification<DataBuffer> {

	public RetriedDownloadStreamPublisherTckTests() {
		super(Tck.environment(), Tck.REFERENCE_GC_TIMEOUT_MILLIS);
	}

	@Override
	public Publisher<DataBuffer> createPublisher(long elements) {
		AtomicInteger attempts = new AtomicInteger();
		return Downloads.stream((read) -> Mono
			.defer(() -> read.apply((attempts.getAndIncrement() == 0) ? refused() : DownloadStreamPublisherTckTests.file(elements)))
			.retryWhen(Retry.fixedDelay(1, Duration.ofMillis(5))));
	}

	@Override
	public Publisher<DataBuffer> createFailedPublisher() {
		return Downloads.stream((read) -> Mono.defer(() -> read.apply(refused()))
			.retryWhen(Retry.fixedDelay(1, Duration.ofMillis(5))));
	}

	@Override
	public long maxElementsFromPublisher() {
		return Integer.MAX_VALUE;
	}

	private static FeishuVcFileResponse refused() {
		return new FeishuVcFileResponse(DownloadStreamPublisherTckTests.INFO, "export.xlsx", -1,
				Flux.error(new IOException("connection reset")));
	}

}
