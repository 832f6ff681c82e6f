package io.github.feishuvc.events;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Publishes the platform's events once per event id, whichever way they arrived: claims the id in
 * {@link PublishedEventIds} under a token of this delivery's own, hands the event to the listeners on the listener
 * executor, and confirms the id as soon as it was handed over. A delivery that does not hand its event over (the
 * executor refused it, or its answer was given up on, cancelling it, or its claim failed) releases its claim, so that
 * the platform's next delivery is published; only a confirmed id makes a delivery a duplicate, and an id another
 * delivery has claimed but not confirmed makes it {@link Outcome#PENDING}, asked for again, never acknowledged. Each
 * event is published as a {@link FeishuEvent}, then in its typed form if a {@link FeishuEventDecoder} knows its type;
 * an event of a known type that does not decode is published raw only, with a WARN naming its type and id.
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
	 * Publish an authenticated event, unless its id was published already or another delivery of it is under way.
	 * @param event the event
	 * @return what became of it; cancelled before the event was handed over, the delivery releases its claim
	 */
	public Mono<Outcome> dispatch(FeishuEvent event) {
		String eventId = event.eventId();
		if (eventId == null) {
			return Mono.fromSupplier(() -> handOver(event));
		}
		return Mono.defer(() -> {
			Delivery delivery = new Delivery(eventId, deliveryToken());
			return this.publishedIds.claim(eventId, delivery.token)
				.map((claim) -> switch (claim) {
					case GRANTED -> handOver(event, delivery);
					case PUBLISHED -> duplicate(event, delivery);
					case PENDING -> pending(event, delivery);
				})
				.doOnError((ex) -> delivery.release())
				.doOnCancel(delivery::release);
		});
	}

	private Outcome handOver(FeishuEvent event) {
		try {
			this.listenerExecutor.execute(() -> publish(event));
			return Outcome.PUBLISHING;
		}
		catch (RejectedExecutionException ex) {
			refused(event, ex);
			return Outcome.REJECTED;
		}
	}

	/**
	 * Confirmed as soon as handed over, not once the listeners are done: the platform is told of the event now, and
	 * the claim must not lapse (while a slow listener runs) before a redelivery could be told it was published.
	 */
	private Outcome handOver(FeishuEvent event, Delivery delivery) {
		if (!delivery.settle()) {
			// Cancelled as the claim arrived: released already, and nobody waits for the answer.
			return Outcome.REJECTED;
		}
		Outcome outcome = handOver(event);
		if (outcome == Outcome.REJECTED) {
			delivery.giveUp();
		}
		else {
			this.publishedIds.confirm(delivery.eventId, delivery.token).onErrorComplete().subscribe();
		}
		return outcome;
	}

	private Outcome duplicate(FeishuEvent event, Delivery delivery) {
		delivery.settle();
		if (logger.isDebugEnabled()) {
			logger.debug(event + " delivered again; published once already");
		}
		return Outcome.DUPLICATE;
	}

	private Outcome pending(FeishuEvent event, Delivery delivery) {
		delivery.settle();
		logger.info(event + " delivered again while an earlier delivery's claim on it is neither confirmed nor "
				+ "given up; answering so that the platform delivers it again");
		return Outcome.PENDING;
	}

	private static void refused(FeishuEvent event, RejectedExecutionException ex) {
		logger.warn("The Feishu event listener executor refused " + event + " (" + ex.getMessage()
				+ "); answering so that the platform delivers it again");
	}

	private void publish(FeishuEvent event) {
		deliver(event, event);
		for (FeishuEventDecoder decoder : this.decoders) {
			Object typed = decode(decoder, event);
			if (typed != null) {
				deliver(typed, event);
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

		/** Handed to the listener executor, its id confirmed: the platform is told it arrived. */
		PUBLISHING,

		/** Its id was published already: not published again, and the platform is told it arrived. */
		DUPLICATE,

		/** The listener executor refused it: not published, its claim released, the platform asked for it again. */
		REJECTED,

		/**
		 * Another delivery of it holds a claim, neither confirmed nor given up: not published here, and the platform
		 * is asked for it again, when it is either published (a duplicate then) or free to be.
		 */
		PENDING;

		/**
		 * {@return whether the platform is told that the event arrived (an HTTP 200, a successful acknowledgement);
		 * otherwise it is asked to deliver the event again}
		 */
		public boolean acknowledged() {
			return this == PUBLISHING || this == DUPLICATE;
		}

	}

	/**
	 * One delivery of an event with an id: its claim's token, and whether it settled (took an answer from the claim)
	 * or was abandoned first, which decides once whether it still holds a claim to release.
	 */
	private final class Delivery {

		final String eventId;

		final String token;

		private final AtomicBoolean settled = new AtomicBoolean();

		Delivery(String eventId, String token) {
			this.eventId = eventId;
			this.token = token;
		}

		/** {@return whether the claim's answer came before the delivery was abandoned} */
		boolean settle() {
			return this.settled.compareAndSet(false, true);
		}

		/**
		 * Abandoned before its claim's answer (cancelled, or the claim failed): the claim may yet reach the store,
		 * and the release, sent after it, ends it there.
		 */
		void release() {
			if (settle()) {
				giveUp();
			}
		}

		/** Its event not handed over: a later delivery may publish it. */
		void giveUp() {
			EventDispatcher.this.publishedIds.release(this.eventId, this.token).onErrorComplete().subscribe();
		}

	}

	/**
	 * A token that tells this delivery's claim from any other's, across the instances sharing the ids: 128 random
	 * bits. Not a secret, so not from {@code SecureRandom}, whose source may read {@code /dev/urandom} on the event
	 * loop this runs on (as {@code UUID.randomUUID()} does).
	 */
	private static String deliveryToken() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
	}

}
