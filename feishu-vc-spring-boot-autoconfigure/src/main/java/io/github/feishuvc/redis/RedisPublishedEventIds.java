package io.github.feishuvc.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.feishuvc.events.InMemoryPublishedEventIds;
import io.github.feishuvc.events.PublishedEventIds;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link PublishedEventIds} shared by every instance of an app through Redis, so that an event the platform delivers
 * again to another instance is published once by the fleet. A claim is a key of its own ({@code SET NX}) that lapses
 * after {@link #CLAIM_TTL} unless confirmed; a confirmed id joins the set of its time bucket, one set per twelfth of
 * the window ({@code feishu.vc.events.dedupe-window}) that expires whole, rather than a key per event. A claim checks
 * the sets of the whole window (and a bucket either side, for the instances' clocks) and takes the claim key in one
 * script. Each id is also kept in this instance's memory, which serves while Redis is unavailable.
 */
public final class RedisPublishedEventIds implements PublishedEventIds {

	/** How long a claimed id holds others back before its event is handed to the listeners. */
	public static final Duration CLAIM_TTL = Duration.ofMinutes(5);

	private static final RedisScript<Long> CLAIM = LuaScripts.load("event-claim.lua", Long.class);

	private static final RedisScript<Long> CONFIRM = LuaScripts.load("event-confirm.lua", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final RedisAvailability availability;

	private final String keyPrefix;

	private final long bucketMillis;

	private final Clock clock;

	private final InMemoryPublishedEventIds local;

	/**
	 * Create the ids.
	 * @param redis the Redis connection
	 * @param availability whether Redis answers
	 * @param keyPrefix the prefix of the keys, such as {@code feishu:vc:cli_xxx:}
	 * @param window how long a published id is remembered
	 * @param clock the clock of the buckets
	 */
	public RedisPublishedEventIds(ReactiveStringRedisTemplate redis, RedisAvailability availability, String keyPrefix,
			Duration window, Clock clock) {
		this.redis = redis;
		this.availability = availability;
		this.keyPrefix = keyPrefix + "event:";
		this.local = new InMemoryPublishedEventIds(window, clock);
		this.bucketMillis = window.toMillis() / InMemoryPublishedEventIds.BUCKETS;
		this.clock = clock;
	}

	@Override
	public Mono<Boolean> claim(String eventId) {
		long current = this.clock.millis() / this.bucketMillis;
		List<String> keys = new ArrayList<>(InMemoryPublishedEventIds.BUCKETS + 3);
		keys.add(this.keyPrefix + eventId);
		for (long index = current - InMemoryPublishedEventIds.BUCKETS - 1; index <= current + 1; index++) {
			keys.add(bucket(index));
		}
		return this.availability
			.call(this.redis.execute(CLAIM, keys, List.of(eventId, Long.toString(CLAIM_TTL.toMillis())))
				.next()
				.map((claimed) -> claimed == 1)
				.doOnNext((claimed) -> this.local.claimNow(eventId)), () -> this.local.claim(eventId));
	}

	@Override
	public Mono<Void> confirm(String eventId) {
		long current = this.clock.millis() / this.bucketMillis;
		long expiry = this.bucketMillis * (InMemoryPublishedEventIds.BUCKETS + 2);
		return this.availability
			.call(this.redis.execute(CONFIRM, List.of(this.keyPrefix + eventId, bucket(current)),
					List.of(eventId, Long.toString(expiry)))
				.then(Mono.just(true)), () -> Mono.just(false))
			.then();
	}

	@Override
	public Mono<Void> release(String eventId) {
		this.local.releaseNow(eventId);
		return this.availability.call(this.redis.delete(this.keyPrefix + eventId), () -> Mono.just(0L)).then();
	}

	private String bucket(long index) {
		return this.keyPrefix + "published:" + index;
	}

	@Override
	public String toString() {
		return "RedisPublishedEventIds[" + this.availability + "]";
	}

}
