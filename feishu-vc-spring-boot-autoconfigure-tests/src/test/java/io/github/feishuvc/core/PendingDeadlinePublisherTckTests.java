package io.github.feishuvc.core;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.github.feishuvc.support.Tck;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import reactor.core.publisher.Mono;

/**
 * {@link Deadline#pending} as the client uses it: started once the request is sent, here while the call is
 * subscribed; its failed publisher is a call that fails, its error mapped.
 */
public class PendingDeadlinePublisherTckTests extends PublisherVerification<String> {

	public PendingDeadlinePublisherTckTests() {
		super(Tck.environment(), Tck.REFERENCE_GC_TIMEOUT_MILLIS);
	}

	@Override
	public Publisher<String> createPublisher(long elements) {
		Deadline deadline = Deadline.pending(Duration.ofSeconds(30), TimeoutException::new);
		Mono<String> call = (elements == 0) ? Mono.empty() : Mono.just("reserve");
		return deadline.bound(Mono.defer(() -> {
			deadline.start();
			return call;
		}), Function.identity());
	}

	@Override
	public Publisher<String> createFailedPublisher() {
		Deadline deadline = Deadline.pending(Duration.ofSeconds(30), TimeoutException::new);
		deadline.start();
		return deadline.bound(Mono.error(new IllegalStateException("refused")),
				(ex) -> new IllegalArgumentException(ex.getMessage(), ex));
	}

	@Override
	public long maxElementsFromPublisher() {
		return 1;
	}

}
