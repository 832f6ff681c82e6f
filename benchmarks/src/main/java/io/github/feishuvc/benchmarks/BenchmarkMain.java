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
 * The benchmark, in suites whose Markdown sections make up {@code BENCHMARKS.md} ({@code benchmarks/run.sh} runs them
 * on each JDK and joins them): {@code --suite=intro} (the method), {@code throughput} (every contender at concurrency
 * 1, 16, 64 and 256, each point measured {@code --repeats=3} times, then the token requests of 1,000 calls starting on
 * a cold cache), {@code profile} (where a call's CPU and bytes go, by layer and thread, under JFR),
 * {@code tenants} (a store app's {@code --tenants=10000} tenants calling at once: heap per tenant, token fetches,
 * latency), {@code rate-limits} (three instances under the platform's limits, and one alone, with the jitter of the
 * calls' arrivals; {@code --set=feishu.vc.rate-limit.margin=20ms,...} tries other settings), {@code exports} (a
 * {@code --export-size} export, 256 MB, downloaded to disk {@code --export-runs} times by each client: heap growth and
 * throughput), {@code events} (events per second and the time from receipt to listener, acknowledged on receipt, after
 * the listeners and through the inbox on a real {@code redis-server}, one instance and three, webhook and long
 * connection, and the official SDK's event dispatcher in process; {@code --events=5000} measured per run after
 * {@code --event-warmup=2000}, at most {@code --inbox-events=500} through the inbox), {@code operators} (the hand-written reactive operators against Reactor's under JMH,
 * from the module's classpath rather than this jar: see {@code benchmarks/run.sh}) and {@code all} (the six before
 * {@code events}; the default).
 * {@code --output=BENCHMARKS.md} also writes the report to a file. Each contender first runs
 * {@code --jit-warmup=10s} at concurrency 64, then every measurement has {@code --warmup=2s} and
 * {@code --measure=5s}; {@code --only=starter} and {@code --concurrency=1,64} narrow a run down.
 */
public final class BenchmarkMain {

	private static final String CONCURRENCIES = "1,16,64,256";

	private static final String PROFILED_CONCURRENCIES = "1,16";

	private static final int COLD_CALLS = 1000;

	private static final int JIT_WARMUP_CONCURRENCY = 64;

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		Duration warmup = seconds(option(args, "warmup", "2s"));
		Duration measure = seconds(option(args, "measure", "5s"));
		Duration jitWarmup = seconds(option(args, "jit-warmup", "10s"));
		String output = option(args, "output", null);
		String only = option(args, "only", null);
		int repeats = Integer.parseInt(option(args, "repeats", "3"));
		String suite = option(args, "suite", "all");
		int rateLimitCalls = Integer.parseInt(option(args, "rate-limit-calls", "2000"));
		Harness harness = new Harness(warmup, measure);
		StringBuilder report = new StringBuilder();
		if (suite.equals("all") || suite.equals("intro")) {
			report.append(Report.intro(repeats, jitWarmup, warmup, measure, LocalDate.now().toString()));
		}
		if (suite.equals("all") || suite.equals("throughput")) {
			report.append(throughput(harness, jitWarmup, concurrencies(args, CONCURRENCIES), only, repeats));
		}
		if (suite.equals("all") || suite.equals("profile")) {
			report.append(profile(harness, jitWarmup, concurrencies(args, PROFILED_CONCURRENCIES), only));
		}
		if (suite.equals("all") || suite.equals("tenants")) {
			int tenants = Integer.parseInt(option(args, "tenants", "10000"));
			report.append(Report.tenants(TenantsBenchmark.run(tenants, 3)));
		}
		if (suite.equals("all") || suite.equals("rate-limits")) {
			String set = option(args, "set", null);
			String[] overrides = (set != null) ? set.split(",") : new String[0];
			report.append(Report.rateLimits(RateLimitBenchmark.run(rateLimitCalls, overrides, only), rateLimitCalls,
					overrides));
		}
		if (suite.equals("all") || suite.equals("exports")) {
			long size = Long.parseLong(option(args, "export-size", Long.toString(256L * 1024 * 1024)));
			int runs = Integer.parseInt(option(args, "export-runs", "3"));
			report.append(Report.exports(ExportsBenchmark.run(size, runs), machine()));
		}
		if (suite.equals("events")) {
			int events = Integer.parseInt(option(args, "events", "5000"));
			int eventWarmup = Integer.parseInt(option(args, "event-warmup", "2000"));
			String started = java.time.Instant.now().toString();
			String loadBefore = loadAverage();
			int inboxEvents = Integer.parseInt(option(args, "inbox-events", "500"));
			List<EventsBenchmark.Result> results = EventsBenchmark.run(events, eventWarmup, inboxEvents);
			report.append(Report.events(results, events, eventWarmup, inboxEvents, machine(), started, loadBefore,
					loadAverage()));
		}
		if (suite.equals("operators")) {
			report.append(Operators.run(only, machine()));
		}
		System.out.print(report);
		if (output != null) {
			Files.writeString(Path.of(output), report);
			System.err.println("Wrote " + output);
		}
	}

	private static String throughput(Harness harness, Duration jitWarmup, int[] concurrencies, String only,
			int repeats) throws Exception {
		List<Result> results = new ArrayList<>();
		try (BenchmarkServer server = new BenchmarkServer();
				Contender starter = Contenders.starter(server);
				Contender sdk = Contenders.larkSdk(server);
				Contender raw = Contenders.rawNetty(server)) {
			List<Contender> contenders = select(only, starter, sdk, raw);
			// Every contender gets its hot paths compiled before any is measured, so none pays for the JIT.
			for (Contender contender : contenders) {
				new Harness(jitWarmup, Duration.ZERO).run(contender, JIT_WARMUP_CONCURRENCY);
			}
			// Concurrency-major, with the contenders' order turning each repeat, so a drift of the machine during the run
			// touches every contender alike.
			for (int concurrency : concurrencies) {
				for (int repeat = 0; repeat < repeats; repeat++) {
					for (int i = 0; i < contenders.size(); i++) {
						results.add(measure(harness, contenders.get((i + repeat) % contenders.size()), concurrency));
					}
				}
			}
			if (only != null) {
				return "";
			}
			int starterColdTokens = coldStart(server, Contenders.starter(server));
			int sdkColdTokens = coldStart(server, Contenders.larkSdk(server));
			return Report.throughput(results, starterColdTokens, sdkColdTokens, machine());
		}
	}

	private static String profile(Harness harness, Duration jitWarmup, int[] concurrencies, String only)
			throws Exception {
		List<Profile.Breakdown> breakdowns = new ArrayList<>();
		try (BenchmarkServer server = new BenchmarkServer();
				Contender starter = Contenders.starter(server);
				Contender sdk = Contenders.larkSdk(server)) {
			for (Contender contender : select(only, starter, sdk)) {
				new Harness(jitWarmup, Duration.ZERO).run(contender, JIT_WARMUP_CONCURRENCY);
				for (int concurrency : concurrencies) {
					Profile.Breakdown breakdown = Profile.run(contender, concurrency, harness);
					System.err.printf(Locale.ROOT, "profiled %s c=%d: %.1f us CPU/call, %,.0f B/call%n",
							contender.name(), concurrency, breakdown.result().cpuMicrosPerCall(),
							breakdown.result().bytesPerCall());
					breakdowns.add(breakdown);
				}
			}
		}
		return Profile.markdown(breakdowns, Report.COMMAND, machine());
	}

	private static List<Contender> select(String only, Contender... contenders) {
		return Stream.of(contenders).filter((contender) -> only == null || contender.name().startsWith(only)).toList();
	}

	private static int[] concurrencies(String[] args, String fallback) {
		return Arrays.stream(option(args, "concurrency", fallback).split(",")).mapToInt(Integer::parseInt).toArray();
	}

	private static Result measure(Harness harness, Contender contender, int concurrency) throws Exception {
		Result result = harness.run(contender, concurrency);
		System.err.printf(Locale.ROOT,
				"%-18s c=%-3d %,10.0f calls/s  p50 %6.2f ms  p99 %6.2f ms  %,8.0f B/call  %6.1f us CPU/call  server %5.1f us/call  errors %d%n",
				result.contender(), concurrency, result.throughput(), result.p50Millis(), result.p99Millis(),
				result.bytesPerCall(), result.cpuMicrosPerCall(), result.serverCpuMicrosPerCall(), result.errors());
		return result;
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

	/** The 1-, 5- and 15-minute load averages, as {@code uptime} shows them. */
	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " / " + fields[1] + " / " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
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
