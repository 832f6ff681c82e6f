package io.github.feishuvc.events.longconnection;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.github.feishuvc.core.FeishuVcApiException;
import io.github.feishuvc.core.FeishuVcRateLimitException;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The long connection's rules of time: which failures are refusals for good, how long to wait before the next attempt
 * (the platform's jitter after a drop, a doubling backoff after a failed attempt, a 429's reset), when the platform's
 * {@code ReconnectCount} is spent, since when attempts have failed, and the watchdog of a silent socket. Its waits
 * and the watchdog run on the timers of the scheduler the connection is given, so tests move them on virtual time.
 *
 * <p>Its counts are guarded by the connection's monitor; the time since attempts began failing is also read without
 * it, by the state.
 */
final class Reconnects {

	/** The endpoint's codes that say try again; any other non-zero code on a successful answer is a refusal. */
	private static final int SYSTEM_BUSY = 1;

	private static final int INTERNAL_ERROR = 1000040343;

	private final Duration floor;

	private final Duration downAfter;

	/** Attempts to connect again made since a connection was last alive (anything arrived down it). */
	private int attempts;

	/** Since when no connection has been open, while attempts fail; {@code null} while connected or stopped. */
	private volatile @Nullable Instant failingSince;

	/**
	 * Rules with these limits.
	 * @param floor the least wait between two attempts
	 * @param downAfter how long attempts may fail before the connection is down
	 */
	Reconnects(Duration floor, Duration downAfter) {
		this.floor = floor;
		this.downAfter = downAfter;
	}

	/** Started: the count of attempts starts again, and nothing has failed yet. */
	void started() {
		this.attempts = 0;
		this.failingSince = null;
	}

	/** A connection is open, or the connection stopped: not failing. */
	void notFailing() {
		this.failingSince = null;
	}

	/**
	 * Whether attempts have failed for longer than the grace period.
	 * @param now the time now
	 * @return whether the connection is down
	 */
	boolean down(Instant now) {
		Instant failing = this.failingSince;
		return failing != null && !failing.plus(this.downAfter).isAfter(now);
	}

	/**
	 * What follows the end of the current attempt: stop for good if it was refused or once the platform's
	 * {@code ReconnectCount} is spent, else a new attempt after the wait {@link #delay} gives.
	 * @param alive whether the attempt's connection was alive (anything arrived down it)
	 * @param failure how it ended, or {@code null} if the platform closed it
	 * @param config the platform's settings
	 * @param now the time now
	 * @return the wait before the next attempt, or none and why it stops for good
	 */
	Next next(boolean alive, @Nullable Throwable failure, ClientConfig config, Instant now) {
		if (failure instanceof Refused refused) {
			return new Next(null, Objects.requireNonNull(refused.getMessage()));
		}
		if (alive) {
			this.attempts = 0;
		}
		if (this.failingSince == null) {
			this.failingSince = now;
		}
		int allowed = config.reconnectCount();
		// As the official Node SDK: at least one attempt, even when the platform allows none.
		if (allowed >= 0 && this.attempts >= Math.max(1, allowed)) {
			return new Next(null, "gave up after " + this.attempts + " failed attempts to connect again, as the "
					+ "platform's ReconnectCount (" + allowed + ") asks");
		}
		Duration reset = (failure instanceof FeishuVcRateLimitException limited) ? limited.resetAfter() : null;
		Duration wait = delay(this.attempts, alive, config, reset, this.floor);
		this.attempts++;
		return new Next(wait, reason(failure));
	}

	/**
	 * Whether the endpoint refused the app for good: a documented client error, which the platform answers with a
	 * successful status. A 429, a 5xx (even with a JSON code) and the codes that say try again are passing.
	 */
	static boolean isRefusal(Throwable ex) {
		return ex instanceof FeishuVcApiException api && api.httpStatus() >= 200 && api.httpStatus() < 300
				&& api.code() != SYSTEM_BUSY && api.code() != INTERNAL_ERROR;
	}

	/**
	 * How long to wait before the next attempt: after a connection that was alive dropped, the platform's random
	 * jitter (up to its {@code ReconnectNonce}), which spreads a fleet's reconnections; after a failed attempt, the
	 * floor doubled for each attempt made since, up to the platform's {@code ReconnectInterval}. Never sooner than the
	 * floor, nor than a 429's reset.
	 * @param attempts attempts made since a connection was last alive
	 * @param afterDrop whether the connection that ended was alive
	 * @param config the platform's settings
	 * @param reset a 429's reset, or {@code null}
	 * @param floor the least wait
	 * @return the wait
	 */
	static Duration delay(int attempts, boolean afterDrop, ClientConfig config, @Nullable Duration reset,
			Duration floor) {
		Duration wait;
		if (afterDrop) {
			long nonce = config.reconnectNonce().toMillis();
			wait = Duration.ofMillis((nonce > 0) ? ThreadLocalRandom.current().nextLong(nonce + 1) : 0);
		}
		else {
			Duration cap = max(config.reconnectInterval(), floor);
			wait = floor.multipliedBy(1L << Math.min(attempts, 30));
			wait = (wait.compareTo(cap) > 0) ? cap : wait;
		}
		wait = max(wait, floor);
		return (reset != null) ? max(wait, reset) : wait;
	}

	/**
	 * The frames, failing with a {@link TimeoutException} once none arrived for the idle timeout: a socket that went
	 * silent (a NAT that dropped the flow, a peer gone without a word) is closed and replaced.
	 * @param <T> the frames' type
	 * @param frames what arrives
	 * @param idleTimeout the idle timeout, read again at each frame (the platform may change its ping interval)
	 * @param scheduler whose timer times it
	 * @return the same frames, watched
	 */
	static <T> Flux<T> watched(Flux<T> frames, Supplier<Duration> idleTimeout, Scheduler scheduler) {
		Mono<Long> idle = Mono.defer(() -> Mono.delay(idleTimeout.get(), scheduler));
		return frames.timeout(idle, (frame) -> idle)
			.onErrorMap(TimeoutException.class,
					(ex) -> new TimeoutException("nothing arrived for " + idleTimeout.get().toMillis() + "ms"));
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static String reason(@Nullable Throwable failure) {
		if (failure == null) {
			return "closed by the platform";
		}
		if (failure instanceof WebSocketClientHandshakeException handshake && handshake.response() != null) {
			HttpHeaders headers = handshake.response().headers();
			String status = headers.get("Handshake-Status");
			String code = headers.get("Handshake-Autherrcode");
			return "handshake refused: " + ((status != null) ? status : handshake.response().status().code()) + " "
					+ Objects.toString(headers.get("Handshake-Msg"), "") + ((code != null) ? " (" + code + ")" : "");
		}
		if (failure instanceof FeishuVcApiException api) {
			return failure.getClass().getSimpleName() + ": HTTP " + api.httpStatus() + ", code " + api.code();
		}
		return failure.getClass().getSimpleName()
				+ ((failure instanceof TimeoutException) ? ": " + failure.getMessage() : "");
	}

	/**
	 * What follows an attempt's end.
	 *
	 * @param after the wait before the next attempt, or {@code null} to stop for good
	 * @param reason why the attempt ended, or why it stops for good
	 */
	record Next(@Nullable Duration after, String reason) {
	}

	/** A refusal for good: no new attempt helps. */
	static final class Refused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Refused(String message) {
			super(message, null, false, false);
		}

	}

}
