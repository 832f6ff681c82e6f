package io.github.feishuvc.events;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * {@link PublishedEventIds} in this instance's memory, kept for a time rather than a count: the platform delivers an
 * event again after 15 seconds, 5 minutes, 1 hour and 6 hours, whatever the rate of other events, so an id is
 * remembered for the window ({@code feishu.vc.events.dedupe-window}, 12 hours by default). Ids are kept in
 * {@value #BUCKETS} buckets of a twelfth of the window each, oldest first, and a bucket is dropped whole once it is a
 * window old, so an id lives between the window and a twelfth more. Memory grows with the rate of events: about 100
 * bytes an id, so 10 events a second for 12 hours keep about 40 MB; shorten the window, or share the ids on Redis.
 * Claims and confirmations are one state here: a claim is released only when its event could not be handed over.
 */
public final class InMemoryPublishedEventIds implements PublishedEventIds {

	/** How long ids are remembered unless told otherwise. */
	public static final Duration DEFAULT_WINDOW = Duration.ofHours(12);

	/** Into how many buckets the window is cut. */
	public static final int BUCKETS = 12;

	private final long bucketMillis;

	private final Clock clock;

	/** The buckets, oldest first. */
	private final Deque<Bucket> buckets = new ArrayDeque<>();

	/** Remember ids for {@link #DEFAULT_WINDOW}. */
	public InMemoryPublishedEventIds() {
		this(DEFAULT_WINDOW, Clock.systemUTC());
	}

	/**
	 * Remember ids for a window.
	 * @param window how long an id is remembered, at least
	 * @param clock the clock that ages them
	 */
	public InMemoryPublishedEventIds(Duration window, Clock clock) {
		Assert.isTrue(window.toMillis() >= BUCKETS, "window must be at least " + BUCKETS + "ms");
		this.bucketMillis = window.toMillis() / BUCKETS;
		this.clock = clock;
	}

	@Override
	public Mono<Boolean> claim(String eventId) {
		return Mono.fromSupplier(() -> claimNow(eventId));
	}

	@Override
	public Mono<Void> confirm(String eventId) {
		return Mono.empty();
	}

	@Override
	public Mono<Void> release(String eventId) {
		return Mono.fromRunnable(() -> releaseNow(eventId));
	}

	/**
	 * Claim an id now.
	 * @param eventId the event's id
	 * @return {@code false} if it is known
	 */
	public synchronized boolean claimNow(String eventId) {
		long index = this.clock.millis() / this.bucketMillis;
		while (!this.buckets.isEmpty() && this.buckets.peekFirst().index <= index - BUCKETS - 1) {
			this.buckets.pollFirst();
		}
		for (Bucket bucket : this.buckets) {
			if (bucket.ids.contains(eventId)) {
				return false;
			}
		}
		Bucket current = this.buckets.peekLast();
		if (current == null || current.index != index) {
			current = new Bucket(index);
			this.buckets.addLast(current);
		}
		current.ids.add(eventId);
		return true;
	}

	/**
	 * Forget an id now.
	 * @param eventId the event's id
	 */
	public synchronized void releaseNow(String eventId) {
		for (Bucket bucket : this.buckets) {
			bucket.ids.remove(eventId);
		}
	}

	/**
	 * How many ids are remembered now.
	 * @return the ids
	 */
	public synchronized int size() {
		return this.buckets.stream().mapToInt((bucket) -> bucket.ids.size()).sum();
	}

	@Override
	public synchronized String toString() {
		return "InMemoryPublishedEventIds[" + size() + " ids, window " + Duration.ofMillis(this.bucketMillis * BUCKETS)
				+ "]";
	}

	/** The ids first claimed in one twelfth of the window. */
	private static final class Bucket {

		final long index;

		final Set<String> ids = new HashSet<>();

		Bucket(long index) {
			this.index = index;
		}

	}

}
