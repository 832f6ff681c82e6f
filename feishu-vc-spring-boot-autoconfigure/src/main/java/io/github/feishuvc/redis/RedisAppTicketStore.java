package io.github.feishuvc.redis;

import java.time.Duration;

import io.github.feishuvc.auth.AppTicketStore;
import io.github.feishuvc.auth.InMemoryAppTicketStore;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * An {@link AppTicketStore} shared by every instance of an app through Redis: the platform pushes the ticket to one
 * instance, and all use it. Each ticket is also kept in this instance's memory, which serves while Redis is
 * unavailable.
 */
public final class RedisAppTicketStore implements AppTicketStore {

	/** The platform pushes a new ticket every hour; an older one is of no use long after. */
	private static final Duration TICKET_TTL = Duration.ofHours(12);

	private final ReactiveStringRedisTemplate redis;

	private final RedisAvailability availability;

	private final String keyPrefix;

	private final InMemoryAppTicketStore local = new InMemoryAppTicketStore();

	/**
	 * Create a store.
	 * @param redis the Redis connection
	 * @param availability whether Redis answers
	 * @param keyPrefix the prefix of the store's keys, such as {@code feishu:vc:}
	 */
	public RedisAppTicketStore(ReactiveStringRedisTemplate redis, RedisAvailability availability, String keyPrefix) {
		this.redis = redis;
		this.availability = availability;
		this.keyPrefix = keyPrefix + "app-ticket:";
	}

	@Override
	public Mono<String> get(String appId) {
		return this.availability.call(this.redis.opsForValue().get(this.keyPrefix + appId), Mono::empty)
			.switchIfEmpty(Mono.defer(() -> this.local.get(appId)));
	}

	@Override
	public Mono<Void> save(String appId, String ticket) {
		return this.local.save(appId, ticket)
			.then(this.availability.call(this.redis.opsForValue().set(this.keyPrefix + appId, ticket, TICKET_TTL),
					() -> Mono.just(false)))
			.then();
	}

	/** Never shows a ticket. */
	@Override
	public String toString() {
		return "RedisAppTicketStore[" + this.availability + "]";
	}

}
