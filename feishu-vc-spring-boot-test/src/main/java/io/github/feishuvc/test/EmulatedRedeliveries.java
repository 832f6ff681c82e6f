package io.github.feishuvc.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import tools.jackson.databind.node.ObjectNode;

/**
 * The platform's pushes again of an event not acknowledged in time: an answer other than HTTP 200 (or a failed
 * acknowledgement on the long connection), or one later than 3 seconds, counts as a failure, and the same event, its
 * id unchanged, is pushed again 15 seconds, 5 minutes, 1 hour and 6 hours later, then given up. The schedule runs on
 * the emulator's clock, so a test moves it on rather than waiting: a tick reads the clock a few times a second.
 */
final class EmulatedRedeliveries {

	/** When the platform pushes again, after each failed push: four retries, about 7.1 hours. */
	static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(15), Duration.ofMinutes(5), Duration.ofHours(1),
			Duration.ofHours(6));

	/** How long the platform waits for an answer at the event URL. */
	static final Duration ANSWER_DEADLINE = Duration.ofSeconds(3);

	private static final long TICK_MILLIS = 50;

	private final Clock clock;

	private final Function<ObjectNode, Answer> push;

	private final Executor pushes;

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "feishu-vc-emulator-redeliveries");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * @param clock the emulator's clock, which the schedule runs on
	 * @param push pushes an event as it is, its header included, and says how the application answered
	 * @param pushes where pushes run, one at a time with the other events
	 */
	EmulatedRedeliveries(Clock clock, Function<ObjectNode, Answer> push, Executor pushes) {
		this.clock = clock;
		this.push = push;
		this.pushes = pushes;
		this.ticker.scheduleWithFixedDelay(this::pushDue, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
	}

	/**
	 * Push an event for the first time, and hold it for its pushes again if it was not acknowledged in time.
	 * @param event the event, with its header
	 * @return how the application answered
	 */
	EventDelivery pushFirst(ObjectNode event) {
		Answer answer = this.push.apply(event);
		if (!answer.acknowledged()) {
			String eventId = event.path("header").path("event_id").asString("");
			this.pending.put(eventId,
					new Pending(eventId, event, 1, this.clock.instant().plus(SCHEDULE.get(0)), answer.delivery()));
		}
		return answer.delivery();
	}

	/** The events held for a push again, the soonest first. */
	List<PendingDelivery> pending() {
		List<PendingDelivery> pending = new ArrayList<>();
		for (Pending held : this.pending.values()) {
			pending.add(new PendingDelivery(held.eventId,
					held.event.path("header").path("event_type").asString(""), held.attempts, held.nextAttempt,
					held.lastAnswer));
		}
		pending.sort(Comparator.comparing(PendingDelivery::nextAttempt));
		return pending;
	}

	void close() {
		this.ticker.shutdownNow();
	}

	private void pushDue() {
		Instant now = this.clock.instant();
		for (Pending held : this.pending.values()) {
			if (!held.inFlight && !held.nextAttempt.isAfter(now)) {
				held.inFlight = true;
				try {
					this.pushes.execute(() -> pushAgain(held));
				}
				catch (RejectedExecutionException ex) {
					// The emulator closed: nothing is pushed any more.
					return;
				}
			}
		}
	}

	private void pushAgain(Pending held) {
		Answer answer = pushQuietly(held.event);
		if (answer.acknowledged() || held.attempts > SCHEDULE.size() - 1) {
			// Acknowledged, or the fourth retry failed too: the platform gives the event up.
			this.pending.remove(held.eventId);
			return;
		}
		// From when this try was due, not from now: a clock moved on by hours finds every try that fell due meanwhile,
		// one a tick, as the platform's would have made them.
		this.pending.put(held.eventId, new Pending(held.eventId, held.event, held.attempts + 1,
				held.nextAttempt.plus(SCHEDULE.get(held.attempts)), answer.delivery()));
	}

	/** An application gone away, or a destination gone, fails the push as a closed port would. */
	private Answer pushQuietly(ObjectNode event) {
		try {
			return this.push.apply(event);
		}
		catch (RuntimeException ex) {
			return new Answer(new EventDelivery(0, ex.toString()), false);
		}
	}

	/**
	 * How the application answered a push.
	 * @param delivery its answer
	 * @param acknowledged whether the platform counts it as acknowledged: HTTP 200 within 3 seconds, or an
	 * acknowledgement with code 200 on the long connection
	 */
	record Answer(EventDelivery delivery, boolean acknowledged) {
	}

	/** An event held for its next push; replaced by a new one after each push. */
	private static final class Pending {

		final String eventId;

		final ObjectNode event;

		/** How many times it was pushed. */
		final int attempts;

		final Instant nextAttempt;

		final EventDelivery lastAnswer;

		volatile boolean inFlight;

		Pending(String eventId, ObjectNode event, int attempts, Instant nextAttempt, EventDelivery lastAnswer) {
			this.eventId = eventId;
			this.event = event;
			this.attempts = attempts;
			this.nextAttempt = nextAttempt;
			this.lastAnswer = lastAnswer;
		}

	}

}
