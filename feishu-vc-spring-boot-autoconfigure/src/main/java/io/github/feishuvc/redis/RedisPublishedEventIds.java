package io.github.feishuvc.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.feishuvc.events.InMemoryPublishedEventIds;
import io.github.feishuvc.events.PublishedEventIds;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link PublishedEventIds} shared by every instance of an app through Redis, so that an event the platform delivers
 * again to another instance is published once by the fleet. A claim is a key of its own holding its delivery's token
 * ({@code SET NX}), which lapses after {@link PublishedEventIds#CLAIM_TTL} unless confirmed or released (by a script
 * that ends it only if it still holds that token); a confirmed id joins the set of its time bucket, one set per
 * twelfth of the window ({@code feishu.vc.events.dedupe-window}) that expires whole, rather than a key per event. A
 * claim checks the sets of the whole window (and a bucket either side, for the instances' clocks) and takes the claim
 * key in one script, which tells a published id from one only claimed: a claim that reached Redis after its delivery
 * was answered 503 (Redis slower than the answer), or whose release failed, holds a redelivery back as
 * {@link Claim#PENDING} (asked for again), never as a duplicate, and for {@code CLAIM_TTL} at most.
 *
 * <p>Each id is also kept in this instance's memory, which is asked first (an id this instance published is a
 * duplicate even if its confirmation never reached Redis) and serves alone while Redis is unavailable.
 */
public final class RedisPublishedEventIds implements PublishedEventIds {

	private static final RedisScript<Long> CLAIM = LuaScripts.load("event-claim.lua", Long.class);

	/** Read once: sent whole each time ({@link #evalWhole}). */
	private static final byte[] CONFIRM = whole("event-confirm.lua");

	/** Read once: sent whole each time ({@link #evalWhole}). */
	private static final byte[] RELEASE = whole("event-release.lua");

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
	 * @param keyPrefix the prefix of every key the starter writes, such as {@code feishu:vc:}
	 * @param appId the app whose events these are
	 * @param window how long a published id is remembered
	 * @param clock the clock of the buckets
	 */
	public RedisPublishedEventIds(ReactiveStringRedisTemplate redis, RedisAvailability availability, String keyPrefix,
			String appId, Duration window, Clock clock) {
		this.redis = redis;
		this.availability = availability;
		// One tag per app: a claim reads the sets of the whole window, which hold the ids of every tenant's events.
		this.keyPrefix = RedisKeys.app(keyPrefix, appId) + "event:";
		this.local = new InMemoryPublishedEventIds(window, clock);
		this.bucketMillis = window.toMillis() / InMemoryPublishedEventIds.BUCKETS;
		this.clock = clock;
	}

	@Override
	public Mono<Claim> claim(String eventId, String token) {
		return Mono.defer(() -> {
			Claim local = this.local.claimNow(eventId, token);
			if (local != Claim.GRANTED) {
				return Mono.just(local);
			}
			List<String> keys = new ArrayList<>(InMemoryPublishedEventIds.BUCKETS + 4);
			keys.add(claimKey(eventId));
			keys.addAll(windowBuckets());
			// Redis unavailable, this instance's memory decides alone: it granted the claim.
			return this.availability.call(this.redis
				.execute(CLAIM, keys, List.of(eventId, token, Long.toString(CLAIM_TTL.toMillis())))
				.next()
				.map(RedisPublishedEventIds::claimOf)
				.doOnNext((claim) -> remember(eventId, token, claim)), () -> Mono.just(Claim.GRANTED));
		});
	}

	@Override
	public Mono<Void> confirm(String eventId, String token) {
		return Mono.defer(() -> {
			this.local.confirmNow(eventId, token);
			return this.availability.call(evalWhole(CONFIRM, List.of(claimKey(eventId), currentBucket()),
					List.of(eventId, Long.toString(bucketExpiryMillis()), token)), () -> Mono.just(0L)).then();
		});
	}

	@Override
	public Mono<Void> release(String eventId, String token) {
		return Mono.defer(() -> {
			this.local.releaseNow(eventId, token);
			return this.availability
				.call(evalWhole(RELEASE, List.of(claimKey(eventId)), List.of(token)), () -> Mono.just(0L))
				.then();
		});
	}

	/**
	 * Runs a script sent whole ({@code EVAL}), not by its digest as the claim is: a confirmation or a release that
	 * times out here, Redis being slow, must still run once Redis catches up, after the claim it follows on the
	 * connection. By digest, a script Redis has not cached yet (a release is rare) is refused ({@code NOSCRIPT}) and
	 * sent again whole only to a caller still waiting, which a timed-out one is not.
	 */
	private Mono<Long> evalWhole(byte[] script, List<String> keys, List<String> args) {
		ByteBuffer[] keysAndArgs = Stream.concat(keys.stream(), args.stream())
			.map((value) -> ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)))
			.toArray(ByteBuffer[]::new);
		return this.redis
			.execute((connection) -> connection.scriptingCommands()
				.<Long>eval(ByteBuffer.wrap(script), ReturnType.INTEGER, keys.size(), keysAndArgs))
			.next();
	}

	private static byte[] whole(String name) {
		return LuaScripts.text(name).getBytes(StandardCharsets.UTF_8);
	}

	/** This instance's memory follows what Redis found, for the calls made while Redis is unavailable. */
	private void remember(String eventId, String token, Claim claim) {
		if (claim == Claim.PUBLISHED) {
			this.local.confirmNow(eventId, token);
		}
		else if (claim == Claim.PENDING) {
			this.local.releaseNow(eventId, token);
		}
	}

	private static Claim claimOf(long answer) {
		return (answer == 1) ? Claim.GRANTED : (answer == 0) ? Claim.PUBLISHED : Claim.PENDING;
	}

	/**
	 * The key of an id's claim, tagged by the app as the inbox's stream is, so that the inbox's append confirms the id
	 * in the same script on Redis Cluster.
	 * @param eventId the event's id
	 * @return the key
	 */
	String claimKey(String eventId) {
		return this.keyPrefix + eventId;
	}

	/** {@return the set of the ids published in the current time bucket} */
	String currentBucket() {
		return bucket(this.clock.millis() / this.bucketMillis);
	}

	/** {@return the sets a claim reads: the whole window's, and a bucket either side for the instances' clocks} */
	List<String> windowBuckets() {
		long current = this.clock.millis() / this.bucketMillis;
		List<String> buckets = new ArrayList<>(InMemoryPublishedEventIds.BUCKETS + 3);
		for (long index = current - InMemoryPublishedEventIds.BUCKETS - 1; index <= current + 1; index++) {
			buckets.add(bucket(index));
		}
		return buckets;
	}

	/** {@return how long a bucket's set is kept (ms): the window, and a bucket either side} */
	long bucketExpiryMillis() {
		return this.bucketMillis * (InMemoryPublishedEventIds.BUCKETS + 2);
	}

	private String bucket(long index) {
		return this.keyPrefix + "published:" + index;
	}

	@Override
	public String toString() {
		return "RedisPublishedEventIds[" + this.availability + "]";
	}

}
