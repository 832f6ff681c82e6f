package io.github.feishuvc.events.longconnection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.events.EventDispatcher;
import io.github.feishuvc.events.FeishuEvent;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import tools.jackson.databind.node.ObjectNode;

/**
 * The platform's protocol over an open connection: its binary frames ({@link Frame}) in, events reassembled from
 * fragments ({@link Fragments}), published through the {@link EventDispatcher} and acknowledged with the time that
 * took, well within the platform's three seconds; pings at the platform's interval, whose pongs may change the
 * platform's settings; and the watchdog ({@link Reconnects#watched}) that ends a connection from which nothing arrived
 * for the idle timeout. One serves every attempt of a connection, and counts the events received and acknowledged.
 */
final class Protocol {

	/** The long connection's own log, which users configure by its name. */
	private static final Log logger = LogFactory.getLog(FeishuLongConnection.class);

	/** Fragments of an event that did not all arrive in this time are dropped (the platform sends it again). */
	private static final Duration FRAGMENT_EXPIRY = Duration.ofSeconds(30);

	/** Events being reassembled at once, at most. */
	private static final int MAX_PARTIAL_EVENTS = 64;

	private static final byte[] ACK_OK = "{\"code\":200}".getBytes(StandardCharsets.UTF_8);

	private static final byte[] ACK_FAILED = "{\"code\":500}".getBytes(StandardCharsets.UTF_8);

	private final FeishuLongConnection.Settings settings;

	private final AtomicReference<ClientConfig> config;

	private final EventDispatcher dispatcher;

	private final Clock clock;

	private final Scheduler scheduler;

	private final BooleanSupplier running;

	private final AtomicLong received = new AtomicLong();

	private final AtomicLong acknowledged = new AtomicLong();

	/**
	 * The protocol of one long connection.
	 * @param settings the largest event and the idle timeout
	 * @param config the platform's settings, which pongs update
	 * @param dispatcher where events are published
	 * @param clock the clock of the fragments' expiry
	 * @param scheduler whose timers time pings and the watchdog
	 * @param running whether the connection is running: stopping, it acknowledges no event
	 */
	Protocol(FeishuLongConnection.Settings settings, AtomicReference<ClientConfig> config, EventDispatcher dispatcher,
			Clock clock, Scheduler scheduler, BooleanSupplier running) {
		this.settings = settings;
		this.config = config;
		this.dispatcher = dispatcher;
		this.clock = clock;
		this.scheduler = scheduler;
		this.running = running;
	}

	/**
	 * Speaks the protocol over an open connection.
	 * @param inbound what arrives
	 * @param outbound where acknowledgements and pings go
	 * @param service the {@code service_id} that pings carry
	 * @param attempt the attempt, marked alive once anything arrives
	 * @return completes when the connection closes; fails when it fails or goes silent
	 */
	Mono<Void> run(WebsocketInbound inbound, WebsocketOutbound outbound, int service, Attempt attempt) {
		Sinks.Many<byte[]> frames = Sinks.many().unicast().onBackpressureBuffer();
		Sinks.Empty<Void> closed = Sinks.empty();
		Fragments fragments = new Fragments(this.settings.maxMessageSize(), MAX_PARTIAL_EVENTS, FRAGMENT_EXPIRY);
		Mono<Void> receiving = Reconnects
			.watched(inbound.aggregateFrames(this.settings.maxMessageSize()).receiveFrames(), this::idleTimeout,
					this.scheduler)
			.doOnNext((frame) -> attempt.alive = true)
			.ofType(BinaryWebSocketFrame.class)
			.map((frame) -> {
				byte[] bytes = new byte[frame.content().readableBytes()];
				frame.content().readBytes(bytes);
				return bytes;
			})
			// One at a time when answered on receipt, in the order they came; when answers wait for the listeners, many
			// at once, so that a slow listener does not make the events behind it late.
			.flatMap((bytes) -> received(bytes, fragments, frames), this.dispatcher.waitsForListeners() ? 256 : 1)
			.then()
			.doFinally((signal) -> {
				synchronized (frames) {
					frames.tryEmitComplete();
				}
				closed.tryEmitEmpty();
			});
		Flux<byte[]> pings = Mono.defer(() -> Mono.delay(this.config.get().pingInterval(), this.scheduler))
			.map((tick) -> Frame.ping(service).toByteArray())
			.repeat()
			.takeUntilOther(closed.asMono());
		return Mono.when(outbound.sendByteArray(Flux.merge(frames.asFlux(), pings)).then(), receiving);
	}

