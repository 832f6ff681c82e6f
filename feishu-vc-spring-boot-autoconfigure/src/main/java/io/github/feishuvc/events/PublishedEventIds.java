package io.github.feishuvc.events;

import reactor.core.publisher.Mono;

/**
 * The ids of the events already published, so that an event the platform delivers more than once is published once.
 * An id is first claimed, then confirmed once its event was handed to the listeners, or released when it could not
 * be; a claim that is never confirmed lapses, so an event lost on its way to the listeners can be delivered again.
 *
 * <p>The auto-configured implementation keeps the ids in this instance's memory
 * ({@link InMemoryPublishedEventIds}), or in Redis with {@code feishu.vc.shared-state.type=redis}, so that the
 * instances of an app publish each event once between them.
 */
public interface PublishedEventIds {

	/**
	 * Claim an event id for publishing.
	 * @param eventId the event's id
	 * @return {@code true} if this caller may publish the event, {@code false} if it was published or claimed already
	 */
	Mono<Boolean> claim(String eventId);

	/**
	 * Remember a claimed id for good (for the deduplication window): its event was handed to the listeners.
	 * @param eventId the event's id
	 * @return completes when done
	 */
	Mono<Void> confirm(String eventId);

	/**
	 * Forget a claimed id whose event was not handed to the listeners, so that a later delivery is published.
	 * @param eventId the event's id
	 * @return completes when done
	 */
	Mono<Void> release(String eventId);

}
