package io.github.feishuvc.events;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

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
 * <p>Listeners run on the executor, never on the thread that received the event. By default
 * ({@link Acknowledgement#ON_RECEIPT}) a slow listener never holds up the answer to the platform: the id is confirmed
 * as soon as the event was handed over. With {@link Acknowledgement#AFTER_LISTENERS} the answer waits for the listeners
 * (within {@link #ANSWER_DEADLINE}); the id is confirmed once they all returned, and released when one threw, so that
 * the platform's next delivery is published again. Events may reach listeners concurrently and in another order than
 * they were sent.
 *
 * <p>With a {@link FeishuEventInbox} ({@code feishu.vc.events.inbox.enabled}), a delivery whose claim was granted
 * appends its event to the inbox instead, and the platform is told once it is appended ({@link Outcome#STORED}); the
 * inbox hands the events it holds to the listeners through {@link #publishStored}.
 */
public final class EventDispatcher {

	/**
	 * How long the platform's answer may wait: the platform counts an answer later than 3 seconds as a failure, and
	 * the margin leaves time for the answer to travel.
	 */
	public static final Duration ANSWER_DEADLINE = Duration.ofMillis(2500);

	private static final Log logger = LogFactory.getLog(EventDispatcher.class);

	private final PublishedEventIds publishedIds;

	private final Consumer<Object> publisher;

	private final Executor listenerExecutor;

	private final List<FeishuEventDecoder> decoders;

	private final Acknowledgement acknowledgement;

	private final @Nullable FeishuEventInbox inbox;

	/**
	 * The ids of the events whose listeners run on this instance ({@link Acknowledgement#AFTER_LISTENERS}): a delivery
	 * of one of them is held back however long the listeners take, where a claim lapses after
	 * {@link PublishedEventIds#CLAIM_TTL}.
	 */
	private final Set<String> running = ConcurrentHashMap.newKeySet();

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
		this(publishedIds, publisher, listenerExecutor, decoders, Acknowledgement.ON_RECEIPT);
	}

	/**
	 * Create a dispatcher.
	 * @param publishedIds the ids of the events published already
	 * @param publisher publishes an event to the listeners, such as {@code ApplicationEventPublisher::publishEvent}
	 * @param listenerExecutor where the publisher is called
	 * @param decoders turn events into their typed forms
	 * @param acknowledgement when the platform is told that an event arrived
	 */
	public EventDispatcher(PublishedEventIds publishedIds, Consumer<Object> publisher, Executor listenerExecutor,
			List<FeishuEventDecoder> decoders, Acknowledgement acknowledgement) {
		this(publishedIds, publisher, listenerExecutor, decoders, acknowledgement, null);
	}

	/**
	 * Create a dispatcher.
	 * @param publishedIds the ids of the events published (or appended to the inbox) already
	 * @param publisher publishes an event to the listeners, such as {@code ApplicationEventPublisher::publishEvent}
	 * @param listenerExecutor where the publisher is called
	 * @param decoders turn events into their typed forms
	 * @param acknowledgement when the platform is told that an event arrived, without an inbox
	 * @param inbox where events are appended before the platform is told, or {@code null} to hand them to the
	 * listeners directly
	 */
	public EventDispatcher(PublishedEventIds publishedIds, Consumer<Object> publisher, Executor listenerExecutor,
			List<FeishuEventDecoder> decoders, Acknowledgement acknowledgement, @Nullable FeishuEventInbox inbox) {
		this.inbox = inbox;
		this.publishedIds = publishedIds;
		this.publisher = publisher;
		this.listenerExecutor = listenerExecutor;
		this.decoders = List.copyOf(decoders);
		this.acknowledgement = acknowledgement;
	}

	/**
	 * Publish an authenticated event, unless its id was published already or another delivery of it is under way.
	 * @param event the event
	 * @return what became of it; cancelled before the event was handed over, the delivery releases its claim (once it
	 * was handed over, the listeners' own result decides, even when nobody waits for it any more)
	 */
	public Mono<Outcome> dispatch(FeishuEvent event) {
		String eventId = event.eventId();
		FeishuEventInbox inbox = this.inbox;
		if (eventId == null) {
			return (inbox != null) ? Mono.defer(() -> append(inbox, event, null))
					: Mono.defer(() -> handOver(event, (handled) -> {
					}));
		}
		return Mono.defer(() -> {
			if (this.running.contains(eventId)) {
				return Mono.just(pending(event));
			}
			Delivery delivery = new Delivery(eventId, deliveryToken());
			return this.publishedIds.claim(eventId, delivery.token)
				.flatMap((claim) -> switch (claim) {
					case GRANTED -> (inbox != null) ? append(inbox, event, delivery) : handOver(event, delivery);
					case PUBLISHED -> Mono.just(duplicate(event, delivery));
					case PENDING -> {
						delivery.settle();
						yield Mono.just(pending(event));
					}
				})
				.doOnError((ex) -> delivery.release())
				.doOnCancel(delivery::release);
		});
	}

	/**
	 * Append an event to the inbox: its id confirmed once appended, so that the platform's next delivery is a
	 * duplicate; released if it could not be, so that the next delivery is appended. An inbox on Redis confirms the id
	 * on Redis in the append's own script, so that an instance killed before the confirmation here does not leave the
	 * event appended and its id free for the next delivery to append again; the confirmation here still remembers it
	 * in this instance's memory. Cancelled (the answer's deadline passed) while the append is under way, the claim is
	 * released too: the append may still land, and the event be appended twice by an inbox that does not confirm the
	 * id itself, which listeners, seeing each event at least once, tell by its id.
	 */
	private Mono<Outcome> append(FeishuEventInbox inbox, FeishuEvent event, @Nullable Delivery delivery) {
		if (delivery != null && !delivery.settle()) {
			return Mono.just(Outcome.REJECTED);
		}
		return inbox.append(event).then(Mono.fromSupplier(() -> {
			if (delivery != null) {
				confirm(delivery);
			}
			return Outcome.STORED;
		})).onErrorResume((ex) -> {
			if (delivery != null) {
				delivery.giveUp();
			}
			logger.warn("The Feishu event inbox could not append " + event + " (" + ex.getClass().getSimpleName()
					+ "); answering so that the platform delivers it again");
			return Mono.just(Outcome.NOT_STORED);
		}).doOnCancel(() -> {
			if (delivery != null) {
				delivery.giveUp();
			}
		});
	}

	/**
	 * Hand an event the inbox holds to the listeners, on the listener executor, whatever its id: raw, then typed, as
	 * {@link #dispatch} does. A listener's failure is not logged here: the inbox retries it, and logs what it does.
	 * @param event the event
	 * @return completes once every listener returned; an error, the first listener's failure, if one threw, or the
	 * executor's refusal
	 */
	public Mono<Void> publishStored(FeishuEvent event) {
		return Mono.create((sink) -> {
			try {
				this.listenerExecutor.execute(() -> {
					RuntimeException failure;
					try {
						failure = publish(event, false);
					}
					catch (Error ex) {
						// The entry must not stay in hand for ever: the inbox retries it, then the Error goes on.
						sink.error(ex);
						throw ex;
					}
					if (failure != null) {
						sink.error(failure);
					}
					else {
						sink.success();
					}
				});
			}
			catch (RejectedExecutionException ex) {
				sink.error(ex);
			}
		});
	}

	/**
	 * Hand an event to the listener executor.
	 * @param event the event
	 * @param handled told on the executor, once the listeners returned, whether every one of them succeeded
	 * @return {@link Outcome#PUBLISHING} at once, or once the listeners returned ({@link Outcome#HANDLED} or
	 * {@link Outcome#FAILED}) when the answer waits for them; {@link Outcome#REJECTED} if the executor refused it
	 */
	private Mono<Outcome> handOver(FeishuEvent event, Consumer<Boolean> handled) {
		boolean wait = this.acknowledgement == Acknowledgement.AFTER_LISTENERS;
		Sinks.One<Outcome> done = Sinks.one();
		try {
			this.listenerExecutor.execute(() -> {
				boolean succeeded = false;
				try {
					succeeded = publish(event, true) == null;
				}
				finally {
					// A listener's Error (an assertion, a class not found) still ends the claim and the answer, then
					// goes on to the executor's thread.
					handled.accept(succeeded);
					done.tryEmitValue(succeeded ? Outcome.HANDLED : Outcome.FAILED);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			refused(event, ex);
			return Mono.just(Outcome.REJECTED);
		}
		return wait ? done.asMono() : Mono.just(Outcome.PUBLISHING);
	}

	/**
	 * On receipt, confirmed as soon as handed over, not once the listeners are done: the platform is told of the
	 * event now, and the claim must not lapse (while a slow listener runs) before a redelivery could be told it was
	 * published. After the listeners, confirmed once they all succeeded and released when one failed, whether or not
	 * the answer still waits: the platform's next delivery is then a duplicate, or published again.
	 */
	private Mono<Outcome> handOver(FeishuEvent event, Delivery delivery) {
		if (!delivery.settle()) {
			// Cancelled as the claim arrived: released already, and nobody waits for the answer.
			return Mono.just(Outcome.REJECTED);
		}
		boolean afterListeners = this.acknowledgement == Acknowledgement.AFTER_LISTENERS;
		if (afterListeners) {
			this.running.add(delivery.eventId);
		}
		Mono<Outcome> outcome;
		try {
			outcome = handOver(event, (succeeded) -> {
				if (afterListeners) {
					settle(delivery, succeeded);
					this.running.remove(delivery.eventId);
				}
			});
		}
		catch (RuntimeException ex) {
			// An executor that fails otherwise than by refusing: the event was not handed over.
			this.running.remove(delivery.eventId);
			delivery.giveUp();
			throw ex;
		}
		return outcome.doOnNext((handedOver) -> {
			if (handedOver == Outcome.REJECTED) {
				this.running.remove(delivery.eventId);
				delivery.giveUp();
			}
			else if (!afterListeners) {
				confirm(delivery);
			}
		});
	}

	private void settle(Delivery delivery, boolean succeeded) {
		if (succeeded) {
			confirm(delivery);
		}
		else {
			delivery.giveUp();
		}
	}

	private void confirm(Delivery delivery) {
		this.publishedIds.confirm(delivery.eventId, delivery.token).onErrorComplete().subscribe();
	}

	private Outcome duplicate(FeishuEvent event, Delivery delivery) {
		delivery.settle();
		if (logger.isDebugEnabled()) {
			logger.debug(event + " delivered again; published once already");
		}
		return Outcome.DUPLICATE;
	}

	private static Outcome pending(FeishuEvent event) {
		logger.info(event + " delivered again while an earlier delivery's claim on it is neither confirmed nor "
				+ "given up; answering so that the platform delivers it again");
		return Outcome.PENDING;
	}

	private static void refused(FeishuEvent event, RejectedExecutionException ex) {
		logger.warn("The Feishu event listener executor refused " + event + " (" + ex.getMessage()
				+ "); answering so that the platform delivers it again");
	}

	/**
	 * Publish an event raw, then typed, to every listener, whichever fails.
	 * @param log whether to log a listener's failure here
	 * @return the first listener's failure, or {@code null} if every one returned without throwing
	 */
	private @Nullable RuntimeException publish(FeishuEvent event, boolean log) {
		RuntimeException failure = deliver(event, event, log);
		for (FeishuEventDecoder decoder : this.decoders) {
			Object typed = decode(decoder, event);
			if (typed != null) {
				RuntimeException typedFailure = deliver(typed, event, log);
				failure = (failure != null) ? failure : typedFailure;
			}
		}
		return failure;
	}

	private @Nullable RuntimeException deliver(Object published, FeishuEvent event, boolean log) {
		try {
			this.publisher.accept(published);
			return null;
		}
		catch (RuntimeException ex) {
			if (!log) {
				return ex;
			}
			String what = (published == event) ? event.toString()
					: published.getClass().getSimpleName() + " of " + event;
			logger.warn("A listener failed on " + what
					+ ((this.acknowledgement == Acknowledgement.AFTER_LISTENERS)
							? "; answering so that the platform delivers it again" : ""),
					ex);
			return ex;
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

	/**
	 * {@return whether an answer waits for the listeners ({@link Acknowledgement#AFTER_LISTENERS}): a transport then
	 * answers several events at once, so that a slow listener holds up only its own event's answer}
	 */
	public boolean waitsForListeners() {
		return this.acknowledgement == Acknowledgement.AFTER_LISTENERS;
	}

	@Override
	public String toString() {
		return "EventDispatcher[" + this.publishedIds + "]";
	}

	/** What became of an event handed to {@link #dispatch}. */
	public enum Outcome {

		/** Handed to the listener executor, its id confirmed: the platform is told it arrived. */
		PUBLISHING,

		/** Every listener returned ({@link Acknowledgement#AFTER_LISTENERS}), its id confirmed: the platform is told. */
		HANDLED,

		/**
		 * A listener threw ({@link Acknowledgement#AFTER_LISTENERS}): its claim released, the platform asked for it
		 * again, when it is published again.
		 */
		FAILED,

		/** Its id was published already: not published again, and the platform is told it arrived. */
		DUPLICATE,

		/** Appended to the inbox, its id confirmed: the platform is told; the inbox hands it to the listeners. */
		STORED,

		/** The inbox could not append it: its claim released, the platform asked for it again. */
		NOT_STORED,

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
			return this == PUBLISHING || this == HANDLED || this == DUPLICATE || this == STORED;
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
