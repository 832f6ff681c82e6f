package io.github.feishuvc.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.feishuvc.benchmarks.Harness.Result;
import reactor.core.publisher.Flux;

/**
 * Runs every contender at concurrency 1, 16, 64 and 256 against one local server, then counts the token requests
 * of 1,000 calls starting on a cold cache, and prints a Markdown report (also written to a file with
 * {@code --output=BENCHMARKS.md}). Each contender first runs {@code --jit-warmup=10s} at concurrency 64, then every
 * measurement has {@code --warmup=2s} and {@code --measure=5s}; {@code --only=starter} and
 * {@code --concurrency=1,64} narrow a run down for profiling.
 */
public final class BenchmarkMain {

	private static final String CONCURRENCIES = "1,16,64,256";

	private static final int COLD_CALLS = 1000;

	private static final int JIT_WARMUP_CONCURRENCY = 64;

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		Duration warmup = seconds(option(args, "warmup", "2s"));
		Duration measure = seconds(option(args, "measure", "5s"));
		Duration jitWarmup = seconds(option(args, "jit-warmup", "10s"));
		String output = option(args, "output", null);
		int[] concurrencies = Arrays.stream(option(args, "concurrency", CONCURRENCIES).split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		String only = option(args, "only", null);
		String suite = option(args, "suite", "all");
		int rateLimitCalls = Integer.parseInt(option(args, "rate-limit-calls", "2000"));
		if (suite.equals("rate-limits")) {
			String report = Report.rateLimits(RateLimitBenchmark.run(rateLimitCalls), rateLimitCalls);
			System.out.println(report);
			return;
		}
		Harness harness = new Harness(warmup, measure);
		List<Result> results = new ArrayList<>();
		int starterColdTokens;
		int sdkColdTokens;
		try (BenchmarkServer server = new BenchmarkServer();
				Contender starter = Contenders.starter(server);
				Contender sdk = Contenders.larkSdk(server);
				Contender raw = Contenders.rawNetty(server)) {
			List<Contender> contenders = Stream.of(starter, sdk, raw)
				.filter((contender) -> only == null || contender.name().startsWith(only))
				.toList();
			// Every contender gets its hot paths compiled before any is measured, so none pays for the JIT.
			for (Contender contender : contenders) {
				new Harness(jitWarmup, Duration.ZERO).run(contender, JIT_WARMUP_CONCURRENCY);
			}
			// Concurrency-major, so a drift of the machine during the run touches every contender alike.
			for (int concurrency : concurrencies) {
				for (Contender contender : contenders) {
					Result result = harness.run(contender, concurrency);
					System.err.printf(Locale.ROOT,
							"%-18s c=%-3d %,10.0f calls/s  p50 %6.2f ms  p99 %6.2f ms  %,8.0f B/call  %6.1f us CPU/call  errors %d%n",
							result.contender(), concurrency, result.throughput(), result.p50Millis(),
							result.p99Millis(), result.bytesPerCall(), result.cpuMicrosPerCall(), result.errors());
					results.add(result);
				}
			}
			if (only != null) {
				return;
			}
			starterColdTokens = coldStart(server, Contenders.starter(server));
			sdkColdTokens = coldStart(server, Contenders.larkSdk(server));
		}
		String report = Report.markdown(results, starterColdTokens, sdkColdTokens, jitWarmup, warmup, measure,
				machine(), LocalDate.now().toString());
		if (suite.equals("all")) {
			report += Report.rateLimits(RateLimitBenchmark.run(rateLimitCalls), rateLimitCalls);
		}
		System.out.println(report);
		if (output != null) {
			Files.writeString(Path.of(output), report);
			System.err.println("Wrote " + output);
		}
	}

	private static Duration seconds(String value) {
		return Duration.ofSeconds(Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value));
	}

	/** Token requests made by 1,000 calls that start together on a fresh client. */
	private static int coldStart(BenchmarkServer server, Contender contender) throws Exception {
		int before = server.tokenRequests();
		try (contender) {
			if (contender instanceof Contender.Reactive reactive) {
				Flux.range(0, COLD_CALLS).flatMap((i) -> reactive.call().get(), COLD_CALLS).blockLast();
			}
			else {
				Contender.Blocking blocking = (Contender.Blocking) contender;
				ExecutorService threads = Executors.newFixedThreadPool(COLD_CALLS);
				CountDownLatch start = new CountDownLatch(1);
				for (int i = 0; i < COLD_CALLS; i++) {
					threads.submit(() -> {
						start.await();
						return blocking.call().call();
					});
				}
				start.countDown();
				threads.shutdown();
				threads.awaitTermination(2, TimeUnit.MINUTES);
			}
		}
		return server.tokenRequests() - before;
	}

	private static String machine() {
		String cpu = "unknown CPU";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse(cpu);
		}
		catch (IOException ex) {
			// not Linux: the CPU stays unnamed
		}
		long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getTotalMemorySize();
		return String.format(Locale.ROOT, "%d cores (%s), %d GiB, %s %s, %s %s", Runtime.getRuntime().availableProcessors(),
				cpu, memory >> 30, System.getProperty("os.name"), System.getProperty("os.arch"),
				System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"));
	}

	private static String option(String[] args, String name, String fallback) {
		for (String arg : args) {
			if (arg.startsWith("--" + name + "=")) {
				return arg.substring(name.length() + 3);
			}
		}
		return fallback;
	}

}
