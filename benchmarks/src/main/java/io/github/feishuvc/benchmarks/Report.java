package io.github.feishuvc.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.github.feishuvc.benchmarks.Harness.Result;

/** The Markdown report: one row per concurrency, the three contenders side by side, and the ratios. */
final class Report {

	static final String COMMAND = "./mvnw -B -q -Pbenchmarks -pl benchmarks -am -DskipTests package && java -jar benchmarks/target/benchmarks.jar --output=BENCHMARKS.md";

	private Report() {
	}

	static String markdown(List<Result> results, int starterColdTokens, int sdkColdTokens, Duration jitWarmup,
			Duration warmup, Duration measure, String machine, String date) {
		StringBuilder report = new StringBuilder();
		report.append("# Benchmarks\n\n");
		report.append("Fetching the reference reservation (`GET /open-apis/vc/v1/reserves/:reserve_id`, decoded into objects) ")
			.append("from one local Reactor Netty server that answers with prepared bytes, closed-loop at each concurrency. ")
			.append("Each contender first runs ").append(jitWarmup.toSeconds())
			.append("s at concurrency 64 so the JIT has compiled it; then, concurrency by concurrency, each gets ")
			.append(warmup.toSeconds()).append("s of warm-up and ").append(measure.toSeconds()).append("s measured.\n\n");
		report.append("- **starter**: `ReserveOperations.get` through the auto-configured context, client-side rate limiter ")
			.append("switched off (`feishu.vc.rate-limit.enabled=false`), retries and observation plumbing on as by default.\n");
		report.append("- **Lark SDK**: `com.larksuite.oapi:oapi-sdk` ")
			.append(com.lark.oapi.Client.class.getPackage().getImplementationVersion())
			.append(", `client.vc().v1().reserve().get(...)`, its OkHttp ")
			.append("transport with a pool of 512 connections; blocking, one thread per concurrent caller.\n");
		report.append("- **raw**: a Reactor Netty `HttpClient` GET with the token header whose body is drained, not decoded: ")
			.append("the ceiling for any client on this machine (and so the server's, as seen by a client).\n\n");
		report.append("Bytes and client CPU per call are those of every thread but the server's (user and kernel time, ")
			.append("the JVM's per-thread counters); on a shared machine they vary less than throughput does.\n\n");
		report.append("Machine: ").append(machine).append(". Date: ").append(date).append(".\n\n");
		report.append("Command: `").append(COMMAND).append("`\n\n");
		report.append("| Concurrency | starter calls/s | Lark SDK calls/s | raw calls/s | starter / SDK | starter / raw ")
			.append("| p50 ms (starter / SDK / raw) | p99 ms (starter / SDK / raw) | bytes/call (starter / SDK / raw) ")
			.append("| client CPU µs/call (starter / SDK / raw) |\n");
		report.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		for (int concurrency : results.stream().mapToInt(Result::concurrency).distinct().toArray()) {
			Result starter = find(results, "starter", concurrency);
			Result sdk = find(results, "Lark SDK", concurrency);
			Result raw = find(results, "raw Reactor Netty", concurrency);
			report.append(String.format(Locale.ROOT,
					"| %d | %,.0f | %,.0f | %,.0f | %.2f | %.2f | %.2f / %.2f / %.2f | %.2f / %.2f / %.2f | %,.0f / %,.0f / %,.0f | %.1f / %.1f / %.1f |%n",
					concurrency, starter.throughput(), sdk.throughput(), raw.throughput(),
					starter.throughput() / sdk.throughput(), starter.throughput() / raw.throughput(), starter.p50Millis(),
					sdk.p50Millis(), raw.p50Millis(), starter.p99Millis(), sdk.p99Millis(), raw.p99Millis(),
					starter.bytesPerCall(), sdk.bytesPerCall(), raw.bytesPerCall(), starter.cpuMicrosPerCall(),
					sdk.cpuMicrosPerCall(), raw.cpuMicrosPerCall()));
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

	static String rateLimits(List<RateLimitBenchmark.Result> results, int calls) {
		StringBuilder report = new StringBuilder();
		report.append("\n## Three instances under the platform's rate limits\n\n");
		report.append("Three instances of one app, each with 16 calls in flight, until ").append(calls)
			.append(" calls have succeeded, against the emulator enforcing the platform's limits for the reserve APIs ")
			.append("(50 calls a second and 1,000 a minute, per app, tenant and API, counted at arrival; a call over them ")
			.append("gets HTTP 429 / `99991400`). The limits let ").append(calls).append(" calls arrive in ")
			.append(RateLimitBenchmark.leastTime(calls).toSeconds())
			.append(" s at the least (1,000 in the first 20 seconds, the next once the first are a minute old); the share ")
			.append("of the limit is that time over the time taken, the calls per second achieved over the limits'. The ")
			.append("starter waits in its limiter (`max-wait` raised to 120 s) and retries a 429 as by default; the SDK has ")
			.append("no limiter, and its callers wait as each 429's `x-ogw-ratelimit-reset` says.\n\n");
		report.append("| Contender | calls | time | calls/s | share of the limit | 429s answered | failed calls |\n");
		report.append("| --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
		results.forEach((result) -> report.append(result.row()).append('\n'));
		return report.toString();
	}

	private static Result find(List<Result> results, String contender, int concurrency) {
		return results.stream()
			.filter((result) -> result.contender().equals(contender) && result.concurrency() == concurrency)
			.findFirst()
			.orElseThrow();
	}

}
