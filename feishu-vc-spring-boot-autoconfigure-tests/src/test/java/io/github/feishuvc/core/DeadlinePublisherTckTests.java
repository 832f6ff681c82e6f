package io.github.feishuvc.core;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.feishuvc.support.Tck;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import reactor.core.publisher.Mono;

/**
 * {@link Deadline} as a publisher, checked by the Reactive Streams TCK: a call with a deadline that starts on
 * subscription; its failed publisher is a call whose time runs out, so the timer's path is verified too.
 */
public class DeadlinePublisherTckTests extends PublisherVerification<String> {

	public DeadlinePublisherTckTests() {
		super(Tck.environment(), Tck.REFERENCE_GC_TIMEOUT_MILLIS);
	}

	@Override
	public Publisher<String> createPublisher(long elements) {
		Mono<String> call = (elements == 0) ? Mono.empty() : Mono.just("reserve");
		return Deadline.after(call, Duration.ofSeconds(30), TimeoutException::new);
	}

	@Override
	public Publisher<String> createFailedPublisher() {
		return Deadline.after(Mono.never(), Duration.ofMillis(10), TimeoutException::new);
	}

	@Override
	public long maxElementsFromPublisher() {
		return 1;
	}

}
