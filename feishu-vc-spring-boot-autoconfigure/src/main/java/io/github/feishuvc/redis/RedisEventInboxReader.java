package io.github.feishuvc.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.github.feishuvc.events.EventListenerPool;
import io.github.feishuvc.events.FeishuEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Reads the {@link RedisEventInbox} in its consumer group, as one consumer of a name of its own, and hands each event
 * to the listeners; acknowledges it ({@code XACK}) only once every listener returned. A listener that throws gets the
 * event again after a backoff, doubled each time, up to the attempts allowed; after the last, the event becomes a dead
 * letter (with the failure's class and message; the log names only the class, never the content). An entry left
 * unacknowledged for {@code claim-after} and not in hand here (its instance stopped or died, or its acknowledgement
 * was lost, here or there) is claimed ({@code XPENDING}, then {@code XCLAIM} with that idle time, which only one
 * claimer wins) and handled here; a consumer that holds no
 * entry any more and was idle that long is removed from the group, so that the instances started over time do not
 * pile up in it.
 *
 * <p>Short polls, not a blocking read: {@code XREADGROUP} without {@code BLOCK}, every {@value #POLL_MILLIS} ms while
 * the inbox is empty and at once while it is not. A blocking read would hold the application's shared Lettuce
 * connection, on which every other Redis command of the application waits behind it; a dedicated connection would
 * take one more connection per instance. At most as many events as there are listener threads are in hand at once.
 * An entry being retried is claimed again by this consumer before each attempt, which restarts its idle time, so that
 * another instance does not take it over meanwhile; a listener that runs longer than {@code claim-after} may see its
 * event handled twice.
 *
 * <p>Stopped (phase just after the listener pool's, so before it drains), it reads no more; an event in hand then
 * is not retried nor set aside, but left unacknowledged for another instance to claim.
 */
public final class RedisEventInboxReader implements SmartLifecycle {

	/** Stops before the listener pool, which then drains the events in hand. */
	public static final int PHASE = EventListenerPool.PHASE + 1;

	static final long POLL_MILLIS = 100;

	private static final Duration POLL_INTERVAL = Duration.ofMillis(POLL_MILLIS);

	private static final Duration STATISTICS_INTERVAL = Duration.ofSeconds(1);

	private static final Log logger = LogFactory.getLog(RedisEventInboxReader.class);

	private static final RedisScript<Long> FORGET_CONSUMERS = LuaScripts.load("inbox-forget-consumers.lua",
			Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final RedisAvailability availability;

	private final RedisEventInbox inbox;

	private final Function<FeishuEvent, Mono<Void>> listeners;

	private final Settings settings;

	private final Scheduler scheduler;

	private final Clock clock;

	private final Consumer consumer;

	/** The entries being handled here: never taken over by this reader itself. */
	private final Set<RecordId> inHand = ConcurrentHashMap.newKeySet();

	private final AtomicLong retries = new AtomicLong();

	private final AtomicLong deadLetters = new AtomicLong();

	private final AtomicLong pending = new AtomicLong();

	private final AtomicLong lag = new AtomicLong();

	private volatile boolean groupReady;

	private volatile long lastClaim;

	private volatile long lastStatistics;

	private volatile @Nullable Disposable loop;

	/** Ends the wait between two polls when an event in hand is done. */
	private volatile Sinks.Empty<Void> wake = Sinks.empty();

	/**
	 * Create a reader.
	 * @param redis the Redis connection
	 * @param availability whether Redis answers
	 * @param inbox the inbox read
	 * @param listeners hands an event to the listeners; completes once they all returned, an error if one threw
	 * @param settings the attempts, backoff, claim time and events in hand
	 * @param scheduler the timer of the polls and backoffs
	 * @param clock the clock of the claims and dead letters
	 */
	public RedisEventInboxReader(ReactiveStringRedisTemplate redis, RedisAvailability availability,
			RedisEventInbox inbox, Function<FeishuEvent, Mono<Void>> listeners, Settings settings, Scheduler scheduler,
			Clock clock) {
		this.redis = redis;
		this.availability = availability;
		this.inbox = inbox;
		this.listeners = listeners;
		this.settings = settings;
		this.scheduler = scheduler;
		this.clock = clock;
		ThreadLocalRandom random = ThreadLocalRandom.current();
		// An event this instance appended is read at once: its wait is the poll's only while the stream was empty.
		inbox.whenAppended(() -> this.wake.tryEmitEmpty());
		this.consumer = Consumer.from(RedisEventInbox.GROUP,
				"instance-" + ProcessHandle.current().pid() + "-" + Long.toHexString(random.nextLong()));
	}

	@Override
	public synchronized void start() {
		if (this.loop != null) {
			return;
		}
		this.loop = Mono.defer(() -> {
			// Set before the poll counts its free places: an event handled from then on ends the wait after it.
			Sinks.Empty<Void> woken = Sinks.empty();
			this.wake = woken;
			return poll().flatMap((more) -> more ? Mono.<Void>empty()
					: Mono.firstWithSignal(Mono.delay(POLL_INTERVAL, this.scheduler).then(), woken.asMono()));
		})
			.repeat()
			.subscribe(null, (ex) -> logger.error("The Feishu event inbox reader stopped", ex));
	}

	@Override
	public synchronized void stop() {
		Disposable running = this.loop;
		this.loop = null;
		if (running != null) {
			running.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.loop != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** {@return whether a poll should follow at once: it read as many entries as it asked for} */
	private Mono<Boolean> poll() {
		int free = this.settings.inHand() - this.inHand.size();
		Mono<Void> group = this.groupReady ? Mono.empty() : createGroup();
		Mono<Boolean> read = (free <= 0) ? Mono.just(false)
				: this.redis.opsForStream()
					.read(this.consumer, StreamReadOptions.empty().count(free),
							StreamOffset.create(this.inbox.stream(), ReadOffset.lastConsumed()))
					.doOnNext((entry) -> handle(entry, 0))
					.count()
					.map((count) -> count == free);
		Mono<Boolean> work = group.then(read)
			.flatMap((more) -> claimIfDue().then(statisticsIfDue()).then(this.inbox.probeWrite()).thenReturn(more))
			.doOnSuccess((more) -> this.inbox.readResult(null));
		return this.availability.call(work, () -> {
			// The stream may be gone with its group: a Redis restarted without persistence.
			this.groupReady = false;
			this.inbox.readResult("Redis did not answer (" + this.availability.lastFailure() + ")");
			return Mono.just(false);
		});
	}

	/** The group, reading from the stream's start, and the stream with it if there is none yet. */
	private Mono<Void> createGroup() {
		return this.redis
			.execute((connection) -> connection.streamCommands()
				.xGroupCreate(this.redis.getSerializationContext().getKeySerializationPair().write(this.inbox.stream()),
						RedisEventInbox.GROUP, ReadOffset.from("0-0"), true))
			.next()
			.onErrorResume((ex) -> RedisEventInbox.says(ex, "BUSYGROUP"), (ex) -> Mono.empty())
			.doOnSuccess((done) -> this.groupReady = true)
			.then();
	}

	/** Every half of {@code claim-after}: the entries other consumers have held that long. */
	private Mono<Void> claimIfDue() {
		long now = this.clock.millis();
		Duration claimAfter = this.settings.claimAfter();
		if (now - this.lastClaim < claimAfter.toMillis() / 2) {
			return Mono.empty();
		}
		this.lastClaim = now;
		int free = this.settings.inHand() - this.inHand.size();
		Mono<Void> forget = this.redis
			.execute(FORGET_CONSUMERS, List.of(this.inbox.stream()),
					List.of(RedisEventInbox.GROUP, this.consumer.getName(), Long.toString(claimAfter.toMillis())))
			.then();
		if (free <= 0) {
			return forget;
		}
		return forget.thenMany(this.redis.opsForStream()
			.pending(this.inbox.stream(), RedisEventInbox.GROUP, Range.unbounded(), 100)
			.flatMapMany(Flux::fromIterable)
			.filter((entry) -> !this.inHand.contains(entry.getId())
					&& entry.getElapsedTimeSinceLastDelivery().compareTo(claimAfter) >= 0)
			.take(free)
			.collectMap(PendingMessage::getId, PendingMessage::getTotalDeliveryCount)
			.filter((deliveries) -> !deliveries.isEmpty())
			.flatMapMany((deliveries) -> this.redis.opsForStream()
				.claim(this.inbox.stream(), RedisEventInbox.GROUP, this.consumer.getName(),
						XClaimOptions.minIdle(claimAfter).ids(deliveries.keySet().toArray(RecordId[]::new)))
				.doOnNext((entry) -> {
					long attempted = deliveries.getOrDefault(entry.getId(), 0L);
					logger.info("Took over " + RedisEventInbox.eventOf(entry.getValue()) + ", unacknowledged for "
							+ claimAfter.toMillis() + "ms after " + attempted + " attempt(s)");
					handle(entry, (int) Math.min(attempted, this.settings.maxAttempts()));
				})))
			.then();
	}

	private Mono<Void> statisticsIfDue() {
		long now = this.clock.millis();
		if (now - this.lastStatistics < STATISTICS_INTERVAL.toMillis()) {
			return Mono.empty();
		}
		this.lastStatistics = now;
		return this.inbox.group().doOnNext((group) -> {
			this.pending.set(group.pendingCount());
			this.lag.set(RedisEventInbox.lagOf(group));
		}).then();
	}

	/**
	 * Hand an entry to the listeners, retried, then acknowledged or set aside.
	 * @param attempted the attempts made already: an entry taken over from an instance that stopped or died while
	 * handling it counts each of its deliveries as one, so that an event that kills every instance that handles it
	 * ends as a dead letter rather than going round the fleet for good
	 */
	private void handle(MapRecord<String, Object, Object> entry, int attempted) {
		RecordId id = entry.getId();
		if (!this.inHand.add(id)) {
			return;
		}
		FeishuEvent event = RedisEventInbox.eventOf(entry.getValue());
		AtomicInteger attempts = new AtomicInteger(attempted);
		Mono<Void> handled = (attempted >= this.settings.maxAttempts())
				? Mono.error(new IllegalStateException("the instances handling it stopped or died on each of "
						+ attempted + " attempt(s)"))
				: Mono.defer(() -> {
					// Claimed again before each retry, which restarts its idle time: not taken over while it waits.
					Mono<Void> hold = (attempts.incrementAndGet() == attempted + 1) ? Mono.empty() : keep(id);
					return hold.then(this.listeners.apply(event));
				});
		handled
			// Each wait shorter than claim-after, which the claim before the next attempt restarts: never taken over
			// while it waits.
			.retryWhen(Retry.backoff(Math.max(0, this.settings.maxAttempts() - 1 - attempted), firstWait())
				.maxBackoff(longestWait())
				.scheduler(this.scheduler)
				.filter((ex) -> isRunning())
				.doBeforeRetry((signal) -> retried(event, signal.failure(), attempts.get()))
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()))
			.then(Mono.just(Optional.<Throwable>empty()))
			.onErrorResume((ex) -> Mono.just(Optional.of(ex)))
			.flatMap((failure) -> failure.isEmpty() ? this.inbox.acknowledge(id)
					: failed(id, event, failure.get(), attempts.get()))
			.doFinally((signal) -> {
				this.inHand.remove(id);
				// A place free: read the next entry now rather than at the next poll, 100 ms on.
				this.wake.tryEmitEmpty();
			})
			.subscribe(null, (ex) -> logger.warn("Could not acknowledge " + event + " in the Feishu event inbox ("
					+ ex.getClass().getSimpleName() + "); another instance takes it over after "
					+ this.settings.claimAfter().toMillis() + "ms"));
	}

	/** The longest wait between attempts: half of claim-after. */
	private Duration longestWait() {
		return this.settings.claimAfter().dividedBy(2);
	}

	/** The backoff, unless it is longer than {@link #longestWait()}. */
	private Duration firstWait() {
		Duration longest = longestWait();
		return (this.settings.backoff().compareTo(longest) > 0) ? longest : this.settings.backoff();
	}

	private Mono<Void> keep(RecordId id) {
		return this.redis.opsForStream()
			.claim(this.inbox.stream(), RedisEventInbox.GROUP, this.consumer.getName(),
					XClaimOptions.minIdle(Duration.ZERO).ids(id))
			.then()
			.onErrorComplete();
	}

	private void retried(FeishuEvent event, Throwable failure, int attempt) {
		this.retries.incrementAndGet();
		logger.info("A listener failed on " + event + " (attempt " + attempt + " of " + this.settings.maxAttempts()
				+ ", " + failure.getClass().getName() + "); trying again");
	}

	/** After the last attempt a dead letter; stopped meanwhile, left for another instance. */
	private Mono<Void> failed(RecordId id, FeishuEvent event, Throwable failure, int attempts) {
		if (!isRunning()) {
			logger.info(event + " left unacknowledged in the Feishu event inbox as the instance stops; another "
					+ "instance takes it over after " + this.settings.claimAfter().toMillis() + "ms");
			return Mono.empty();
		}
		this.deadLetters.incrementAndGet();
		logger.warn("A listener failed on " + event + " on each of " + attempts + " attempt(s), the last with "
				+ failure.getClass().getName() + "; it is a dead letter now (see the feishuvcinbox endpoint)");
		return this.inbox.deadLetter(id, event, failure, attempts, this.clock.instant());
	}

	/** {@return this reader's consumer name in the group} */
	public String consumerName() {
		return this.consumer.getName();
	}

	/** {@return how many attempts after a listener failed were made, since the reader was created} */
	public long retries() {
		return this.retries.get();
	}

	/** {@return how many events this reader set aside as dead letters} */
	public long deadLetters() {
		return this.deadLetters.get();
	}

	/** {@return entries read by an instance and not acknowledged, as last seen (every second)} */
	public long pending() {
		return this.pending.get();
	}

	/** {@return entries appended and not read by any instance yet, as last seen (every second; Redis 7 and later)} */
	public long lag() {
		return this.lag.get();
	}

	@Override
	public String toString() {
		return "RedisEventInboxReader[" + this.consumer.getName() + ", inHand=" + this.inHand.size() + "]";
	}

	/**
	 * How the reader handles the events.
	 *
	 * @param maxAttempts how many times the listeners get an event before it becomes a dead letter
	 * @param backoff the wait before the second attempt, doubled before each further one
	 * @param claimAfter how long another consumer may hold an entry unacknowledged before this one takes it over
	 * @param inHand the most events handled at once
	 */
	public record Settings(int maxAttempts, Duration backoff, Duration claimAfter, int inHand) {

	}

}
