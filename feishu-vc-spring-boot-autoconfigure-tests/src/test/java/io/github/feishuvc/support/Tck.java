package io.github.feishuvc.support;

import org.reactivestreams.Subscription;
import org.reactivestreams.tck.TestEnvironment;
import reactor.core.CoreSubscriber;

/**
 * What the Reactive Streams TCK verifications of this module share: their environment, and the subscriber that
 * stands downstream of an operator under test.
 */
public final class Tck {

	/**
	 * How long a verification waits for a signal it expects (generous: the machine may be busy; a signal that comes
	 * ends the wait at once), and for one it must not see (every such wait is spent whole, so it is short).
	 */
	private static final long TIMEOUT_MILLIS = 2_000;

	private static final long NO_SIGNALS_TIMEOUT_MILLIS = 100;

	/** How often a wait for an expected error looks again (it sleeps this long before it first looks). */
	private static final long POLL_TIMEOUT_MILLIS = 10;

	/** How long a cancelled publisher may hold on to its subscriber before the verification collects garbage. */
	public static final long REFERENCE_GC_TIMEOUT_MILLIS = 300;

	private Tck() {
	}

	/**
	 * The environment of one verification.
	 * @return a new environment
	 */
	public static TestEnvironment environment() {
		return new TestEnvironment(TIMEOUT_MILLIS, NO_SIGNALS_TIMEOUT_MILLIS, POLL_TIMEOUT_MILLIS);
	}

	/**
	 * A subscriber downstream of an operator whose subscriber side is verified: it asks for everything and keeps
	 * nothing, so that only the operator's dealings with its upstream are under test.
	 * @param <T> the type of the elements
	 * @return a new subscriber
	 */
	public static <T> CoreSubscriber<T> unboundedDownstream() {
		return new CoreSubscriber<>() {

			@Override
			public void onSubscribe(Subscription subscription) {
				subscription.request(Long.MAX_VALUE);
			}

			@Override
			public void onNext(T value) {
			}

			@Override
			public void onError(Throwable ex) {
			}

			@Override
			public void onComplete() {
			}

		};
	}

}
