package io.github.feishuvc.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.feishuvc.auth.TokenStore;
import reactor.core.publisher.Mono;

/**
 * The lock of a fleet's shared state, as Redis keeps it (no expiry: the tests hold it briefly), keeping no token, and
 * counting how often it was asked for.
 */
public final class InMemoryFleetLock implements TokenStore {

	private final Map<String, String> owners = new ConcurrentHashMap<>();

	private final AtomicInteger locks = new AtomicInteger();

	/**
	 * How many times the lock was asked for, taken or not.
	 * @return the count
	 */
	public int locks() {
		return this.locks.get();
	}

	@Override
	public Mono<SharedToken> get(String key) {
		return Mono.empty();
	}

	@Override
	public Mono<Void> put(String key, SharedToken token) {
		return Mono.empty();
	}

	@Override
	public Mono<Void> evict(String key, String token) {
		return Mono.empty();
	}

	@Override
	public Mono<Boolean> lock(String key, String owner, Duration ttl) {
		return Mono.fromSupplier(() -> {
			this.locks.incrementAndGet();
			return this.owners.putIfAbsent(key, owner) == null;
		});
	}

	@Override
	public Mono<Boolean> renew(String key, String owner, Duration ttl) {
		return Mono.fromSupplier(() -> owner.equals(this.owners.get(key)));
	}

	@Override
	public Mono<Boolean> isLocked(String key) {
		return Mono.fromSupplier(() -> this.owners.containsKey(key));
	}

	@Override
	public Mono<Void> unlock(String key, String owner) {
		return Mono.fromRunnable(() -> this.owners.remove(key, owner));
	}

}
