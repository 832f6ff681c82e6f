package io.github.feishuvc.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
				(calls > 0) ? used.cpuNanos() / 1e3 / calls : 0, (calls > 0) ? used.userNanos() / 1e3 / calls : 0,
				(calls > 0) ? used.serverCpuNanos() / 1e3 / calls : 0, perCall(used.cpuNanosByThread(), calls));
	}

	private static void reactive(Contender.Reactive contender, int concurrency, Duration duration, Recorder recorder,
			LongAdder errors) {
		long deadline = System.nanoTime() + duration.toNanos();
		// Each caller loops on its own and only its end is merged, as each blocking caller is a thread of its own:
		// results passed on through one merge would have the callers' threads contend for it.
		Flux.range(0, concurrency).flatMap((caller) -> Mono.defer(() -> {
			long start = System.nanoTime();
			return contender.call()
				.get()
				.doOnSuccess((result) -> recorder.recordValue(System.nanoTime() - start))
				.doOnError((ex) -> errors.increment())
				.onErrorResume((ex) -> Mono.empty());
		}).repeat(() -> System.nanoTime() < deadline).then(), concurrency).blockLast();
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
	record ClientThreads(long allocatedBytes, long cpuNanos, long userNanos, long serverCpuNanos,
			Map<String, Long> cpuNanosByThread) {

		static ClientThreads now() {
			com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
				.getThreadMXBean();
			long allocated = 0;
			long cpu = 0;
			long user = 0;
			long server = 0;
			Map<String, Long> byThread = new HashMap<>();
			for (Thread thread : Thread.getAllStackTraces().keySet()) {
				if (thread.getName().startsWith("bench-server")) {
					server += Math.max(threads.getThreadCpuTime(thread.getId()), 0);
				}
				else {
					long threadCpu = Math.max(threads.getThreadCpuTime(thread.getId()), 0);
					allocated += Math.max(threads.getThreadAllocatedBytes(thread.getId()), 0);
					cpu += threadCpu;
					user += Math.max(threads.getThreadUserTime(thread.getId()), 0);
					byThread.merge(thread.getName(), threadCpu, Long::sum);
				}
			}
			return new ClientThreads(allocated, cpu, user, server, byThread);
		}

		ClientThreads minus(ClientThreads earlier) {
			Map<String, Long> byThread = new HashMap<>(this.cpuNanosByThread);
			earlier.cpuNanosByThread.forEach((name, nanos) -> byThread.computeIfPresent(name, (key, now) -> now - nanos));
			return new ClientThreads(this.allocatedBytes - earlier.allocatedBytes, this.cpuNanos - earlier.cpuNanos,
					this.userNanos - earlier.userNanos, this.serverCpuNanos - earlier.serverCpuNanos, byThread);
		}

	}

	@FunctionalInterface
	private interface Phase {

		void run(Duration duration, Recorder recorder, LongAdder errors) throws Exception;

	}

	private static Map<String, Double> perCall(Map<String, Long> nanosByThread, long calls) {
		Map<String, Double> micros = new HashMap<>();
		nanosByThread.forEach((name, nanos) -> micros.put(name, (calls > 0) ? nanos / 1e3 / calls : 0));
		return micros;
	}

	/**
	 * What one contender achieved at one concurrency.
	 * @param cpuMicrosPerCall client CPU per call, user and kernel time
	 * @param userMicrosPerCall the user-time part of it
	 * @param serverCpuMicrosPerCall the server's CPU per call
	 * @param cpuMicrosByThread client CPU per call by thread name
	 */
	record Result(String contender, int concurrency, long calls, long errors, double throughput, double p50Millis,
			double p99Millis, double bytesPerCall, double cpuMicrosPerCall, double userMicrosPerCall,
			double serverCpuMicrosPerCall, Map<String, Double> cpuMicrosByThread) {
	}

}
