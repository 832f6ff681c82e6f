package io.github.feishuvc.redis;

import java.time.Duration;

import io.github.feishuvc.events.InMemoryPublishedEventIds;
import io.github.feishuvc.events.PublishedEventIds;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * {@link PublishedEventIds} shared by every instance of an app through Redis, so that an event the platform delivers
 * again to another instance is published once by the fleet: a claim is a {@code SET NX} that lapses after
 * {@link #CLAIM_TTL} unless confirmed, a confirmed id is kept for {@link #PUBLISHED_TTL}. Each id is also kept in this
 * instance's memory, which serves while Redis is unavailable.
 */
public final class RedisPublishedEventIds implements PublishedEventIds {

	/** How long a claimed id holds others back before its event is handed to the listeners. */
	public static final Duration CLAIM_TTL = Duration.ofMinutes(5);

	/** How long a published id is remembered: the platform delivers an event again within hours, if at all. */
	public static final Duration PUBLISHED_TTL = Duration.ofHours(12);

	private final ReactiveStringRedisTemplate redis;

	private final RedisAvailability availability;

	private final String keyPrefix;

	private final InMemoryPublishedEventIds local = new InMemoryPublishedEventIds();

	/**
	 * Create the ids.
	 * @param redis the Redis connection
	 * @param availability whether Redis answers
	 * @param keyPrefix the prefix of the keys, such as {@code feishu:vc:cli_xxx:}
	 */
	public RedisPublishedEventIds(ReactiveStringRedisTemplate redis, RedisAvailability availability,
			String keyPrefix) {
		this.redis = redis;
		this.availability = availability;
		this.keyPrefix = keyPrefix + "event:";
	}

	@Override
	public Mono<Boolean> claim(String eventId) {
		return this.availability
			.call(this.redis.opsForValue().setIfAbsent(this.keyPrefix + eventId, "claimed", CLAIM_TTL)
				.doOnNext((claimed) -> this.local.claimNow(eventId)), () -> this.local.claim(eventId));
	}

	@Override
	public Mono<Void> confirm(String eventId) {
		return this.availability
			.call(this.redis.opsForValue().set(this.keyPrefix + eventId, "published", PUBLISHED_TTL), () -> Mono.just(false))
			.then();
	}

	@Override
	public Mono<Void> release(String eventId) {
		this.local.releaseNow(eventId);
		return this.availability.call(this.redis.delete(this.keyPrefix + eventId), () -> Mono.just(0L)).then();
	}

	@Override
	public String toString() {
		return "RedisPublishedEventIds[" + this.availability + "]";
	}

}
