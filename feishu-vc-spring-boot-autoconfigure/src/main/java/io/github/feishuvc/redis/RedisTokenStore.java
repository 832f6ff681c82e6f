package io.github.feishuvc.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.feishuvc.auth.TokenStore;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A {@link TokenStore} in Redis, shared by every instance of an app: one fetch serves the fleet. A token is kept
 * until it expires; the instance that fetches holds a short lock, renewed while its fetch goes on, so that the others
 * wait for its token rather than fetch their own. While Redis is unavailable nothing is shared: each instance fetches
 * and caches its own.
 */
public final class RedisTokenStore implements TokenStore {

	/** Deletes a lock only if it is still the given owner's. */
	private static final RedisScript<Long> UNLOCK = LuaScripts.of(
			"if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end",
			Long.class);

	/** Extends a lock only if it is still the given owner's. */
	private static final RedisScript<Long> RENEW = LuaScripts.of(
			"if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end",
			Long.class);

	/** Deletes a kept token ({@code <expiry>:<token>}) only if it is still the rejected one. */
	private static final RedisScript<Long> EVICT = LuaScripts.of("local kept = redis.call('GET', KEYS[1]) "
			+ "if kept and string.sub(kept, (string.find(kept, ':', 1, true) or 0) + 1) == ARGV[1] "
			+ "then return redis.call('DEL', KEYS[1]) else return 0 end", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final RedisAvailability availability;

	private final String keyPrefix;

	/**
	 * Create a store.
	 * @param redis the Redis connection
	 * @param availability whether Redis answers
	 * @param keyPrefix the prefix of the store's keys, such as {@code feishu:vc:}
	 */
	public RedisTokenStore(ReactiveStringRedisTemplate redis, RedisAvailability availability, String keyPrefix) {
		this.redis = redis;
		this.availability = availability;
		this.keyPrefix = keyPrefix;
	}

	@Override
	public Mono<SharedToken> get(String key) {
		return this.availability.call(this.redis.opsForValue().get(tokenKey(key)), Mono::empty)
			.mapNotNull(RedisTokenStore::read);
	}

	@Override
	public Mono<Void> put(String key, SharedToken token) {
		Duration ttl = Duration.between(Instant.now(), token.expiresAt());
		if (ttl.isNegative() || ttl.isZero()) {
			return Mono.empty();
		}
		return this.availability
			.call(this.redis.opsForValue().set(tokenKey(key), write(token), ttl), () -> Mono.just(false))
			.then();
	}

	@Override
	public Mono<Void> evict(String key, String token) {
		return this.availability.call(this.redis.execute(EVICT, List.of(tokenKey(key)),
				List.of(token)).then(), Mono::empty);
	}

	/** Without Redis there is no one to wait for: every instance may fetch. */
	@Override
	public Mono<Boolean> lock(String key, String owner, Duration ttl) {
		return this.availability.call(this.redis.opsForValue().setIfAbsent(lockKey(key), owner, ttl),
				() -> Mono.just(true));
	}

	@Override
	public Mono<Boolean> renew(String key, String owner, Duration ttl) {
		return this.availability.call(this.redis.execute(RENEW, List.of(lockKey(key)),
				List.of(owner, Long.toString(ttl.toMillis()))).next().map((renewed) -> renewed == 1), () -> Mono.just(false));
	}

	/** Without Redis no one holds a lock. */
	@Override
	public Mono<Boolean> isLocked(String key) {
		return this.availability.call(this.redis.hasKey(lockKey(key)), () -> Mono.just(false));
	}

	@Override
	public Mono<Void> unlock(String key, String owner) {
		return this.availability.call(this.redis.execute(UNLOCK, List.of(lockKey(key)),
				List.of(owner)).then(), Mono::empty);
	}

	/**
	 * A token's key, tagged by the store's key ({@link RedisKeys}): the app's, or a tenant's of a store app, so that a
	 * store app's tenants spread over a cluster.
	 */
	private String tokenKey(String key) {
		return RedisKeys.tagged(this.keyPrefix, key);
	}

	/** The key of the lock of a token's fetch, in its token's slot. */
	private String lockKey(String key) {
		return tokenKey(key) + ":lock";
	}

	/** {@code <expiry millis>:<token>}. */
	private static String write(SharedToken token) {
		return token.expiresAt().toEpochMilli() + ":" + token.value();
	}

	private static @Nullable SharedToken read(String value) {
		int colon = value.indexOf(':');
		try {
			return (colon > 0) ? new SharedToken(value.substring(colon + 1),
					Instant.ofEpochMilli(Long.parseLong(value.substring(0, colon)))) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Never shows a token. */
	@Override
	public String toString() {
		return "RedisTokenStore[" + this.availability + "]";
	}

}
