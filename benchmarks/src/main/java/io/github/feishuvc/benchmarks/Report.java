package io.github.feishuvc.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import io.github.feishuvc.benchmarks.Harness.Result;

/** The Markdown report, section by section. */
final class Report {

	static final String COMMAND = "./mvnw -B -q -Pbenchmarks -pl benchmarks -am -DskipTests package && benchmarks/run.sh";

	private Report() {
	}

	/** The title and how the throughput runs are made, once for the whole report. */
	static String intro(int repeats, Duration jitWarmup, Duration warmup, Duration measure, String date) {
		StringBuilder report = new StringBuilder();
		report.append("# Benchmarks\n\n");
		report.append("Fetching the reference reservation (`GET /open-apis/vc/v1/reserves/:reserve_id`, decoded into objects) ")
			.append("from one local Reactor Netty server that answers with prepared bytes, closed-loop at each concurrency. ")
			.append("Each contender first runs ").append(jitWarmup.toSeconds())
			.append("s at concurrency 64 so the JIT has compiled it; then, concurrency by concurrency, each gets ")
			.append(warmup.toSeconds()).append("s of warm-up and ").append(measure.toSeconds()).append("s measured, ")
			.append(repeats).append(" times (the contenders' order turning each time). Each figure is the median of the ")
			.append(repeats).append(" runs; calls/s also shows their spread (lowest–highest).\n\n");
		report.append("- **starter**: `ReserveOperations.get` through the auto-configured context, client-side rate limiter ")
			.append("switched off (`feishu.vc.rate-limit.enabled=false`), retries, deadlines and observation plumbing on as by ")
			.append("default.\n");
		report.append("- **Lark SDK**: `com.larksuite.oapi:oapi-sdk` ")
			.append(com.lark.oapi.Client.class.getPackage().getImplementationVersion())
			.append(", `client.vc().v1().reserve().get(...)`, its OkHttp ")
			.append("transport with a pool of 512 connections; blocking, one thread per concurrent caller.\n");
		report.append("- **raw**: a Reactor Netty `HttpClient` GET with the token header whose body is drained, not decoded: ")
			.append("the ceiling for any client on this machine (and so the server's, as seen by a client).\n\n");
		report.append("Bytes and client CPU per call are those of every thread but the server's (user and kernel time, ")
			.append("the JVM's per-thread counters); on a shared machine they vary less than throughput does.\n\n");
		report.append("Date: ").append(date).append(". Command: `").append(COMMAND).append("`\n");
		return report.toString();
	}

	/** One JVM's throughput table: one row per concurrency, the contenders side by side, and the ratios. */
	static String throughput(List<Result> results, int starterColdTokens, int sdkColdTokens, String machine) {
		StringBuilder report = new StringBuilder();
		report.append("\n## ").append(machine).append("\n\n");
		report.append("| Concurrency | starter calls/s | Lark SDK calls/s | raw calls/s | starter / SDK calls/s ")
			.append("| client CPU µs/call (starter / SDK / raw) | bytes/call (starter / SDK / raw) ")
			.append("| p50 ms (starter / SDK / raw) | p99 ms (starter / SDK / raw) |\n");
		report.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		for (int concurrency : results.stream().mapToInt(Result::concurrency).distinct().toArray()) {
			Median starter = median(results, "starter", concurrency);
			Median sdk = median(results, "Lark SDK", concurrency);
			Median raw = median(results, "raw Reactor Netty", concurrency);
			report.append(String.format(Locale.ROOT,
					"| %d | %s | %s | %s | %.2f | %.1f / %.1f / %.1f | %,.0f / %,.0f / %,.0f | %.2f / %.2f / %.2f | %.2f / %.2f / %.2f |%n",
					concurrency, starter.throughputWithSpread(), sdk.throughputWithSpread(), raw.throughputWithSpread(),
					starter.throughput() / sdk.throughput(), starter.cpuMicrosPerCall(), sdk.cpuMicrosPerCall(),
					raw.cpuMicrosPerCall(), starter.bytesPerCall(), sdk.bytesPerCall(), raw.bytesPerCall(),
					starter.p50Millis(), sdk.p50Millis(), raw.p50Millis(), starter.p99Millis(), sdk.p99Millis(),
					raw.p99Millis()));
		}
		long errors = results.stream().mapToLong(Result::errors).sum();
		report.append("\nErrors during the measured runs: ").append(errors).append(".\n\n");
		report.append("Token requests when 1,000 calls start together on a cold cache: starter **")
			.append(starterColdTokens)
			.append("**, Lark SDK **")
			.append(sdkColdTokens)
			.append("**.\n");
		return report.toString();
	}

