package io.github.feishuvc.events;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * {@link PublishedEventIds} in this instance's memory, kept for a time rather than a count: the platform delivers an
 * event again after 15 seconds, 5 minutes, 1 hour and 6 hours, whatever the rate of other events, so a published id
 * is remembered for the window ({@code feishu.vc.events.dedupe-window}, 12 hours by default). Ids are kept in
 * {@value #BUCKETS} buckets of a twelfth of the window each, oldest first, and a bucket is dropped whole once it is a
 * window old, so an id lives between the window and a twelfth more. Memory grows with the rate of events: about 100
 * bytes an id, so 10 events a second for 12 hours keep about 40 MB; shorten the window, or share the ids on Redis.
 * Claims are kept apart from the published ids, each with its delivery's token, until confirmed, released or lapsed
 * ({@link #CLAIM_TTL}), so that only a confirmed id makes a later delivery a duplicate, as on Redis.
 */
public final class InMemoryPublishedEventIds implements PublishedEventIds {

	/** How long ids are remembered unless told otherwise. */
	public static final Duration DEFAULT_WINDOW = Duration.ofHours(12);

	/** Into how many buckets the window is cut. */
	public static final int BUCKETS = 12;

	private final long bucketMillis;

	private final Clock clock;

	/** The buckets of the ids published, oldest first. */
	private final Deque<Bucket> buckets = new ArrayDeque<>();

	/** The claims neither confirmed nor released, by event id, oldest first: they lapse in that order. */
	private final Map<String, Held> claims = new LinkedHashMap<>();

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
	public Mono<Claim> claim(String eventId, String token) {
		return Mono.fromSupplier(() -> claimNow(eventId, token));
	}

	@Override
	public Mono<Void> confirm(String eventId, String token) {
		return Mono.fromRunnable(() -> confirmNow(eventId, token));
	}

	@Override
	public Mono<Void> release(String eventId, String token) {
		return Mono.fromRunnable(() -> releaseNow(eventId, token));
	}

	/**
	 * Claim an id now for one delivery.
	 * @param eventId the event's id
	 * @param token the delivery's token
	 * @return whether the delivery may publish the event, or what holds it back
	 */
	public synchronized Claim claimNow(String eventId, String token) {
		long now = this.clock.millis();
		forgetOld(now);
		for (Bucket bucket : this.buckets) {
			if (bucket.ids.contains(eventId)) {
				return Claim.PUBLISHED;
			}
		}
		Held held = this.claims.get(eventId);
		if (held != null && !held.token.equals(token)) {
			return Claim.PENDING;
		}
		// Removed first, so that the claims stay in the order they lapse in.
		this.claims.remove(eventId);
		this.claims.put(eventId, new Held(token, now + CLAIM_TTL.toMillis()));
		return Claim.GRANTED;
	}

	/**
	 * Remember an id as published now, ending its claim if taken under this token.
	 * @param eventId the event's id
	 * @param token the token it was claimed under
	 */
	public synchronized void confirmNow(String eventId, String token) {
		long index = this.clock.millis() / this.bucketMillis;
		Bucket current = this.buckets.peekLast();
		if (current == null || current.index != index) {
			current = new Bucket(index);
			this.buckets.addLast(current);
		}
		current.ids.add(eventId);
		releaseNow(eventId, token);
	}

	/**
	 * End the claim of an id now, if taken under this token.
	 * @param eventId the event's id
	 * @param token the token it was claimed under
	 */
	public synchronized void releaseNow(String eventId, String token) {
		Held held = this.claims.get(eventId);
		if (held != null && held.token.equals(token)) {
			this.claims.remove(eventId);
		}
	}

	/**
	 * How many ids are remembered now, published or claimed.
	 * @return the ids
	 */
	public synchronized int size() {
		return this.buckets.stream().mapToInt((bucket) -> bucket.ids.size()).sum() + this.claims.size();
	}

	/** Drops the buckets a window old and the claims lapsed. */
	private void forgetOld(long now) {
		long index = now / this.bucketMillis;
		while (!this.buckets.isEmpty() && this.buckets.peekFirst().index <= index - BUCKETS - 1) {
			this.buckets.pollFirst();
		}
		Iterator<Held> oldestFirst = this.claims.values().iterator();
		while (oldestFirst.hasNext() && oldestFirst.next().lapsesAt <= now) {
			oldestFirst.remove();
		}
	}

	@Override
	public synchronized String toString() {
		return "InMemoryPublishedEventIds[" + size() + " ids, window " + Duration.ofMillis(this.bucketMillis * BUCKETS)
				+ "]";
	}

	/** The ids published in one twelfth of the window. */
	private static final class Bucket {

		final long index;

		final Set<String> ids = new HashSet<>();

		Bucket(long index) {
			this.index = index;
		}

	}

	/** A claim: the token of the delivery that took it, and when it lapses (epoch millis). */
	private record Held(String token, long lapsesAt) {
	}

}
