package io.github.feishuvc.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closed-loop load: {@code concurrency} callers each start their next call when the last one ends, first for a
 * warm-up, then for the measured time. Reports calls a second, latency percentiles, and bytes the client's threads
 * allocated per call (the JVM's per-thread allocation counters, the server's {@code bench-server-*} threads left
 * out).
 */
final class Harness {

	private final Duration warmup;

	private final Duration measure;

	Harness(Duration warmup, Duration measure) {
		this.warmup = warmup;
		this.measure = measure;
	}

	Result run(Contender contender, int concurrency) throws Exception {
		if (contender instanceof Contender.Reactive reactive) {
			return run(contender.name(), concurrency, (duration, recorder, errors) -> reactive(reactive, concurrency,
					duration, recorder, errors));
		}
		Contender.Blocking blocking = (Contender.Blocking) contender;
		ExecutorService threads = Executors.newFixedThreadPool(concurrency);
		try {
			return run(contender.name(), concurrency,
					(duration, recorder, errors) -> blocking(blocking, concurrency, threads, duration, recorder, errors));
		}
		finally {
			threads.shutdownNow();
		}
	}

	private Result run(String name, int concurrency, Phase phase) throws Exception {
		phase.run(this.warmup, new Recorder(3), new LongAdder());
		Recorder recorder = new Recorder(3);
		LongAdder errors = new LongAdder();
		ClientThreads before = ClientThreads.now();
		long start = System.nanoTime();
		phase.run(this.measure, recorder, errors);
		long elapsed = System.nanoTime() - start;
		ClientThreads used = ClientThreads.now().minus(before);
		Histogram latencies = recorder.getIntervalHistogram();
		long calls = latencies.getTotalCount();
		return new Result(name, concurrency, calls, errors.sum(), calls / (elapsed / 1e9),
				latencies.getValueAtPercentile(50) / 1e6, latencies.getValueAtPercentile(99) / 1e6,
				(calls > 0) ? (double) used.allocatedBytes() / calls : 0,
				(calls > 0) ? used.cpuNanos() / 1e3 / calls : 0);
	}

	private static void reactive(Contender.Reactive contender, int concurrency, Duration duration, Recorder recorder,
			LongAdder errors) {
		long deadline = System.nanoTime() + duration.toNanos();
		Flux.range(0, concurrency).flatMap((caller) -> Mono.defer(() -> {
			long start = System.nanoTime();
			return contender.call()
				.get()
				.doOnSuccess((result) -> recorder.recordValue(System.nanoTime() - start))
				.doOnError((ex) -> errors.increment())
				.onErrorResume((ex) -> Mono.empty());
		}).repeat(() -> System.nanoTime() < deadline), concurrency).blockLast();
	}

	private static void blocking(Contender.Blocking contender, int concurrency, ExecutorService threads,
			Duration duration, Recorder recorder, LongAdder errors) throws Exception {
		long deadline = System.nanoTime() + duration.toNanos();
		List<Future<?>> callers = new ArrayList<>(concurrency);
		for (int i = 0; i < concurrency; i++) {
			callers.add(threads.submit(() -> {
				while (System.nanoTime() < deadline) {
					long start = System.nanoTime();
					try {
						contender.call().call();
						recorder.recordValue(System.nanoTime() - start);
					}
					catch (Exception ex) {
						errors.increment();
					}
				}
			}));
		}
		for (Future<?> caller : callers) {
			caller.get(duration.toSeconds() + 60, TimeUnit.SECONDS);
		}
	}

	/**
	 * Bytes allocated and CPU time (user and kernel) used so far by every live thread but the server's: what the
	 * client costs, without the scheduling noise of a shared machine that throughput suffers from.
	 */
	record ClientThreads(long allocatedBytes, long cpuNanos) {

		static ClientThreads now() {
			com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
				.getThreadMXBean();
			long allocated = 0;
			long cpu = 0;
			for (Thread thread : Thread.getAllStackTraces().keySet()) {
				if (!thread.getName().startsWith("bench-server")) {
					allocated += Math.max(threads.getThreadAllocatedBytes(thread.getId()), 0);
					cpu += Math.max(threads.getThreadCpuTime(thread.getId()), 0);
				}
			}
			return new ClientThreads(allocated, cpu);
		}

		ClientThreads minus(ClientThreads earlier) {
			return new ClientThreads(this.allocatedBytes - earlier.allocatedBytes, this.cpuNanos - earlier.cpuNanos);
		}

	}

	@FunctionalInterface
	private interface Phase {

		void run(Duration duration, Recorder recorder, LongAdder errors) throws Exception;

	}

	/** What one contender achieved at one concurrency. */
	record Result(String contender, int concurrency, long calls, long errors, double throughput, double p50Millis,
			double p99Millis, double bytesPerCall, double cpuMicrosPerCall) {
	}

}
