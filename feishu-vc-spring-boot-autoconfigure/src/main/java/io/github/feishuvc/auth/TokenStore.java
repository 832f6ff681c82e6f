package io.github.feishuvc.auth;

import java.time.Duration;
import java.time.Instant;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where the instances of an app share the tokens they fetch, so that one fetch serves them all; each instance still
 * caches what it uses. With {@code feishu.vc.shared-state.type=redis} the starter keeps them in Redis; without a store
 * nothing is shared. A store that fails or is slow only costs sharing: the instance then fetches its own tokens.
 */
public interface TokenStore {

	/**
	 * The token kept under a key.
	 * @param key the token's key, such as {@code token:cli_xxx:tenant}
	 * @return the token, empty if none is kept
	 */
	Mono<SharedToken> get(String key);

	/**
	 * Keep a token for the other instances until it expires.
	 * @param key the token's key
	 * @param token the token
	 * @return completes when kept
	 */
	Mono<Void> put(String key, SharedToken token);

	/**
	 * Forget a token the platform rejected, if it is still the one kept.
	 * @param key the token's key
	 * @param token the rejected token
	 * @return completes when done
	 */
	Mono<Void> evict(String key, String token);

	/**
	 * Become the one instance that fetches a token now, for at most {@code ttl} unless renewed, so that the others
	 * wait for it instead of fetching too.
	 * @param key the token's key
	 * @param owner who asks, to be named again in {@link #renew} and {@link #unlock}
	 * @param ttl how long the lock holds if neither renewed nor released
	 * @return {@code true} if this instance got the lock
	 */
	Mono<Boolean> lock(String key, String owner, Duration ttl);

	/**
	 * Hold a lock this instance holds for another {@code ttl}: the fetch is still going on.
	 * @param key the token's key
	 * @param owner who took the lock
	 * @param ttl how long the lock holds from now if neither renewed nor released
	 * @return {@code true} if the lock was still this owner's
	 */
	Mono<Boolean> renew(String key, String owner, Duration ttl);

	/**
	 * Whether some instance holds the lock of a key: a waiting instance stops waiting once it is gone.
	 * @param key the token's key
	 * @return {@code true} while the lock is held
	 */
	Mono<Boolean> isLocked(String key);

	/**
	 * Release a lock this instance holds.
	 * @param key the token's key
	 * @param owner who took the lock
	 * @return completes when released
	 */
	Mono<Void> unlock(String key, String owner);

	/**
	 * Do some work holding the lock of a key this instance just took: the lock is renewed every third of its
	 * {@code ttl} while the work goes on, however long it takes, and released when it ends (or is cancelled).
	 * @param <T> the work's result
	 * @param key the lock's key
	 * @param owner who took the lock
	 * @param ttl how long the lock holds once no longer renewed (the holder died)
	 * @param work the work
	 * @return the work's outcome
	 */
	default <T> Mono<T> holding(String key, String owner, Duration ttl, Mono<T> work) {
		// Renewed well within its life, so that a slow renewal never lets the lock lapse.
		Duration renewal = ttl.dividedBy(3);
		return Mono.defer(() -> {
			Disposable renewing = Flux.interval(renewal, renewal)
				.onBackpressureDrop()
				.concatMap((tick) -> renew(key, owner, ttl).onErrorReturn(false), 1)
				.subscribe();
			return work.doFinally((signal) -> {
				renewing.dispose();
				unlock(key, owner).onErrorComplete().subscribe();
			});
		});
	}

	/**
	 * Do some work as the only instance doing it for a key: take the lock, or wait until whoever holds it lets go and
	 * try again; the lock is held while the work goes on ({@link #holding}). A store that fails lets the work go
	 * (the instances may then do it at once).
	 * @param <T> the work's result
	 * @param key the lock's key
	 * @param owner who takes the lock
	 * @param ttl how long the lock holds once no longer renewed (the holder died)
	 * @param poll how often a waiting instance asks whether the lock is gone
	 * @param work the work, subscribed once the lock is this instance's
	 * @return the work's outcome
	 */
	default <T> Mono<T> exclusively(String key, String owner, Duration ttl, Duration poll, Mono<T> work) {
		return lock(key, owner, ttl).onErrorReturn(true).flatMap((locked) -> {
			if (locked) {
				return holding(key, owner, ttl, work);
			}
			Mono<Boolean> released = isLocked(key).onErrorReturn(false).filter((held) -> !held);
			return released.repeatWhenEmpty((polls) -> polls.delayElements(poll))
				.then(Mono.defer(() -> exclusively(key, owner, ttl, poll, work)));
		});
	}

	/**
	 * A token kept in a store; {@code toString()} never shows the value.
	 *
	 * @param value the token
	 * @param expiresAt when the platform said it expires
	 */
	record SharedToken(String value, Instant expiresAt) {

		@Override
		public String toString() {
			return "SharedToken[expiresAt=" + this.expiresAt + "]";
		}

	}

}