	/**
	 * Events received in full.
	 * @return how many
	 */
	long received() {
		return this.received.get();
	}

	/**
	 * Events acknowledged as handed to the listeners.
	 * @return how many
	 */
	long acknowledged() {
		return this.acknowledged.get();
	}

	/** The settings' idle timeout, else three of the platform's ping intervals. */
	private Duration idleTimeout() {
		Duration idle = this.settings.idleTimeout();
		return (idle != null) ? idle : this.config.get().pingInterval().multipliedBy(3);
	}

	private Mono<Void> received(byte[] bytes, Fragments fragments, Sinks.Many<byte[]> frames) {
		Frame frame;
		try {
			frame = Frame.parse(bytes);
		}
		catch (IOException ex) {
			logger.warn("Ignored a message of the Feishu long connection that is not a frame");
			return Mono.empty();
		}
		if (frame.method() == Frame.CONTROL) {
			if ("pong".equals(frame.header("type")) && frame.payload() != null && frame.payload().length > 0) {
				configure(frame.payload());
			}
			return Mono.empty();
		}
		if (!this.running.getAsBoolean() || !"event".equals(frame.header("type"))) {
			// Stopping, an event is left to the platform to give to another connection.
			// Card callbacks are not this starter's: unanswered, as the platform's own client leaves them.
			return Mono.empty();
		}
		byte[] payload = fragments.add(frame.header("message_id"), number(frame.header("sum"), 1),
				number(frame.header("seq"), 0), (frame.payload() != null) ? frame.payload() : new byte[0],
				this.clock.instant());
		if (payload == null) {
			return Mono.empty();
		}
		this.received.incrementAndGet();
		long start = System.nanoTime();
		return publish(payload).map((published) -> {
			long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
			// Answers of events handled at once come from several threads: the sink takes one at a time.
			synchronized (frames) {
				frames.tryEmitNext(frame.acknowledgement(published ? ACK_OK : ACK_FAILED, millis).toByteArray());
			}
			if (published) {
				this.acknowledged.incrementAndGet();
			}
			return published;
		}).then();
	}

	private static int number(@Nullable String value, int absent) {
		try {
			return (value != null) ? Integer.parseInt(value.strip()) : absent;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** A pong's new settings; one that does not read leaves them as they are. */
	private void configure(byte[] json) {
		try {
			ClientConfig update = FeishuVcJson.mapper().readValue(json, ClientConfig.class);
			this.config.updateAndGet((current) -> current.updatedBy(update));
		}
		catch (RuntimeException ex) {
			logger.debug("Ignored the settings of a pong that do not read", ex);
		}
	}

	/** Whether the event was handed to the listeners (or published before): {@code false} asks for it again. */
	private Mono<Boolean> publish(byte[] payload) {
		FeishuEvent event;
		try {
			event = (FeishuVcJson.mapper().readTree(payload) instanceof ObjectNode json) ? FeishuEvent.of(json) : null;
		}
		catch (RuntimeException ex) {
			event = null;
		}
		if (event == null) {
			logger.warn("Ignored a message of the Feishu long connection that is not an event");
			return Mono.just(true);
		}
		FeishuEvent published = event;
		return this.dispatcher.dispatch(published)
			.map(EventDispatcher.Outcome::acknowledged)
			// Acknowledged later, the platform would count it failed all the same: a failure now frees the claim.
			.timeout(EventDispatcher.ANSWER_DEADLINE, Mono.fromSupplier(() -> {
				logger.warn(published + " took longer than " + EventDispatcher.ANSWER_DEADLINE.toMillis()
						+ "ms to publish; the platform will deliver it again");
				return false;
			}))
			.onErrorResume((ex) -> {
				logger.warn("Could not publish " + published + " (" + ex.getClass().getSimpleName()
						+ "); the platform will deliver it again");
				return Mono.just(false);
			});
	}

}
