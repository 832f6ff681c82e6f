package io.github.feishuvc.events;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * {@link PublishedEventIds} in this instance's memory: the latest ids, bounded, the oldest forgotten first. The
 * platform delivers an event again within hours, long before thousands of newer events push its id out. Claims and
 * confirmations are one state here: a claim is released only when its event could not be handed over.
 */
public final class InMemoryPublishedEventIds implements PublishedEventIds {

	/** How many ids are remembered unless told otherwise. */
	public static final int DEFAULT_CAPACITY = 10_000;

	private final Map<String, Boolean> ids;

	/** Remember the latest {@value #DEFAULT_CAPACITY} ids. */
	public InMemoryPublishedEventIds() {
		this(DEFAULT_CAPACITY);
	}

	/**
	 * Remember the latest ids.
	 * @param capacity how many
	 */
	public InMemoryPublishedEventIds(int capacity) {
		Assert.isTrue(capacity > 0, "capacity must be positive");
		this.ids = new LinkedHashMap<>(16, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > capacity;
			}

		};
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
		return this.ids.putIfAbsent(eventId, Boolean.TRUE) == null;
	}

	/**
	 * Forget an id now.
	 * @param eventId the event's id
	 */
	public synchronized void releaseNow(String eventId) {
		this.ids.remove(eventId);
	}

	@Override
	public synchronized String toString() {
		return "InMemoryPublishedEventIds[" + this.ids.size() + " ids]";
	}

}
