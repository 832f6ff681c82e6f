package io.github.feishuvc.events;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Publishes the platform's events once per event id, whichever way they arrived: claims the id in
 * {@link PublishedEventIds}, hands the event to the listeners on the listener executor, and confirms the id once it
 * was handed over (or releases it when the executor refused the work, so that a redelivery is published).
 *
 * <p>Listeners run on the executor, never on the thread that received the event: a slow listener never holds up the
 * answer to the platform. Events may therefore reach listeners concurrently and in another order than they were sent.
 */
public final class EventDispatcher {

	private static final Log logger = LogFactory.getLog(EventDispatcher.class);

	private final PublishedEventIds publishedIds;

	private final Consumer<Object> publisher;

	private final Executor listenerExecutor;

	/**
	 * Create a dispatcher.
	 * @param publishedIds the ids of the events published already
	 * @param publisher publishes an event to the listeners, such as {@code ApplicationEventPublisher::publishEvent}
	 * @param listenerExecutor where the publisher is called
	 */
	public EventDispatcher(PublishedEventIds publishedIds, Consumer<Object> publisher, Executor listenerExecutor) {
		this.publishedIds = publishedIds;
		this.publisher = publisher;
		this.listenerExecutor = listenerExecutor;
	}

	/**
	 * Publish an authenticated event, unless its id was published already.
	 * @param event the event
	 * @return what became of it
	 */
	public Mono<Outcome> dispatch(FeishuEvent event) {
		String eventId = event.eventId();
		if (eventId == null) {
			return Mono.fromSupplier(() -> handOver(event, null));
		}
		return this.publishedIds.claim(eventId).map((claimed) -> {
			if (claimed) {
				return handOver(event, eventId);
			}
			if (logger.isDebugEnabled()) {
				logger.debug(event + " delivered again; published once already");
			}
			return Outcome.DUPLICATE;
		});
	}

	private Outcome handOver(FeishuEvent event, @Nullable String eventId) {
		try {
			this.listenerExecutor.execute(() -> publish(event, eventId));
			return Outcome.PUBLISHING;
		}
		catch (RejectedExecutionException ex) {
			logger.warn("The Feishu event listener executor refused " + event + " (" + ex.getMessage()
					+ "); answering so that the platform delivers it again");
			if (eventId != null) {
				this.publishedIds.release(eventId).onErrorComplete().subscribe();
			}
			return Outcome.REJECTED;
		}
	}

	private void publish(FeishuEvent event, @Nullable String eventId) {
		try {
			this.publisher.accept(event);
		}
		catch (RuntimeException ex) {
			logger.warn("A listener failed on " + event, ex);
		}
		finally {
			if (eventId != null) {
				this.publishedIds.confirm(eventId).onErrorComplete().subscribe();
			}
		}
	}

	@Override
	public String toString() {
		return "EventDispatcher[" + this.publishedIds + "]";
	}

	/** What became of an event handed to {@link #dispatch}. */
	public enum Outcome {

		/** Handed to the listener executor. */
		PUBLISHING,

		/** Its id was published (or claimed) already: not published again. */
		DUPLICATE,

		/** The listener executor refused it: not published, its id released. */
		REJECTED

	}

}
