package io.github.feishuvc.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.github.feishuvc.auth.AppTicketStore;
import io.github.feishuvc.auth.InMemoryAppTicketStore;
import io.github.feishuvc.auth.InMemoryAppTicketStore.PushedTicket;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * An {@link AppTicketStore} shared by every instance of an app through Redis: the platform pushes the ticket to one
 * instance, and all use it. A ticket is kept as {@code <pushed at, epoch millis>:<ticket>} and replaced only by a
 * newer one, atomically. Each ticket is also kept in this instance's memory, which serves while Redis is
 * unavailable; a ticket that arrived meanwhile, newer than Redis's, is written back when Redis is read again.
 */
public final class RedisAppTicketStore implements AppTicketStore {

	/** The platform pushes a new ticket every hour; an older one is of no use long after. */
	private static final Duration TICKET_TTL = Duration.ofHours(12);

	/** Keeps a ticket unless the one kept was pushed later. */
	private static final RedisScript<Long> KEEP_NEWER = LuaScripts.of("local kept = redis.call('GET', KEYS[1]) "
			+ "if kept then local colon = string.find(kept, ':', 1, true) "
			+ "if colon and tonumber(string.sub(kept, 1, colon - 1)) > tonumber(ARGV[1]) then return 0 end end "
			+ "redis.call('SET', KEYS[1], ARGV[1] .. ':' .. ARGV[2], 'PX', ARGV[3]) return 1", Long.class);

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
		this.keyPrefix = keyPrefix;
	}

	@Override
	public Mono<String> get(String appId) {
		return this.availability.call(this.redis.opsForValue().get(key(appId)), Mono::empty)
			.mapNotNull(RedisAppTicketStore::read)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((shared) -> newest(appId, shared.orElse(null)));
	}

	/** The newer of Redis's ticket and this instance's; this instance's written back if Redis lacks it. */
	private Mono<String> newest(String appId, @Nullable PushedTicket shared) {
		PushedTicket own = this.local.find(appId);
		if (shared != null && (own == null || shared.isNewerThan(own))) {
			this.local.keep(appId, shared);
			return Mono.just(shared.value());
		}
		return (own != null) ? write(appId, own).thenReturn(own.value()) : Mono.empty();
	}

	@Override
	public Mono<Void> save(String appId, String ticket, Instant pushedAt) {
		return this.local.save(appId, ticket, pushedAt).then(write(appId, new PushedTicket(ticket, pushedAt)));
	}

	private Mono<Void> write(String appId, PushedTicket ticket) {
		return this.availability
			.call(this.redis.execute(KEEP_NEWER, List.of(key(appId)),
					List.of(Long.toString(ticket.pushedAt().toEpochMilli()), ticket.value(),
							Long.toString(TICKET_TTL.toMillis())))
				.then(Mono.just(true)), () -> Mono.just(false))
			.then();
	}

	/** One key per app, tagged by the app ({@link RedisKeys}). */
	private String key(String appId) {
		return RedisKeys.app(this.keyPrefix, appId) + "app-ticket";
	}

	private static @Nullable PushedTicket read(String value) {
		int colon = value.indexOf(':');
		try {
			return (colon > 0) ? new PushedTicket(value.substring(colon + 1),
					Instant.ofEpochMilli(Long.parseLong(value.substring(0, colon)))) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Never shows a ticket. */
	@Override
	public String toString() {
		return "RedisAppTicketStore[" + this.availability + "]";
	}

}
