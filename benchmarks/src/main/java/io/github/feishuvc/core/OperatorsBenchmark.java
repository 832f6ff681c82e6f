package io.github.feishuvc.core;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.feishuvc.internal.Downloads;
import io.netty.buffer.PooledByteBufAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.publisher.Sinks;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;

/**
 * The starter's hand-written reactive operators against Reactor's own on the same work, one call (or one download) per
 * operation, for the figures their class comments give. In package {@code io.github.feishuvc.core} to reach the
 * package-private {@link Deadline} and {@link ResponseBody}. Run by {@code --suite=operators} (see
 * {@code Operators}), with JMH's GC profiler: bytes allocated per operation are the figure that holds on a shared
 * machine; time per operation is given with its error.
 *
 * <ul>
 * <li>{@code deadline*}: a call that ends well before its deadline, as nearly every call does: the deadline armed at
 * subscription, disarmed by the value that arrives after it (the call's source hands the value on only once
 * subscribed, as the network does). {@link Deadline#after} against {@code timeout(Duration)} on Reactor's parallel
 * scheduler and an {@code onErrorMap} of its {@link TimeoutException}.</li>
 * <li>{@code body*}: a body of {@code parts} pooled Netty buffers of 512 bytes, read whole, joined and decoded (here,
 * its size read and the buffer released). {@link ResponseBody} against {@code DataBufferUtils.join(body, max)},
 * {@code defaultIfEmpty}, an {@code onErrorMap} of the limit's error and a {@code map}.</li>
 * <li>{@code download*}: a file of {@code buffers} buffers read by a subscriber that asks for one at a time, as a
 * writer to disk does. {@link Downloads#stream}, whose exchange stays open until the body is read, against a plain
 * {@code flatMapMany} of the file's body, which lacks that, the same with {@code limitRate(32)}, and the same contract
 * from Reactor's sinks and operators ({@link #reactorStream}).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class OperatorsBenchmark {

	private static final Duration DEADLINE = Duration.ofSeconds(10);

	private static final Supplier<Throwable> LATE = () -> new IllegalStateException("late");

	private static final int MAX_BYTES = 10 * 1024 * 1024;

	private static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);

	private static final DataBuffer EMPTY = BUFFERS.wrap(new byte[0]);

	private static final Function<DataBuffer, Integer> DECODE = (buffer) -> {
		int size = buffer.readableByteCount();
		DataBufferUtils.release(buffer);
		return size;
	};

	private static final CallInfo INFO = new CallInfo("export.download", 1, 200, null, null);

	private static final byte[] CHUNK = new byte[512];

	private Sink sink;

	private Sink oneAtATime;

	@Setup(Level.Trial)
	public void setUp(Blackhole blackhole) {
		this.sink = new Sink(blackhole, false);
		this.oneAtATime = new Sink(blackhole, true);
	}

	@Benchmark
	public void deadline() {
		Later call = new Later();
		Deadline.after(call, DEADLINE, LATE).subscribe(this.sink);
		call.emit();
	}

	@Benchmark
	public void deadlineReactor() {
		Later call = new Later();
		call.timeout(DEADLINE).onErrorMap(TimeoutException.class, (ex) -> LATE.get()).subscribe(this.sink);
		call.emit();
	}

	@Benchmark
	public void body(Body body) {
		new ResponseBody<>(body(body.parts), MAX_BYTES, EMPTY, DECODE, LATE).subscribe(this.sink);
	}

	@Benchmark
	public void bodyReactor(Body body) {
		DataBufferUtils.join(body(body.parts), MAX_BYTES)
			.defaultIfEmpty(EMPTY)
			.onErrorMap(DataBufferLimitException.class, (ex) -> LATE.get())
			.map(DECODE)
			.subscribe(this.sink);
	}

	@Benchmark
	public void download(Download download) {
		FeishuVcFileResponse file = file(download.buffers);
		Downloads.stream((read) -> read.apply(file)).subscribe(this.oneAtATime);
	}

	@Benchmark
	public void downloadFlatMapMany(Download download) {
		FeishuVcFileResponse file = file(download.buffers);
		Mono.just(file).flatMapMany(FeishuVcFileResponse::body).subscribe(this.oneAtATime);
	}

	@Benchmark
	public void downloadLimitRate(Download download) {
		FeishuVcFileResponse file = file(download.buffers);
		Mono.just(file).flatMapMany(FeishuVcFileResponse::body).limitRate(32).subscribe(this.oneAtATime);
	}

	@Benchmark
	public void downloadReactor(Download download) {
		FeishuVcFileResponse file = file(download.buffers);
		reactorStream((read) -> read.apply(file)).subscribe(this.oneAtATime);
	}

	/**
	 * What {@link Downloads#stream} does, from Reactor's sinks and operators: each attempt's body handed through a
	 * sink to {@code concat}, which passes the subscriber's demand to the current body, and its end handed back to the
	 * exchange through another sink. It still lacks what ends a body when the exchange's deadline cancels the attempt,
	 * which would add an operator per attempt.
	 */
	static Flux<DataBuffer> reactorStream(Function<Function<FeishuVcFileResponse, Mono<Void>>, Mono<Void>> download) {
		return Flux.defer(() -> {
			Sinks.Many<Flux<DataBuffer>> bodies = Sinks.many().unicast().onBackpressureBuffer();
			Disposable.Swap running = Disposables.swap();
			return Flux.concat(bodies.asFlux())
				.doOnSubscribe((subscription) -> running.update(download.apply((file) -> {
					Sinks.Empty<Void> done = Sinks.empty();
					bodies.tryEmitNext(file.body().doOnComplete(done::tryEmitEmpty).onErrorResume((ex) -> {
						done.tryEmitError(ex);
						return Mono.empty();
					}));
					return done.asMono();
				}).subscribe(null, bodies::tryEmitError, bodies::tryEmitComplete)))
				.doFinally((signal) -> running.dispose());
		});
	}

	private static Flux<DataBuffer> body(int parts) {
		DataBuffer[] buffers = new DataBuffer[parts];
		for (int i = 0; i < parts; i++) {
			buffers[i] = BUFFERS.allocateBuffer(CHUNK.length).write(CHUNK);
		}
		return Flux.fromArray(buffers);
	}

	/** A file whose buffers are pooled and made as they are asked for, as a connection reads them. */
	private static FeishuVcFileResponse file(int buffers) {
		return new FeishuVcFileResponse(INFO, "export.xlsx", (long) buffers * CHUNK.length,
				Flux.range(0, buffers).map((i) -> BUFFERS.allocateBuffer(CHUNK.length).write(CHUNK)));
	}

	/** The body's parts. */
	@State(Scope.Thread)
	public static class Body {

		@Param({ "1", "3" })
		public int parts;

	}

	/** The file's buffers. */
	@State(Scope.Thread)
	public static class Download {

		@Param({ "1", "64" })
		public int buffers;

	}

	/** A call whose value arrives after it was subscribed, as an answer from the network does. */
	private static final class Later extends Mono<String> implements Subscription {

		private CoreSubscriber<? super String> actual;

		@Override
		public void subscribe(CoreSubscriber<? super String> actual) {
			this.actual = actual;
			actual.onSubscribe(this);
		}

		void emit() {
			this.actual.onNext("answer");
			this.actual.onComplete();
		}

		@Override
		public void request(long n) {
		}

		@Override
		public void cancel() {
		}

	}

	/**
	 * Takes every value into the black hole, releasing buffers, asking for all at once or for one at a time (as a
	 * writer to disk does). One serves a trial's operations one after another, so its cost is no side's.
	 */
	private static final class Sink implements CoreSubscriber<Object> {

		private final Blackhole blackhole;

		private final boolean oneAtATime;

		private Subscription subscription;

		Sink(Blackhole blackhole, boolean oneAtATime) {
			this.blackhole = blackhole;
			this.oneAtATime = oneAtATime;
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			this.subscription = subscription;
			subscription.request(this.oneAtATime ? 1 : Long.MAX_VALUE);
		}

		@Override
		public void onNext(Object value) {
			this.blackhole.consume((value instanceof DataBuffer buffer) ? DataBufferUtils.release(buffer) : value);
			if (this.oneAtATime) {
				this.subscription.request(1);
			}
		}

		@Override
		public void onError(Throwable ex) {
			Operators.onErrorDropped(ex, currentContext());
		}

		@Override
		public void onComplete() {
		}

	}

}
