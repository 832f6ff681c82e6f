package io.github.feishuvc.auth;

import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * Where the instances of an app share the tokens they fetch, so that one fetch serves them all; each instance still
 * caches what it uses. With {@code feishu.vc.store.type=redis} the starter keeps them in Redis; without a store
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
