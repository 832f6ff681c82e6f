package io.github.feishuvc.test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where the emulated platform's events go and in what form: each family's events, the app tickets, the events a test
 * pushes and the event URL's check, with the header the platform gives them, down a long connection once the app
 * asked for one, else to the event URL ({@link EventPusher}). One thread delivers the families' events, in the order
 * they happened; an event whose scopes the app lacks is not sent.
 */
final class EmulatedEvents implements EventSink {

	private final EmulatedApp app;

	private final Replies replies;

	private final Clock clock;

	private final EmulatedTokens tokens;

	private final EmulatorScopes scopes;

	private final EventPusher pusher;

	private final EmulatedLongConnections longConnections;

	/** How long an event pushed before the application asked for a long connection or gave a URL waits for either. */
	private final Duration destinationWait;

	/** How many of the families' events had neither a long connection nor an event URL to go to. */
	private final AtomicInteger dropped = new AtomicInteger();

	/** One thread delivers every pushed event, in the order they happened. */
	private final ExecutorService pushes = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "feishu-vc-emulator-events");
		thread.setDaemon(true);
		return thread;
	});

	/** The events not acknowledged in time, pushed again on the platform's schedule. */
	private final EmulatedRedeliveries redeliveries;

	EmulatedEvents(EmulatedApp app, Replies replies, Clock clock, EmulatedTokens tokens, EmulatorScopes scopes,
			EventPusher pusher, EmulatedLongConnections longConnections, Duration destinationWait) {
		this.app = app;
		this.replies = replies;
		this.clock = clock;
		this.tokens = tokens;
		this.scopes = scopes;
		this.pusher = pusher;
		this.longConnections = longConnections;
		this.destinationWait = destinationWait;
		this.redeliveries = new EmulatedRedeliveries(clock, this::pushNow, this.pushes);
	}

	/** Where the app's events go when no long connection is in use, as the developer console's event URL says. */
	void deliverTo(String eventUrl) {
		this.pusher.eventUrl(eventUrl);
	}

	boolean hasEventUrl() {
		return this.pusher.eventUrl() != null;
	}

	/** How many of the families' events were dropped for want of a destination. */
	int dropped() {
		return this.dropped.get();
	}

	/** Fails at once if an event has nowhere to go and none will come. */
	private void checkDestination() {
		String reason = this.pusher.noDestination();
		if (reason != null && !this.longConnections.inUse() && this.pusher.eventUrl() == null) {
			throw new IllegalStateException(reason);
		}
	}

	/** A fresh app ticket, pushed in the platform's version 1 event format. */
	EventDelivery pushAppTicket() {
		checkDestination();
		ObjectNode event = v1Event();
		event.putObject("event")
			.put("app_id", this.app.appId())
			.put("app_ticket", this.tokens.issueAppTicket())
			.put("type", "app_ticket");
		return this.pusher.push(event);
	}

	/** An event in the platform's version 2 format. */
	EventDelivery pushEvent(String eventType, String tenantKey, String eventJson) {
		ObjectNode eventBody;
		try {
			eventBody = (ObjectNode) this.replies.mapper().readTree(eventJson);
		}
		catch (JacksonException | ClassCastException ex) {
			throw new IllegalArgumentException("The event must be a JSON object", ex);
		}
		ObjectNode event = this.replies.object().put("schema", "2.0");
		event.putObject("header").put("event_type", eventType);
		event.set("event", eventBody);
		return deliver(withHeader(event, tenantKey));
	}

	/** The check the developer console makes when the event URL is saved. */
	EventDelivery verifyEventUrl(String challenge) {
		checkDestination();
		return this.pusher.push(this.replies.object()
			.put("challenge", challenge)
			.put("token", this.app.verificationToken())
			.put("type", "url_verification"));
	}

	// The families' events: to the event URL, if there is one; a life-cycle step the test drives waits for its events,
	// an API call does not. With nowhere to go they are dropped and counted, never failing the step: a test under MOCK
	// that drives a meeting for what the API then returns (an export, a report) does not ask for its events.

	@Override
	public void push(String tenantKey, List<ObjectNode> events) {
		try {
			submit(tenantKey, events);
		}
		catch (RejectedExecutionException ex) {
			// The emulator was reset or closed: the old tenant's events go nowhere, as an API call's would.
		}
	}

	@Override
	public void pushAndWait(String tenantKey, List<ObjectNode> events) {
		try {
			submit(tenantKey, events).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not push the meeting's events", ex);
		}
		catch (CancellationException | RejectedExecutionException ex) {
			throw new IllegalStateException("The emulator was reset or closed before the events were pushed", ex);
		}
	}

	@Override
	public void pushLater(String tenantKey, Duration delay, Supplier<@Nullable ObjectNode> event) {
		Mono.delay(delay).subscribe((tick) -> {
			if (this.pushes.isShutdown()) {
				// The emulator closed meanwhile: what was due goes nowhere.
				return;
			}
			this.pushes.execute(() -> {
				ObjectNode due = event.get();
				if (due != null) {
					deliver(tenantKey, due);
				}
			});
		}, (ex) -> {
		});
	}

	/** The events held for a push again, the soonest first. */
	List<PendingDelivery> pendingDeliveries() {
		return this.redeliveries.pending();
	}

	/**
	 * Push nothing more; what waits to be pushed is given up, and whoever waits for it (a meeting driven while another
	 * client resets the emulator) is told so at once rather than after the wait's end.
	 */
	void close() {
		this.redeliveries.close();
		for (Runnable queued : this.pushes.shutdownNow()) {
			if (queued instanceof Future<?> waited) {
				waited.cancel(false);
			}
		}
	}

	private Future<?> submit(String tenantKey, List<ObjectNode> events) {
		return this.pushes.submit(() -> events.forEach((event) -> deliver(tenantKey, event)));
	}

	private void deliver(String tenantKey, ObjectNode event) {
		if (!this.scopes.sends(event.path("header").path("event_type").asString())) {
			return;
		}
		if (this.longConnections.inUse() || this.pusher.eventUrl() != null) {
			deliver(withHeader(event, tenantKey));
		}
		else {
			this.dropped.incrementAndGet();
		}
	}

	/**
	 * Down a long connection once the app asked for one, as the platform does, else to the event URL. With neither
	 * yet, an application may be starting: it is given a few seconds to ask for its connection.
	 */
	private EventDelivery deliver(ObjectNode event) {
		checkDestination();
		long deadline = System.nanoTime() + this.destinationWait.toNanos();
		while (!this.longConnections.inUse() && this.pusher.eventUrl() == null && System.nanoTime() < deadline) {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		if (!this.longConnections.inUse() && this.pusher.eventUrl() == null) {
			throw new IllegalStateException("Nowhere to deliver the event: no application asked for a long connection "
					+ "(feishu.vc.events.mode=long-connection) within " + this.destinationWait.toSeconds()
					+ "s, and no event URL was given (deliverEventsTo(url))");
		}
		return this.redeliveries.pushFirst(event);
	}

	/**
	 * Push an event, its header included, where events go now: on the long connection an acknowledgement must say
	 * 200 (it waited for one, 3 seconds each try); at the event URL the answer must be HTTP 200 within 3 seconds.
	 */
	private EmulatedRedeliveries.Answer pushNow(ObjectNode event) {
		if (this.longConnections.inUse()) {
			EventDelivery delivery = this.longConnections.push(event);
			return new EmulatedRedeliveries.Answer(delivery, delivery.status() == 200);
		}
		long start = System.nanoTime();
		EventDelivery delivery = this.pusher.push(event);
		boolean inTime = System.nanoTime() - start <= EmulatedRedeliveries.ANSWER_DEADLINE.toNanos();
		return new EmulatedRedeliveries.Answer(delivery, delivery.status() == 200 && inTime);
	}

	/** The header of a version 2 event, but its type, which the event already has. */
	private ObjectNode withHeader(ObjectNode event, String tenantKey) {
		ObjectNode header = (ObjectNode) event.get("header");
		String eventType = header.path("event_type").asString();
		header.removeAll();
		header.put("event_id", this.replies.randomHex(16))
			.put("token", this.app.verificationToken())
			.put("create_time", Long.toString(this.clock.millis()))
			.put("event_type", eventType)
			.put("tenant_key", tenantKey)
			.put("app_id", this.app.appId());
		return event;
	}

	private ObjectNode v1Event() {
		return this.replies.object()
			.put("uuid", this.replies.randomHex(16))
			.put("token", this.app.verificationToken())
			.put("ts", String.format("%.3f", this.clock.millis() / 1000.0))
			.put("type", "event_callback");
	}

}
