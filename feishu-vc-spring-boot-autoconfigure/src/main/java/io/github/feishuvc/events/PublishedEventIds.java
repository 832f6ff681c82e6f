package io.github.feishuvc.events;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * The ids of the events already published, so that an event the platform delivers more than once is published once.
 * Each delivery of an event claims its id under a token of its own (unique to that delivery), then confirms it once
 * the event was handed to the listeners, or releases it when it could not be (the platform was asked to deliver it
 * again).
 *
 * <p>The contract keeps two promises, and an implementation must keep both:
 * <ul>
 * <li><b>A delivery the platform was told of is published once</b> (within the deduplication window): only a
 * confirmed id answers {@link Claim#PUBLISHED}, which is acknowledged as a duplicate.</li>
 * <li><b>A delivery the platform was not told of is published when it comes again</b>: a claim that was never
 * confirmed answers {@link Claim#PENDING}, never {@link Claim#PUBLISHED}, so that the delivery finding it asks the
 * platform for the event again rather than acknowledging it; and the claim does not outlive its delivery for long.
 * It ends when its delivery releases it, and lapses {@link #CLAIM_TTL} after it was taken in any case, so a claim
 * whose release was lost (a shared store that failed at that moment, or took the claim only after its delivery had
 * been answered) is gone by the platform's first redelivery.</li>
 * </ul>
 * Only the delivery that took a claim (its token) may confirm it away or release it: a release that arrives late
 * never ends another delivery's claim.
 *
 * <p>The auto-configured implementation keeps the ids in this instance's memory
 * ({@link InMemoryPublishedEventIds}), or in Redis with {@code feishu.vc.shared-state.type=redis}, so that the
 * instances of an app publish each event once between them.
 */
public interface PublishedEventIds {

	/**
	 * How long a claim holds back the other deliveries of its event unless confirmed or released first. Long enough
	 * for its delivery to end and its confirmation to arrive: the answer to the platform is due within 3 seconds (the
	 * endpoint answers within 2.5), and a shared store's operation may take up to {@code feishu.vc.shared-state.timeout}
	 * (2 seconds at most), so an event handed over is confirmed within about 5 seconds of its arrival; the claim holds
	 * twice that. Shorter than the platform's first redelivery, 15 seconds after the first delivery: an unconfirmed
	 * claim is gone when the event comes again, unless the store took it more than 5 seconds late, which makes that
	 * redelivery {@link Claim#PENDING} too (asked for again, not lost).
	 */
	Duration CLAIM_TTL = Duration.ofSeconds(10);

	/**
	 * Claim an event id for one delivery of its event.
	 * @param eventId the event's id
	 * @param token the delivery's own token, unique to it
	 * @return whether this delivery may publish the event, or what holds it back
	 */
	Mono<Claim> claim(String eventId, String token);

	/**
	 * Remember an id for good (for the deduplication window): the event of the delivery that claimed it under this
	 * token was handed to the listeners. Its claim ends.
	 * @param eventId the event's id
	 * @param token the token it was claimed under
	 * @return completes when done
	 */
	Mono<Void> confirm(String eventId, String token);

	/**
	 * Give up the claim a delivery took, whose event was not handed to the listeners, so that a later delivery is
	 * published; does nothing to a claim taken under another token.
	 * @param eventId the event's id
	 * @param token the token it was claimed under
	 * @return completes when done
	 */
	Mono<Void> release(String eventId, String token);

	/** What a claim found. */
	enum Claim {

		/** The claim is this delivery's: it may publish the event, then confirms or releases the claim. */
		GRANTED,

		/** The event was published (a claim confirmed) within the window: a duplicate, acknowledged as such. */
		PUBLISHED,

		/**
		 * Another delivery holds a claim that was neither confirmed nor released, and has not lapsed: the event may
		 * yet be published by it, or may not. Not a duplicate: the platform is asked to deliver it again.
		 */
		PENDING

	}

}
