package io.github.feishuvc.events;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A durable inbox of the platform's events ({@code feishu.vc.events.inbox.enabled}, on by default with
 * {@code feishu.vc.shared-state.type=redis}): the event endpoint and the long connection acknowledge an event only
 * once it is appended here, and the instances of the app hand the events it holds to the listeners, retrying a
 * listener that throws, and setting an event aside as a dead letter after the last attempt. An event survives the
 * instance that received it.
 *
 * <p>Also what an operator sees and does: how many events wait, which ones are dead letters, and replaying or
 * discarding one (the actuator endpoint {@code feishuvcinbox} calls these).
 */
public interface FeishuEventInbox {

	/**
	 * Append an event, which the platform may then be told arrived.
	 * @param event the event, its id claimed by this delivery
	 * @return completes once the event is stored; an error if it could not be (the platform is asked for it again)
	 */
	Mono<Void> append(FeishuEvent event);

	/**
	 * {@return how many events are appended and not handled yet: read by an instance and not acknowledged, or not
	 * read yet}
	 */
	Mono<Long> pending();

	/**
	 * {@return the events whose listeners failed on every attempt, oldest first, read a page at a time as they are
	 * asked for}
	 */
	Flux<DeadLetter> deadLetters();

	/**
	 * {@return how many dead letters there are}
	 */
	Mono<Long> deadLetterCount();

	/**
	 * Append a dead letter to the inbox again, for the listeners to handle once more, and remove it from the dead
	 * letters.
	 * @param id the dead letter's id, as {@link #deadLetters()} gives it
	 * @return whether it was there (a dead letter replayed already is not)
	 */
	Mono<Boolean> replay(String id);

	/**
	 * Remove a dead letter for good.
	 * @param id the dead letter's id, as {@link #deadLetters()} gives it
	 * @return whether it was there
	 */
	Mono<Boolean> discard(String id);

	/**
	 * An event whose listeners failed on every attempt. Its content stays in the store; it is not shown here.
	 *
	 * @param id the dead letter's own id, for {@link #replay} and {@link #discard}
	 * @param eventId the event's id, if it has one
	 * @param type the event's type
	 * @param error the class of the last attempt's failure
	 * @param message the message of the last attempt's failure, if it had one
	 * @param attempts how many attempts were made
	 * @param failedAt when the last attempt failed
	 */
	record DeadLetter(String id, @Nullable String eventId, String type, String error, @Nullable String message,
			int attempts, Instant failedAt) {

	}

}
