package io.github.feishuvc.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.feishuvc.core.CallInfo;
import io.github.feishuvc.core.ClientRateLimiter;
import io.github.feishuvc.core.FeishuVcClientRateLimitException;
import io.github.feishuvc.core.FeishuVcRateLimiter;
import io.github.feishuvc.core.RateLimit;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A {@link FeishuVcRateLimiter} shared by every instance of an app through Redis: one budget per app, tenant and
 * operation, the same two sliding windows (a second and a minute, lengthened by the margin) as
 * {@link ClientRateLimiter}.
 *
 * <p>Each permit is reserved atomically by one script ({@code rate-limit.lua}) on Redis's own clock, so the
 * instances' clocks need not agree and no instance holds a lock: the script keeps the times of the permits of the last
 * minute in a sorted set and returns how long the caller waits; the caller waits locally, without blocking a thread.
 * When the platform refuses a call with 429, another script ({@code rate-limit-refused.lua}) gives its permit back and
 * holds the window until the platform's reset, for every instance. While Redis is unavailable or slower than
 * {@code feishu.vc.shared-state.timeout}, the instance falls back on its own in-memory limiter.
 *
 * <p>Why a script of our own rather than a library: Bucket4j (with its Lettuce integration) and the Redis rate
 * limiters of Spring Cloud Gateway and Resilience4j are token buckets or fixed windows. A bucket can only hold a
 * sliding window if its burst plus its refill over the window stay under the limit, which for the platform's second
 * and minute limits together costs far more than the 5% of throughput a margin does (a run of 300 calls at 20 a
 * second and 200 a minute takes at least 64 s with sliding windows and over 90 s with the tightest pair of buckets
 * that never breaks them).
 */
public final class RedisRateLimiter implements FeishuVcRateLimiter {

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> SCRIPT = LuaScripts.load("rate-limit.lua", List.class);

	private static final RedisScript<Long> REFUSED_SCRIPT = LuaScripts.load("rate-limit-refused.lua", Long.class);

	/** The suffix of the key that holds a window's permits until the platform's reset. */
	private static final String HOLD = ":hold";

	/** How many replies the warm-up reads Redis's clock from. */
	private static final int CLOCK_READINGS = 10;

	private final ReactiveStringRedisTemplate redis;

	private final RedisAvailability availability;

	private final ClientRateLimiter local;

	private final String keyPrefix;

	private final String appId;

	private final String secondWindow;

	private final String minuteWindow;

	private final String coldMargin;

	private final String maxWait;

	/** The script's arguments for the limits of each operation, worked out once per operation. */
	private final Map<String, List<String>> limitArguments = new ConcurrentHashMap<>();

	private final long maxWaitNanos;

	private final Scheduler scheduler;

	private final String description;

	private final RedisClock redisClock = new RedisClock();

	/**
	 * Create a limiter.
	 * @param redis the Redis connection
	 * @param availability whether Redis answers
	 * @param keyPrefix the prefix of every key the starter writes, such as {@code feishu:vc:}
	 * @param appId the app whose calls are limited
	 * @param perSecond most calls of one operation of one tenant in any second, across all instances
	 * @param perMinute most calls of one operation of one tenant in any minute, across all instances
	 * @param margin how much longer than a second and a minute the windows are
	 * @param pace whether to space permits by half their even share of the (lengthened) second
	 * @param maxWait the longest a call may be delayed before it is refused
	 * @param scheduler the scheduler whose timer times the delays (and the fallback's)
	 */
	public RedisRateLimiter(ReactiveStringRedisTemplate redis, RedisAvailability availability, String keyPrefix,
			String appId, int perSecond, int perMinute, Duration margin, boolean pace, Duration maxWait,
			Scheduler scheduler) {
		this(redis, availability, keyPrefix, appId, new RateLimit(perSecond, perMinute), Map.of(), margin, Duration.ZERO, pace,
				maxWait, scheduler);
	}

	/**
	 * Create a limiter whose operations have the platform's documented limits where they differ from the defaults.
	 * @param redis the Redis connection
	 * @param availability whether Redis answers
	 * @param keyPrefix the prefix of every key the starter writes, such as {@code feishu:vc:}
	 * @param appId the app whose calls are limited
	 * @param defaults the limits of every operation not named in {@code operationLimits}, across all instances
	 * @param operationLimits the limits of named operations; each is held to the stricter of its own and the defaults
	 * @param margin how much longer than a second and a minute the windows are
	 * @param coldMargin how much later the calls that start a busy spell are counted
	 * @param pace whether to space permits by half their even share of the (lengthened) second
	 * @param maxWait the longest a call may be delayed before it is refused
	 * @param scheduler the scheduler whose timer times the delays (and the fallback's)
	 */
	public RedisRateLimiter(ReactiveStringRedisTemplate redis, RedisAvailability availability, String keyPrefix,
			String appId, RateLimit defaults, Map<String, RateLimit> operationLimits, Duration margin, Duration coldMargin,
			boolean pace, Duration maxWait, Scheduler scheduler) {
		this.redis = redis;
		this.availability = availability;
		this.local = new ClientRateLimiter(defaults, operationLimits, margin, coldMargin, pace, maxWait, scheduler);
		this.keyPrefix = keyPrefix;
		this.appId = appId;
		// The same windows as the fallback's, in the script's microseconds.
		this.secondWindow = micros(this.local.secondWindow());
		this.minuteWindow = micros(this.local.minuteWindow());
		this.coldMargin = micros(this.local.coldMargin());
		this.maxWait = micros(maxWait);
		this.maxWaitNanos = maxWait.toNanos();
		this.scheduler = scheduler;
		this.description = defaults + " per operation (of each tenant, across instances)";
	}

