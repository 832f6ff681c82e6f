package io.github.feishuvc.events;

import java.util.List;
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
 * was handed over (or releases it when the executor refused the work, so that a redelivery is published). Each event
 * is published as a {@link FeishuEvent}, then in its typed form if a {@link FeishuEventDecoder} knows its type; an
 * event of a known type that does not decode is published raw only, with a WARN naming its type and id.
 *
 * <p>Listeners run on the executor, never on the thread that received the event: a slow listener never holds up the
 * answer to the platform. Events may therefore reach listeners concurrently and in another order than they were sent.
 */
public final class EventDispatcher {

	private static final Log logger = LogFactory.getLog(EventDispatcher.class);

	private final PublishedEventIds publishedIds;

	private final Consumer<Object> publisher;

	private final Executor listenerExecutor;

	private final List<FeishuEventDecoder> decoders;

	/**
	 * Create a dispatcher that publishes raw events only.
	 * @param publishedIds the ids of the events published already
	 * @param publisher publishes an event to the listeners, such as {@code ApplicationEventPublisher::publishEvent}
	 * @param listenerExecutor where the publisher is called
	 */
	public EventDispatcher(PublishedEventIds publishedIds, Consumer<Object> publisher, Executor listenerExecutor) {
		this(publishedIds, publisher, listenerExecutor, List.of());
	}

	/**
	 * Create a dispatcher.
	 * @param publishedIds the ids of the events published already
	 * @param publisher publishes an event to the listeners, such as {@code ApplicationEventPublisher::publishEvent}
	 * @param listenerExecutor where the publisher is called
	 * @param decoders turn events into their typed forms
	 */
	public EventDispatcher(PublishedEventIds publishedIds, Consumer<Object> publisher, Executor listenerExecutor,
			List<FeishuEventDecoder> decoders) {
		this.publishedIds = publishedIds;
		this.publisher = publisher;
		this.listenerExecutor = listenerExecutor;
		this.decoders = List.copyOf(decoders);
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
			deliver(event, event);
			for (FeishuEventDecoder decoder : this.decoders) {
				Object typed = decode(decoder, event);
				if (typed != null) {
					deliver(typed, event);
				}
			}
		}
		finally {
			if (eventId != null) {
				this.publishedIds.confirm(eventId).onErrorComplete().subscribe();
			}
		}
	}

	private void deliver(Object published, FeishuEvent event) {
		try {
			this.publisher.accept(published);
		}
		catch (RuntimeException ex) {
			logger.warn("A listener failed on " + ((published == event) ? event : published.getClass().getSimpleName()
					+ " of " + event), ex);
		}
	}

	/** Neither the event's content nor the decoder's message (which may quote it) is logged. */
	private static @Nullable Object decode(FeishuEventDecoder decoder, FeishuEvent event) {
		try {
			return decoder.decode(event);
		}
		catch (RuntimeException ex) {
			logger.warn("The Feishu event " + event.type() + " (" + event.eventId() + ") did not decode to its typed "
					+ "form (" + ex.getClass().getSimpleName() + "); it is published as a FeishuEvent only");
			return null;
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
