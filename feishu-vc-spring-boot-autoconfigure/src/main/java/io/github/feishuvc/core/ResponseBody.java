package io.github.feishuvc.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * A response body read whole, as one operator: the buffers are collected up to the size limit, joined, and decoded;
 * every buffer is released however the read ends (decoded, cancelled, failed, or over the limit, when the rest is not
 * read). One operator rather than a join followed by a default, an error mapping and a map spares every call their
 * subscribers and bookkeeping.
 *
 * <p>What it saves against Reactor's own operators, measured: a body of one pooled buffer read whole allocates 348
 * bytes with this operator against 906 with {@code DataBufferUtils.join(body, maxBytes)}, {@code defaultIfEmpty}, an
 * {@code onErrorMap} of the limit's error and a {@code map} (949-961 against 1,492 for three buffers: 530-560 bytes
 * less per call), in 425-506 ns against 992-1,242 ns for one buffer (JMH with its GC profiler,
 * {@code OperatorsBenchmark.body*} of the benchmarks module, three runs, the last at fb5fd86, 2 cores shared with
 * other builds at a load of 13-15; {@code BENCHMARKS.md}, "The hand-written operators against Reactor's"). In the whole call's benchmark it took
 * 20,743 bytes per call to 20,126 (commit ad6c959, "Three levers inside the chain").
 *
 * @param <T> what the body decodes to
 */
final class ResponseBody<T> extends Mono<T> {

	private final Publisher<DataBuffer> buffers;

	private final int maxBytes;

	private final DataBuffer empty;

	private final Function<DataBuffer, T> decode;

	private final Supplier<? extends Throwable> tooLarge;

	/**
	 * Read a body.
	 * @param buffers the body's buffers
	 * @param maxBytes the largest body read
	 * @param empty what an empty body reads as (never released)
	 * @param decode decodes the whole body and releases it
	 * @param tooLarge the error of a body over the limit
	 */
	ResponseBody(Publisher<DataBuffer> buffers, int maxBytes, DataBuffer empty, Function<DataBuffer, T> decode,
			Supplier<? extends Throwable> tooLarge) {
		this.buffers = buffers;
		this.maxBytes = maxBytes;
		this.empty = empty;
		this.decode = decode;
		this.tooLarge = tooLarge;
	}

	@Override
	public void subscribe(CoreSubscriber<? super T> actual) {
		this.buffers.subscribe(new Reader(actual));
	}

	/** Collects the buffers; the lock only guards them against a cancel from another thread. */
	private final class Reader implements CoreSubscriber<DataBuffer>, Subscription {

		private final CoreSubscriber<? super T> actual;

		private final List<DataBuffer> parts = new ArrayList<>(2);

		private @Nullable Subscription upstream;

		private int bytes;

		private boolean done;

		Reader(CoreSubscriber<? super T> actual) {
			this.actual = actual;
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
			}
		}

		@Override
		public void request(long n) {
			if (Operators.validate(n)) {
				Subscription subscription = this.upstream;
				if (subscription != null) {
					// A body is wanted whole, whatever its parts.
					subscription.request(Long.MAX_VALUE);
				}
			}
		}

		@Override
		public void onNext(DataBuffer buffer) {
			// Reactive Streams 2.13: a null signal is thrown back at its sender, never passed on or counted.
			Objects.requireNonNull(buffer, "onNext");
			boolean overflow;
			synchronized (this) {
				if (this.done) {
					DataBufferUtils.release(buffer);
					return;
				}
				this.bytes += buffer.readableByteCount();
				this.parts.add(buffer);
				overflow = this.bytes > ResponseBody.this.maxBytes || this.bytes < 0;
				if (overflow) {
					this.done = true;
					releaseParts();
				}
			}
			if (overflow) {
				Subscription subscription = this.upstream;
				if (subscription != null) {
					subscription.cancel();
				}
				this.actual.onError(ResponseBody.this.tooLarge.get());
			}
		}

		@Override
		public void onError(Throwable ex) {
			Objects.requireNonNull(ex, "onError");
			synchronized (this) {
				if (this.done) {
					Operators.onErrorDropped(ex, currentContext());
					return;
				}
				this.done = true;
				releaseParts();
			}
			this.actual.onError(ex);
		}

		@Override
		public void onComplete() {
			DataBuffer whole;
			synchronized (this) {
				if (this.done) {
					return;
				}
				this.done = true;
				whole = switch (this.parts.size()) {
					case 0 -> ResponseBody.this.empty;
					case 1 -> this.parts.get(0);
					default -> this.parts.get(0).factory().join(this.parts);
				};
				this.parts.clear();
			}
			T decoded;
			try {
				decoded = ResponseBody.this.decode.apply(whole);
			}
			catch (Throwable ex) {
				Exceptions.throwIfFatal(ex);
				this.actual.onError(ex);
				return;
			}
			this.actual.onNext(decoded);
			this.actual.onComplete();
		}

		@Override
		public void cancel() {
			synchronized (this) {
				this.done = true;
				releaseParts();
			}
			Subscription subscription = this.upstream;
			if (subscription != null) {
				subscription.cancel();
			}
		}

		private void releaseParts() {
			for (DataBuffer part : this.parts) {
				DataBufferUtils.release(part);
			}
			this.parts.clear();
		}

	}

}
