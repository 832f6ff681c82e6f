package io.github.feishuvc.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Function;
import java.util.function.Supplier;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * A deadline on a {@link Mono}, as one operator: it arms a timer (from subscription, or from {@link #start()}, such as
 * once the request is sent), passes the call's signals on, maps its error, and disarms the timer when the call ends
 * or is cancelled; once the time is up it cancels the call and fails it with the deadline's exception.
 *
 * <p>Every call carries two deadlines (its own and its attempt's response) that almost always end disarmed. One
 * operator each, rather than a {@code timeout(publisher)} with a signal {@code Mono} of its own and an
 * {@code onErrorMap} beside it, spares every call their subscribers and bookkeeping. The timers run on Netty's
 * {@link HashedWheelTimer}, one for the JVM as its javadoc advises, on which arming and disarming takes no lock and
 * wakes no thread; a scheduler's timer queue would wake its thread for each of them. The price is a tick of 10 ms: a
 * deadline fires up to a tick late. A deadline that fires fails the call on Reactor's parallel scheduler, never on the
 * timer's thread.
 *
 * <p>What it saves against Reactor's own operators, measured: a call that ends well before its deadline allocates
 * 148-168 bytes with this operator against 719-731 with {@code timeout(Duration)} and an {@code onErrorMap} of its
 * {@link java.util.concurrent.TimeoutException} (about 570 bytes less per deadline, two per call), in 302-463 ns
 * against 1,077-1,270 ns (JMH with its GC profiler, {@code OperatorsBenchmark.deadline*} of the benchmarks module,
 * three runs, the last at fb5fd86, 2 cores shared with other builds at a load of 13-15; {@code BENCHMARKS.md}, "The
 * hand-written operators against Reactor's"). In the whole call's benchmark, this operator in place of a {@code timeout(Publisher)} on the
 * same timer took 21,528-21,633 bytes per call to 20,743 (commit 8288f80, "Three levers inside the chain").
 */
final class Deadline {

	private static final Timer TIMER = new HashedWheelTimer(new DefaultThreadFactory("feishu-vc-deadlines", true), 10,
			TimeUnit.MILLISECONDS);

	private final long nanos;

	private final Supplier<? extends Throwable> error;

	private volatile @Nullable DeadlineSubscriber<?> subscriber;

	/** Started before a subscriber registered itself: it arms its timer when it does. */
	private volatile boolean started;

	private Deadline(Duration time, Supplier<? extends Throwable> error) {
		this.nanos = time.toNanos();
		this.error = error;
	}

	/**
	 * A deadline that starts when the call is subscribed.
	 * @param <T> the type of the call
	 * @param call the call
	 * @param time the time allowed from subscription
	 * @param error the exception of a call that is not over in time
	 * @return the call, ended by the deadline
	 */
	static <T> Mono<T> after(Mono<T> call, Duration time, Supplier<? extends Throwable> error) {
		return new DeadlineMono<>(call, null, time.toNanos(), error, Function.identity());
	}

	/**
	 * A deadline that starts with {@link #start()}.
	 * @param time the time allowed from the start
	 * @param error the exception of a call that is not over in time
	 * @return the deadline, not started
	 */
	static Deadline pending(Duration time, Supplier<? extends Throwable> error) {
		return new Deadline(time, error);
	}

	/**
	 * The call, ended by this deadline, its other errors mapped.
	 * @param <T> the type of the call
	 * @param call the call
	 * @param mapError maps an error of the call (not the deadline's)
	 * @return the call, ended by this deadline once started
	 */
	<T> Mono<T> bound(Mono<T> call, Function<Throwable, Throwable> mapError) {
		return new DeadlineMono<>(call, this, this.nanos, this.error, mapError);
	}

	/** Start counting; at most once. */
	void start() {
		this.started = true;
		DeadlineSubscriber<?> current = this.subscriber;
		if (current != null) {
			current.arm();
		}
	}

	private void register(DeadlineSubscriber<?> subscriber) {
		this.subscriber = subscriber;
		if (this.started) {
			subscriber.arm();
		}
	}

	/** The call with its deadline. */
	private static final class DeadlineMono<T> extends Mono<T> {

		private final Mono<T> call;

		private final @Nullable Deadline pending;

		private final long nanos;

		private final Supplier<? extends Throwable> error;

		private final Function<Throwable, Throwable> mapError;

		DeadlineMono(Mono<T> call, @Nullable Deadline pending, long nanos, Supplier<? extends Throwable> error,
				Function<Throwable, Throwable> mapError) {
			this.call = call;
			this.pending = pending;
			this.nanos = nanos;
			this.error = error;
			this.mapError = mapError;
		}

		@Override
		public void subscribe(CoreSubscriber<? super T> actual) {
			this.call.subscribe(new DeadlineSubscriber<>(actual, this.pending, this.nanos, this.error, this.mapError));
		}

	}

	/**
	 * Passes the call's signals on while the deadline runs; whichever comes first, the call's end, a cancel or the
	 * time, decides, and the others do nothing.
	 */
	private static final class DeadlineSubscriber<T> implements CoreSubscriber<T>, Subscription, TimerTask {

		private static final int ACTIVE = 0;

		/** A value passed on: only the completion follows. */
		private static final int VALUED = 1;

		private static final int DONE = 2;

		@SuppressWarnings("rawtypes")
		private static final AtomicIntegerFieldUpdater<DeadlineSubscriber> STATE = AtomicIntegerFieldUpdater
			.newUpdater(DeadlineSubscriber.class, "state");

		private final CoreSubscriber<? super T> actual;

		private final long nanos;

		private final Supplier<? extends Throwable> error;

		private final Function<Throwable, Throwable> mapError;

		private final boolean startOnSubscribe;

		private volatile int state;

		private @Nullable Subscription upstream;

		private volatile @Nullable Timeout timeout;

		DeadlineSubscriber(CoreSubscriber<? super T> actual, @Nullable Deadline pending, long nanos,
				Supplier<? extends Throwable> error, Function<Throwable, Throwable> mapError) {
			this.actual = actual;
			this.nanos = nanos;
			this.error = error;
			this.mapError = mapError;
			this.startOnSubscribe = pending == null;
			if (pending != null) {
				pending.register(this);
			}
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (Operators.validate(this.upstream, subscription)) {
				this.upstream = subscription;
				this.actual.onSubscribe(this);
				if (this.startOnSubscribe) {
					arm();
				}
			}
		}

		void arm() {
			if (this.state != ACTIVE || this.timeout != null) {
				return;
			}
			Timeout armed = TIMER.newTimeout(this, this.nanos, TimeUnit.NANOSECONDS);
			this.timeout = armed;
			if (this.state != ACTIVE) {
				armed.cancel();
			}
		}

		private void disarm() {
			Timeout armed = this.timeout;
			if (armed != null) {
				armed.cancel();
			}
		}

		@Override
		public void onNext(T value) {
			// Reactive Streams 2.13: a null signal is thrown back at its sender, never passed on or counted.
			Objects.requireNonNull(value, "onNext");
			if (STATE.compareAndSet(this, ACTIVE, VALUED)) {
				disarm();
				this.actual.onNext(value);
			}
			else {
				Operators.onNextDropped(value, currentContext());
			}
		}

		@Override
		public void onError(Throwable ex) {
			Objects.requireNonNull(ex, "onError");
			if (end()) {
				this.actual.onError(this.mapError.apply(ex));
			}
			else {
				Operators.onErrorDropped(ex, currentContext());
			}
		}

		@Override
		public void onComplete() {
			if (end()) {
				this.actual.onComplete();
			}
		}

		/** Whether the call's own end is the one passed on: it was not cancelled, and its time was not up. */
		private boolean end() {
			for (int current = this.state; current != DONE; current = this.state) {
				if (STATE.compareAndSet(this, current, DONE)) {
					if (current == ACTIVE) {
						disarm();
					}
					return true;
				}
			}
			return false;
		}

		/** The time is up: the call is cancelled and fails, on a scheduler's thread rather than the timer's. */
		@Override
		public void run(Timeout timeout) {
			if (STATE.compareAndSet(this, ACTIVE, DONE)) {
				Subscription subscription = this.upstream;
				if (subscription != null) {
					subscription.cancel();
				}
				Schedulers.parallel().schedule(() -> this.actual.onError(this.error.get()));
			}
		}

		@Override
		public void request(long n) {
			Subscription subscription = this.upstream;
			if (subscription != null) {
				subscription.request(n);
			}
		}

		@Override
		public void cancel() {
			if (STATE.getAndSet(this, DONE) == ACTIVE) {
				disarm();
			}
			Subscription subscription = this.upstream;
			if (subscription != null) {
				subscription.cancel();
			}
		}

	}

}
