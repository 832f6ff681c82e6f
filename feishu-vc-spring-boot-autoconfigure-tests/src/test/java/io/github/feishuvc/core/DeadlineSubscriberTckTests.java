package io.github.feishuvc.core;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.github.feishuvc.support.Tck;
import org.reactivestreams.Subscriber;
import org.reactivestreams.tck.SubscriberBlackboxVerification;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

/**
 * {@link Deadline}'s subscriber, the side that faces the call, checked by the Reactive Streams TCK as a black box
 * (it passes every signal downstream, where a subscriber asks for everything). A white box would need every signal
 * it receives reported, which only its downstream sees, and a call's subscriber takes one value where the
 * white-box verification sends several.
 */
public class DeadlineSubscriberTckTests extends SubscriberBlackboxVerification<String> {

	public DeadlineSubscriberTckTests() {
		super(Tck.environment());
	}

	@Override
	public Subscriber<String> createSubscriber() {
		AtomicReference<Subscriber<String>> subscriber = new AtomicReference<>();
		Mono<String> call = new Mono<>() {

			@Override
			@SuppressWarnings("unchecked") // the subscriber of a Mono<String>: it takes strings
			public void subscribe(CoreSubscriber<? super String> actual) {
				subscriber.set((Subscriber<String>) actual);
			}

		};
		// Longer than the verification: its time never runs out here (the publisher's verification covers that).
		Deadline.after(call, Duration.ofMinutes(10), TimeoutException::new).subscribe(Tck.unboundedDownstream());
		return subscriber.get();
	}

	@Override
	public String createElement(int element) {
		return "reserve-" + element;
	}

}
