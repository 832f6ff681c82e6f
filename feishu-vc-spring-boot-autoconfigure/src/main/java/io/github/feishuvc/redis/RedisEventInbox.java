package io.github.feishuvc.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.events.FeishuEventInbox;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoGroup;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The {@link FeishuEventInbox} on Redis Streams: one stream of the app's events ({@code <prefix>{<app>}:events:inbox}),
 * read by every instance in the consumer group {@value #GROUP} ({@link RedisEventInboxReader}), and one stream of dead
 * letters ({@code <prefix>{<app>}:events:dead}, trimmed with {@code XADD MAXLEN ~}). Both are tagged by the app, so
 * that the replay script, which takes both, runs on Redis Cluster, as are the event ids' claims and sets
 * ({@link RedisPublishedEventIds}), which the append script takes with the stream.
 *
 * <p>The inbox stream is never trimmed by length, which goes by position and would drop an entry read by an instance
 * that then stopped, still pending in the group, with the rest: an acknowledged event lost. An append that finds the
 * stream holding {@code max-length} entries first trims those the group handled (before its oldest pending entry, or,
 * none pending, its last read one), and is refused if {@code max-length} are still unhandled (pending or unread): the
 * platform, not told of the event, pushes it again. The same script appends the event and remembers its id as
 * published, so that an instance killed between the two cannot leave the event appended and its id free for the
 * platform's next push to append again.
 *
 * <p>An entry holds the event's type, id, tenant, app and JSON (without its verification token); a dead letter adds
 * the failure's class and message, the attempts, when the last failed, and the id the entry had in the inbox.
 *
 * <p>An append is never served from this instance's memory, as the other operations on Redis are when it is
 * unavailable: it fails, so that the platform is not told of the event and delivers it again.
 */
public final class RedisEventInbox implements FeishuEventInbox {

	/** The consumer group every instance reads the inbox in. */
	public static final String GROUP = "feishu-vc";

	private static final RedisScript<Long> REPLAY = LuaScripts.load("inbox-replay.lua", Long.class);

	private static final RedisScript<Long> DEAD_LETTER = LuaScripts.load("inbox-dead-letter.lua", Long.class);

	/** How many dead letters each read of them asks Redis for. */
	private static final long DEAD_LETTER_PAGE = 100;

	private static final RedisScript<Long> APPEND = LuaScripts.load("inbox-append.lua", Long.class);

	/** What the append script answers when the inbox is full. */
	private static final long FULL = -1;

	private final ReactiveStringRedisTemplate redis;

	private final RedisAvailability availability;

	private final String stream;

	private final String deadLetterStream;

	private final long maxLength;

	private final @Nullable RedisPublishedEventIds publishedIds;

	private volatile @Nullable String appendFailure;

	private volatile @Nullable String readFailure;

	/** Told of each append that succeeded: this instance's reader, which then reads at once rather than at its poll. */
	private volatile Runnable appended = () -> {
	};

	/** Whether the last append was refused for a full inbox, which a write probe does not tell. */
	private volatile boolean full;

	/**
	 * Create the inbox.
	 * @param redis the Redis connection
	 * @param availability whether Redis answers
	 * @param keyPrefix the prefix of every key the starter writes, such as {@code feishu:vc:}
	 * @param appId the app whose events these are
	 * @param maxLength the most entries the inbox stream holds unhandled (an append beyond is refused), and about how
	 * many the dead-letter stream keeps
	 * @param publishedIds the ids of the events published, on the same Redis, which an append confirms its event's id
	 * in; {@code null} when the ids are kept elsewhere
	 */
	public RedisEventInbox(ReactiveStringRedisTemplate redis, RedisAvailability availability, String keyPrefix,
			String appId, long maxLength, @Nullable RedisPublishedEventIds publishedIds) {
		this.redis = redis;
		this.availability = availability;
		String app = RedisKeys.app(keyPrefix, appId);
		this.stream = app + "events:inbox";
		this.deadLetterStream = app + "events:dead";
		this.maxLength = maxLength;
		this.publishedIds = publishedIds;
	}

	@Override
	public Mono<Void> append(FeishuEvent event) {
		return this.availability
			.call(appendScript(event),
					() -> Mono.error(new IllegalStateException(
							"Redis did not answer (" + this.availability.lastFailure() + ")")))
			.flatMap(this::refusedIfFull)
			.doOnSuccess((appended) -> this.appended.run())
			.doOnError((ex) -> this.appendFailure = ex.getMessage())
			.then();
	}

	/**
	 * Be told of each append that succeeds.
	 * @param appended what to run, on the thread that got Redis's answer: quick, never blocking
	 */
	void whenAppended(Runnable appended) {
		this.appended = appended;
	}

	/**
	 * A full inbox, an error of the append, not of Redis, which answered: told apart from an outage, so that the
	 * other operations on Redis are not handed to this instance's memory.
	 */
	private Mono<Long> refusedIfFull(Long appended) {
		// A duplicate (0) says nothing of the room left: only an append or a refusal does.
		if (appended == FULL) {
			this.full = true;
		}
		else if (appended == 1L) {
			this.full = false;
			this.appendFailure = null;
		}
		return (appended != FULL) ? Mono.just(appended)
				: Mono.error(new IllegalStateException("the inbox holds " + this.maxLength
						+ " events not handled yet (feishu.vc.events.inbox.max-length)"));
	}

	/**
	 * The append and, for an event with an id, its confirmation: one script, which takes the id's keys.
	 * @return 1 when appended, 0 when the event's id was published already, {@link #FULL} when refused
	 */
	private Mono<Long> appendScript(FeishuEvent event) {
		List<String> keys = new ArrayList<>();
		keys.add(this.stream);
		List<String> args = new ArrayList<>();
		args.add(Long.toString(this.maxLength));
		args.add(GROUP);
		String eventId = event.eventId();
		RedisPublishedEventIds ids = this.publishedIds;
		if (eventId != null && ids != null) {
			keys.add(ids.claimKey(eventId));
			keys.add(ids.currentBucket());
			keys.addAll(ids.windowBuckets());
			args.add(eventId);
			args.add(Long.toString(ids.bucketExpiryMillis()));
		}
		else {
			args.add("");
			args.add("0");
		}
		fields(event).forEach((name, value) -> {
			args.add(name);
			args.add(value);
		});
		return this.redis.execute(APPEND, keys, args).next();
	}

	@Override
	public Mono<Long> pending() {
		return group().map((group) -> group.pendingCount() + lagOf(group)).defaultIfEmpty(0L);
	}

	/** {@return the inbox's consumer group, if the stream exists} */
	Mono<XInfoGroup> group() {
		return this.redis.opsForStream()
			.groups(this.stream)
			.filter((group) -> GROUP.equals(group.groupName()))
			.next()
			.onErrorResume((ex) -> says(ex, "no such key"), (ex) -> Mono.empty());
	}

	/**
	 * Whether Redis answered an error that says this: Spring Data wraps it ({@code Error in execution}).
	 * @param failure the failure
	 * @param words what Redis's error says, such as {@code BUSYGROUP}
	 * @return whether the failure, or one of its causes, says it
	 */
	static boolean says(Throwable failure, String words) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (String.valueOf(cause.getMessage()).contains(words)) {
				return true;
			}
		}
		return false;
	}

	/** Entries appended and not read yet; Redis reports it from 7.0 on, none before. */
	static long lagOf(XInfoGroup group) {
		return (group.getRaw().get("lag") instanceof Number lag) ? lag.longValue() : 0L;
	}

	/** Read a page at a time, as the subscriber asks for them: never the whole stream at once. */
	@Override
	public Flux<DeadLetter> deadLetters() {
		return deadLetterPage(Range.unbounded()).expand((page) -> (page.size() < DEAD_LETTER_PAGE) ? Flux.empty()
				: deadLetterPage(Range.rightUnbounded(Range.Bound.exclusive(page.get(page.size() - 1).id()))))
			.concatMapIterable((page) -> page);
	}

	private Flux<List<DeadLetter>> deadLetterPage(Range<String> range) {
		return this.redis.opsForStream()
			.range(this.deadLetterStream, range, Limit.limit().count((int) DEAD_LETTER_PAGE))
			.map(RedisEventInbox::deadLetterOf)
			.collectList()
			.filter((page) -> !page.isEmpty())
			.flux();
	}

	/** {@return how many dead letters there are} */
	@Override
	public Mono<Long> deadLetterCount() {
		return this.redis.opsForStream().size(this.deadLetterStream);
	}

	@Override
	public Mono<Boolean> replay(String id) {
		return this.redis
			.execute(REPLAY, List.of(this.stream, this.deadLetterStream), List.of(id))
			.next()
			.map((replayed) -> replayed == 1L);
	}

	@Override
	public Mono<Boolean> discard(String id) {
		return this.redis.opsForStream().delete(this.deadLetterStream, id).map((deleted) -> deleted > 0);
	}

	/**
	 * Set an event aside whose listeners failed on every attempt, and acknowledge its inbox entry: both at once, and
	 * only while the entry is pending, so that an event is one dead letter however often this is asked.
	 * @param entry the inbox entry's id
	 * @param event the event
	 * @param failure the last attempt's failure
	 * @param attempts how many attempts were made
	 * @param failedAt when the last attempt failed
	 * @return completes when done
	 */
	Mono<Void> deadLetter(RecordId entry, FeishuEvent event, Throwable failure, int attempts, Instant failedAt) {
		Map<String, String> fields = fields(event);
		fields.put("error", failure.getClass().getName());
		fields.put("message", String.valueOf(failure.getMessage()));
		fields.put("attempts", Integer.toString(attempts));
		fields.put("failedAt", Long.toString(failedAt.toEpochMilli()));
		fields.put("entry", entry.getValue());
		List<String> args = new ArrayList<>(List.of(GROUP, entry.getValue(), Long.toString(this.maxLength)));
		fields.forEach((name, value) -> {
			args.add(name);
			args.add(value);
		});
		return this.redis.execute(DEAD_LETTER, List.of(this.stream, this.deadLetterStream), args).then();
	}

	/**
	 * Acknowledge an inbox entry, handled.
	 * @param entry the entry's id
	 * @return completes when done
	 */
	Mono<Void> acknowledge(RecordId entry) {
		return this.redis.opsForStream().acknowledge(this.stream, GROUP, entry).then();
	}

	/** {@return the inbox stream's key} */
	String stream() {
		return this.stream;
	}

	/**
	 * {@return why the inbox cannot append, or {@code null} if it can: the last append (or write probe) failed, or
	 * the last read did}
	 */
	public @Nullable String appendFailure() {
		String failure = this.appendFailure;
		return (failure != null) ? failure : this.readFailure;
	}

	/**
	 * Whether the inbox can be read, as the instance's reads of it found: they run several times a second, so an
	 * outage shows without an event having to arrive during it. A read that succeeds does not say that an append
	 * would: a Redis out of memory refuses writes and serves reads.
	 * @param failure why a read failed, or {@code null} after one that succeeded
	 */
	void readResult(@Nullable String failure) {
		this.readFailure = failure;
	}

	/**
	 * After a failed append, whether Redis takes a write again, without waiting for an event: a short-lived key of the
	 * app's, set, which a Redis refusing writes refuses too.
	 * @return completes when the probe's answer is known
	 */
	Mono<Void> probeWrite() {
		if (this.appendFailure == null) {
			return Mono.empty();
		}
		if (this.full) {
			// A full inbox takes writes: it has room again once the readers handled enough of it.
			return pending().doOnNext((unhandled) -> {
				if (unhandled < this.maxLength) {
					this.full = false;
					this.appendFailure = null;
				}
			}).onErrorComplete().then();
		}
		return this.redis.opsForValue()
			.set(this.stream + ":probe", "1", Duration.ofSeconds(1))
			.doOnSuccess((set) -> {
				// A refusal for a full inbox that came while the probe was under way stands.
				if (!this.full) {
					this.appendFailure = null;
				}
			})
			.onErrorResume((ex) -> {
				this.appendFailure = ex.getMessage();
				return Mono.empty();
			})
			.then();
	}

	private static Map<String, String> fields(FeishuEvent event) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("type", event.type());
		fields.put("id", orEmpty(event.eventId()));
		fields.put("tenant", orEmpty(event.tenantKey()));
		fields.put("app", orEmpty(event.appId()));
		fields.put("json", event.json());
		return fields;
	}

	/**
	 * The event an entry holds.
	 * @param fields the entry's fields
	 * @return the event
	 */
	static FeishuEvent eventOf(Map<?, ?> fields) {
		return new FeishuEvent(text(fields, "type"), orNull(text(fields, "id")), orNull(text(fields, "tenant")),
				orNull(text(fields, "app")), text(fields, "json"));
	}

	private static DeadLetter deadLetterOf(MapRecord<String, Object, Object> entry) {
		Map<Object, Object> fields = entry.getValue();
		String attempts = text(fields, "attempts");
		String failedAt = text(fields, "failedAt");
		return new DeadLetter(entry.getId().getValue(), orNull(text(fields, "id")), text(fields, "type"),
				text(fields, "error"), orNull(text(fields, "message")), attempts.isEmpty() ? 0 : Integer.parseInt(attempts),
				Instant.ofEpochMilli(failedAt.isEmpty() ? entry.getId().getTimestamp() : Long.parseLong(failedAt)));
	}

	private static String text(Map<?, ?> fields, String name) {
		Object value = fields.get(name);
		return (value != null) ? value.toString() : "";
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private static @Nullable String orNull(String value) {
		return value.isEmpty() ? null : value;
	}

	@Override
	public String toString() {
		return "RedisEventInbox[" + this.stream + "]";
	}

}