	private static Median median(List<Result> results, String contender, int concurrency) {
		List<Result> runs = results.stream()
			.filter((result) -> result.contender().equals(contender) && result.concurrency() == concurrency)
			.toList();
		return new Median(median(runs, Result::throughput), min(runs, Result::throughput), max(runs, Result::throughput),
				median(runs, Result::p50Millis), median(runs, Result::p99Millis), median(runs, Result::bytesPerCall),
				median(runs, Result::cpuMicrosPerCall));
	}

	private static double median(List<Result> runs, ToDoubleFunction<Result> value) {
		double[] values = runs.stream().mapToDouble(value).sorted().toArray();
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

	private static double min(List<Result> runs, ToDoubleFunction<Result> value) {
		return runs.stream().mapToDouble(value).min().orElse(0);
	}

	private static double max(List<Result> runs, ToDoubleFunction<Result> value) {
		return runs.stream().mapToDouble(value).max().orElse(0);
	}

	/** The median of a contender's runs at one concurrency, and the spread of its throughput. */
	record Median(double throughput, double lowest, double highest, double p50Millis, double p99Millis,
			double bytesPerCall, double cpuMicrosPerCall) {

		String throughputWithSpread() {
			return String.format(Locale.ROOT, "%,.0f (%,.0f–%,.0f)", this.throughput, this.lowest, this.highest);
		}

	}

	static String rateLimits(List<RateLimitBenchmark.Result> results, int calls, String[] overrides) {
		StringBuilder report = new StringBuilder();
		report.append("\n## Three instances under the platform's rate limits\n\n");
		report.append("Three instances of one app (and, for comparison, one alone), each with 16 calls in flight, until ").append(calls)
			.append(" calls have succeeded, against the emulator enforcing the platform's limits for the reserve APIs ")
			.append("(50 calls a second and 1,000 a minute, per app, tenant and API, counted at arrival; a call over them ")
			.append("gets HTTP 429 / `99991400`). The limits let ").append(calls).append(" calls arrive in ")
			.append(RateLimitBenchmark.leastTime(calls).toSeconds())
			.append(" s at the least (1,000 in the first 20 seconds, the next once the first are a minute old); the share ")
			.append("of the limit is that time over the time taken, the calls per second achieved over the limits'. The ")
			.append("starter waits in its limiter (`max-wait` raised to 120 s) and retries a 429 as by default; the SDK has ")
			.append("no limiter, and its callers wait as each 429's `x-ogw-ratelimit-reset` says. Each instance first ")
			.append("reads a meeting (another API, whose budget is its own), so that its token, connections and code are ")
			.append("warm, as in an application that has been serving; the clock starts after.")
			.append((overrides.length == 0) ? " The starter runs with its defaults." : " The starter runs with `"
					+ String.join("`, `", overrides) + "`.")
			.append("\n\n");
		report.append("| Contender | calls | time | calls/s | share of the limit | 429s answered | failed calls |\n");
		report.append("| --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
		results.forEach((result) -> report.append(result.row()).append('\n'));
		report.append("\nArrival jitter, for the margins (rows with no 429, whose arrivals were all counted): the ")
			.append("delay from a call's send (a filter of the application's `WebClient`) to the emulator's receipt of it (median / ")
			.append("99th percentile / longest) and its spread (longest less shortest: how much closer together two calls ")
			.append("can arrive than they were sent); the least time the platform saw between a call and the 50th before ")
			.append("it, and between a call and the 1,000th before it less a minute. The limiter keeps permits a second ")
			.append("and the margin, and a minute and the margin, apart (a busy spell's first calls the cold margin more): ")
			.append("what the spans lose against those is what the margins absorbed (the spread, and any send later than ")
			.append("its permit). Both spans must stay at or above a second and zero.\n\n");
		report.append("| Contender | send to arrival | spread | least 50-call span | least 1,000-call span over a minute ")
			.append("| calls paired |\n");
		report.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
		results.stream()
			.filter((result) -> !result.contender().startsWith("Lark"))
			.forEach((result) -> report.append(result.jitterRow()).append('\n'));
		return report.toString();
	}

	static String tenants(TenantsBenchmark.Result result) {
		StringBuilder report = new StringBuilder();
		report.append("\n## Ten thousand tenants\n\n");
		report.append("A store app installed by ").append(String.format(Locale.ROOT, "%,d", result.tenants()))
			.append(" tenants, each making ").append(result.callsPerTenant())
			.append(" `reserves.forTenant(tenant).get(...)` calls, 256 in flight, against the emulator in the same JVM ")
			.append("(its tokens and recorded requests dropped before each reading). *Heap per active tenant* is the ")
			.append("client's heap after a full GC, over the heap before the tenants called, per tenant: their limiter ")
			.append("windows and cached tenant tokens. *When idle*: the same once the tenants have been idle past the ")
			.append("token cache's idle time (30 s here, `feishu.vc.store-app.tenant-idle-time`) and the limiter's minute, ")
			.append("and one call has let the limiter sweep. Windows / slots: the limiter's tenant and operation windows ")
			.append("and the permit times they keep.\n\n");
		report.append("| tenants | calls each | token fetches per tenant | calls/s | p99 latency | heap per active tenant ")
			.append("| windows / slots | heap per tenant, idle | windows, idle |\n");
		report.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		report.append(result.row()).append('\n');
		return report.toString();
	}

	/** The large download: each run of each contender, then the medians. */
	static String exports(List<ExportsBenchmark.Run> runs, String machine) {
		StringBuilder report = new StringBuilder();
		report.append("\n## Downloading a large export\n\n");
		report.append("A meeting list export padded to ").append(String.format(Locale.ROOT, "%,.0f",
				runs.get(0).bytes() / 1e6))
			.append(" MB, served by the emulator in the same JVM from disk (Reactor Netty's `sendFile`, nothing on the ")
			.append("heap), downloaded to a file by each client in turn: the starter's `ExportOperations.downloadTo` ")
			.append("(buffers written to a temporary file as they arrive, moved into place once whole) and the Lark SDK's ")
			.append("`export().download(...)` then `writeFile(...)`. *Live heap growth* is the most heap in use after any ")
			.append("collection during the download over the heap in use after a full collection before it: what the ")
			.append("download kept live. *Peak heap growth* is the most in use at any 5 ms sample, garbage included. ")
			.append(machine).append(". Command: `java -jar benchmarks/target/benchmarks.jar --suite=exports`.\n\n");
		report.append("| contender | MB | seconds | MB/s | live heap growth MB | peak heap growth MB |\n");
		report.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
		for (ExportsBenchmark.Run run : runs) {
			report.append(run.row()).append('\n');
		}
		report.append('\n');
		for (String contender : List.of("starter", "Lark SDK")) {
			double[] speeds = runs.stream()
				.filter((run) -> run.contender().equals(contender))
				.mapToDouble(ExportsBenchmark.Run::megabytesPerSecond)
				.sorted()
				.toArray();
			long[] live = runs.stream()
				.filter((run) -> run.contender().equals(contender))
				.mapToLong(ExportsBenchmark.Run::liveGrowth)
				.sorted()
				.toArray();
			report.append(String.format(Locale.ROOT, "- %s: median %,.0f MB/s, median live heap growth %,.1f MB%n",
					contender, speeds[speeds.length / 2], live[live.length / 2] / 1e6));
		}
		return report.toString();
	}

	/** The events suite: one row per run, then the in-process comparison. */
	static String events(List<EventsBenchmark.Result> results, int events, int warmup, int inboxEvents, String machine,
			String started, String loadBefore, String loadAfter) {
		StringBuilder report = new StringBuilder();
		report.append("\n## Events from the platform to the listeners\n\n");
		report.append("Events per second and the time from an event's receipt to its listener, for each way the platform ")
			.append("is answered: `feishu.vc.events.acknowledge=on-receipt` and `after-listeners` (in memory), and the ")
			.append("inbox on a real `redis-server` (append-only file on, fsync every second; the inbox acknowledges once ")
			.append("`XADD` returned, and the instances read the stream in one consumer group, polling every 100 ms ")
			.append("while it is empty). One instance and three, each a Spring context of this JVM (the three share the ")
			.append("Redis; in memory each keeps its own ids); one listener per instance, which notes the time and ")
			.append("returns. Each run handles ").append(String.format(Locale.ROOT, "%,d", warmup))
			.append(" events unmeasured (five times as many in the first run of each transport), then ")
			.append(String.format(Locale.ROOT, "%,d", events)).append(" measured; through the inbox, which drains ")
			.append("far slower, ").append(String.format(Locale.ROOT, "%,d", Math.min(events, inboxEvents)))
			.append(" measured after ").append(Math.min(warmup, inboxEvents / 5)).append(". The runs marked *paced* ")
			.append("send one event every 25 ms from one sender for 5 s, one instance, below what any mode drains: the ")
			.append("latency of an event that meets no queue. The others send as fast as their senders can, so their ")
			.append("latency is mostly the time an event waits behind the others.\n\n");
		report.append("- **webhook**: prepared pushes (plain JSON with the verification token, a unique event id each) ")
			.append("posted by a Reactor Netty client, ").append(EventsBenchmark.WEBHOOK_IN_FLIGHT)
			.append(" in flight, round robin over the instances' endpoints (WebFlux on Reactor Netty); receipt is when ")
			.append("a `WebFilter` of the application sees the request.\n");
		report.append("- **long connection**: the emulator's `pushEvent` from ").append(EventsBenchmark.PUSHING_THREADS)
			.append(" threads, since each push waits for its acknowledgement (so at most that many events are in ")
			.append("flight, and the platform's side, the emulator, is part of the cost); each event goes down one of ")
			.append("the open connections chosen at random. Receipt is when the pushing thread hands the event to the ")
			.append("emulator: the frame's encoding, the loopback hop and its decoding are in the latency.\n");
		report.append("- **in process, no HTTP**: the same pushes handed on ").append(EventsBenchmark.PUSHING_THREADS)
			.append(" threads to the official SDK's `com.lark.oapi.event.EventDispatcher.handle` (")
			.append(com.lark.oapi.Client.class.getPackage().getImplementationVersion())
			.append("; verify the token, parse, dispatch to a handler on the calling thread; nothing to decrypt, ")
			.append("the pushes are plain) and to the starter's `FeishuEventReceiver.receive` (verify, parse, claim the ")
			.append("id, hand over to the listener pool; on receipt, in memory). Receipt is the call.\n\n");
		report.append("Events/s count from the first measured receipt to the last measured event handled. *Not 200* is ")
			.append("the answers other than 200 (or pushes the emulator saw fail), warm-up included; *seen again* the ")
			.append("events a listener got a second time. ").append(machine).append(". Started ").append(started)
			.append(", load average before ").append(loadBefore).append(", after ").append(loadAfter)
			.append(": the load generator, the emulator, the instances and Redis share the machine's cores, so the ")
			.append("figures are those of a loaded 2-core box, not of a server. Command: ")
			.append("`java -jar benchmarks/target/benchmarks.jar --suite=events`.\n\n");
		report.append("| transport | acknowledged | instances | sent | events handled | events/s | p50 ms | p99 ms ")
			.append("| max ms | not 200 | seen again |\n");
		report.append("| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		results.forEach((result) -> report.append(result.row()).append('\n'));
		return report.toString();
	}

}