	private static String micros(Duration duration) {
		return Long.toString(TimeUnit.NANOSECONDS.toMicros(duration.toNanos()));
	}

	/**
	 * Run the script a few times (on a key of its own), so that the connection is open, the script loaded and Redis's
	 * clock read before calls need them: the first calls are sent by that reading.
	 * @param timeout how long the first connection and the readings may take
	 */
	public void warmUp(Duration timeout) {
		String key = key(null, "warm-up");
		this.availability.warmUp(Flux.range(0, CLOCK_READINGS)
			.concatMap((reading) -> reserve(key, "warm-up", "warm-up-" + reading)
				.doOnNext((reply) -> this.redisClock.observe(RedisClock.localMicros() - reply.get(0))))
			.then(), timeout);
	}

	/**
	 * Wait for a permit, from Redis; token fetches ({@code auth.*}), which are rare once tokens are shared, from this
	 * instance's limiter.
	 */
	@Override
	public Mono<Permit> acquire(@Nullable String tenantKey, String operation, int attempt) {
		if (FeishuVcRateLimiter.isTokenFetch(operation)) {
			return this.local.acquire(tenantKey, operation, attempt);
		}
		String key = key(tenantKey, operation);
		String id = Long.toHexString(ThreadLocalRandom.current().nextLong());
		// Only the reservation is timed out; the wait it asks for is not Redis's.
		return this.availability.call(reserve(key, operation, id), Mono::empty)
			.flatMap((reservation) -> delay(reservation, tenantKey, operation, attempt, key, id))
			.switchIfEmpty(Mono.defer(() -> this.local.acquire(tenantKey, operation, attempt)));
	}

	/**
	 * The refused call's permit goes back to its shared window, and the reset holds that tenant and operation for
	 * every instance (the next reservation on any of them waits for it); a permit this instance's limiter gave (a
	 * token fetch, or while Redis was unavailable) goes back to it.
	 */
	@Override
	public Mono<Void> refused(Permit permit, @Nullable Duration reset) {
		// This instance holds too, should Redis fail before the reset.
		this.local.refusedNow(permit, reset);
		if (!(permit.token() instanceof SharedPermit shared)) {
			return Mono.empty();
		}
		long resetMicros = TimeUnit.NANOSECONDS.toMicros(((reset != null) ? reset : Duration.ofSeconds(1)).toNanos());
		return this.availability
			.call(this.redis.execute(REFUSED_SCRIPT, List.of(shared.key(), shared.key() + HOLD),
					List.of(shared.member(), Long.toString(Math.max(1, resetMicros))))
				.then(Mono.just(true)), () -> Mono.just(false))
			.then();
	}

	/**
	 * The key of a window: tagged by app and tenant ({@link RedisKeys}), and so is its hold, which the scripts take
	 * with it.
	 */
	private String key(@Nullable String tenantKey, String operation) {
		return RedisKeys.tenant(this.keyPrefix, this.appId, (tenantKey != null) ? tenantKey : "-") + "rate-limit:"
				+ operation;
	}

	/** Redis's time and the wait from it, both in microseconds. */
	@SuppressWarnings("unchecked")
	private Mono<List<Long>> reserve(String key, String operation, String id) {
		List<String> limits = this.limitArguments.computeIfAbsent(operation, this::limitArguments);
		return this.redis
			.execute(SCRIPT, List.of(key, key + HOLD),
					List.of(limits.get(0), limits.get(1), this.secondWindow, this.minuteWindow, limits.get(2),
							this.maxWait, id, this.coldMargin))
			.next()
			.map((reply) -> (List<Long>) reply);
	}

	/** Per second, per minute and the spacing of paced permits: the fallback's, for the script. */
	private List<String> limitArguments(String operation) {
		RateLimit limit = this.local.limit(operation);
		return List.of(Integer.toString(limit.perSecond()), Integer.toString(limit.perMinute()),
				micros(this.local.spacing(operation)));
	}

	/**
	 * The call goes at the permit's time on Redis's clock, translated to this instance's: a reply that took long to
	 * come back (a busy moment of this instance) does not push the call later than the permit, where it would arrive
	 * bunched with the next instance's calls.
	 */
	private Mono<Permit> delay(List<Long> reservation, @Nullable String tenantKey, String operation, int attempt,
			String key, String id) {
		long redisNow = reservation.get(0);
		long wait = reservation.get(1);
		if (wait < 0) {
			return Mono.error(new FeishuVcClientRateLimitException(CallInfo.noResponse(operation, attempt),
					Duration.ofNanos((-wait - 1) * 1000), Duration.ofNanos(this.maxWaitNanos),
					this.local.limit(operation) + " for " + operation + " (of each tenant, across instances)"));
		}
		long localNow = RedisClock.localMicros();
		long delay = Math.max(0, this.redisClock.toLocal(redisNow + wait, localNow - redisNow) - localNow);
		// The script's member for this permit: its time on Redis's clock and its id.
		Permit permit = new Permit(tenantKey, operation, Duration.ofNanos(wait * 1000),
				new SharedPermit(key, (redisNow + wait) + ":" + id));
		return (delay == 0) ? Mono.just(permit)
				: Mono.delay(Duration.ofNanos(delay * 1000), this.scheduler).thenReturn(permit);
	}

	@Override
	public String toString() {
		return "RedisRateLimiter[" + this.description + "]";
	}

	/** A permit of the shared windows: its window's key, and its member there. */
	private record SharedPermit(String key, String member) {
	}

}
