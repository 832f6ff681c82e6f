package io.github.feishuvc.core;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

/**
 * A deadline, as a {@link Mono} that fails with the deadline's exception once the time is up: give it to
 * {@code call.timeout(deadline.expiry(), Deadline.neverUsed())} and the call ends with that exception.
 *
 * <p>Every call carries two deadlines (its own and its attempt's response) that almost always end cancelled. They run
 * on Netty's {@link HashedWheelTimer}, one for the JVM as its javadoc advises, on which setting and cancelling a
 * timeout takes no lock and wakes no thread; a scheduler's timer queue would wake its thread for each of them. The
 * price is a tick of 10 ms: a deadline fires up to a tick late.
 */
final class Deadline implements Consumer<MonoSink<Void>>, TimerTask, Disposable {

	private static final Timer TIMER = new HashedWheelTimer(new DefaultThreadFactory("feishu-vc-deadlines", true), 10,
			TimeUnit.MILLISECONDS);

	private final long nanos;

	private final Supplier<? extends Throwable> error;

	private final Mono<Void> expiry;

	private volatile @Nullable MonoSink<Void> sink;

	private volatile @Nullable Timeout timeout;

	private volatile boolean disposed;

	/** Set once the time is up, in case that is before the signal is subscribed. */
	private volatile boolean expired;

	private final AtomicBoolean fired = new AtomicBoolean();

	private Deadline(Duration time, Supplier<? extends Throwable> error) {
		this.nanos = time.toNanos();
		this.error = error;
		this.expiry = Mono.create(this);
	}

	/**
	 * A deadline that starts with {@link #start()}, such as once the request is sent.
	 * @param time the time allowed from the start
	 * @param error the exception of a call that is not over in time
	 * @return the deadline, not started
	 */
	static Deadline pending(Duration time, Supplier<? extends Throwable> error) {
		return new Deadline(time, error);
	}

	/**
	 * A deadline that starts when subscribed.
	 * @param time the time allowed from subscription
	 * @param error the exception of a call that is not over in time
	 * @return a {@link Mono} that fails with the exception once the time is up
	 */
	static Mono<Void> after(Duration time, Supplier<? extends Throwable> error) {
		return Mono.defer(() -> {
			Deadline deadline = new Deadline(time, error);
			deadline.start();
			return deadline.expiry();
		});
	}

	/**
	 * The fallback to give {@link Mono#timeout(org.reactivestreams.Publisher, Mono)} with a deadline, which fails
	 * rather than emits, so the fallback is never subscribed. Without one Reactor would describe the timeout for its
	 * own exception, walking the whole chain and building a string on every call.
	 * @param <T> the type of the call
	 * @return an empty {@link Mono}
	 */
	static <T> Mono<T> neverUsed() {
		return Mono.empty();
	}

	/**
	 * The signal of this deadline: fails once the time is up; cancelling it cancels the deadline.
	 * @return the signal
	 */
	Mono<Void> expiry() {
		return this.expiry;
	}

	/** Start counting; at most once. */
	void start() {
		if (this.disposed || this.timeout != null) {
			return;
		}
		Timeout timeout = TIMER.newTimeout(this, this.nanos, TimeUnit.NANOSECONDS);
		this.timeout = timeout;
		if (this.disposed) {
			timeout.cancel();
		}
	}

	@Override
	public void accept(MonoSink<Void> sink) {
		this.sink = sink;
		sink.onDispose(this);
		if (this.expired) {
			fire();
		}
	}

	/** Fails the call on a scheduler's thread: whatever the call's subscribers do must not hold up the timer. */
	@Override
	public void run(Timeout timeout) {
		this.expired = true;
		fire();
	}

	private void fire() {
		MonoSink<Void> sink = this.sink;
		if (sink != null && !this.disposed && this.fired.compareAndSet(false, true)) {
			Schedulers.parallel().schedule(() -> sink.error(this.error.get()));
		}
	}

	@Override
	public void dispose() {
		this.disposed = true;
		Timeout timeout = this.timeout;
		if (timeout != null) {
			timeout.cancel();
		}
	}

	@Override
	public boolean isDisposed() {
		return this.disposed;
	}

}
