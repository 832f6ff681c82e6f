package io.github.feishuvc.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import io.github.feishuvc.core.OperatorsBenchmark;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The {@code operators} suite: {@link OperatorsBenchmark} under JMH with its GC profiler, as a Markdown table of time
 * and bytes per operation, with the load of the machine before and after. JMH forks JVMs on the classpath of this one,
 * so the suite runs from the module's classes and dependencies, not from the repackaged jar (see
 * {@code benchmarks/run.sh}).
 */
final class Operators {

	private Operators() {
	}

	static String run(String only, String machine) throws Exception {
		String before = load();
		Instant start = Instant.now();
		OptionsBuilder options = new OptionsBuilder();
		options.include(OperatorsBenchmark.class.getName() + "." + ((only != null) ? only : ""));
		options.addProfiler(GCProfiler.class);
		Collection<RunResult> results = new Runner(options.build()).run();
		StringBuilder out = new StringBuilder();
		out.append("\n## The hand-written operators against Reactor's\n\n");
		out.append("JMH, `OperatorsBenchmark` (what each pair does: its javadoc), with the GC profiler; each row two forks of ")
			.append("5 measured iterations of 2 s after 5 of 1 s. Bytes per operation are those allocated per operation ")
			.append("(JMH's `gc.alloc.rate.norm`), the figure that holds on a shared machine; time is the mean and its 99.9% error. ")
			.append(machine)
			.append(". Started ")
			.append(start)
			.append(", load average before ")
			.append(before)
			.append(", after ")
			.append(load())
			.append(" (other builds shared the 2 cores). Command: `benchmarks/run.sh` (its `--suite=operators` part).\n\n");
		out.append("| benchmark | parameters | ns/op | B/op |\n| --- | --- | ---: | ---: |\n");
		for (RunResult result : results) {
			BenchmarkParams params = result.getParams();
			String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
			String parameters = params.getParamsKeys()
				.stream()
				.map((key) -> key + "=" + params.getParam(key))
				.collect(Collectors.joining(", "));
			Result time = result.getPrimaryResult();
			Result bytes = result.getSecondaryResults().get("gc.alloc.rate.norm");
			out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", name, parameters, figure(time),
					(bytes != null) ? figure(bytes) : "–"));
		}
		return out.toString();
	}

	private static String figure(Result result) {
		double error = result.getScoreError();
		return Double.isNaN(error) ? String.format(Locale.ROOT, "%,.1f", result.getScore())
				: String.format(Locale.ROOT, "%,.1f ± %,.1f", result.getScore(), error);
	}

	private static String load() throws IOException {
		Path loadavg = Path.of("/proc/loadavg");
		if (!Files.exists(loadavg)) {
			return "unknown";
		}
		String[] fields = Files.readString(loadavg).split(" ");
		return fields[0] + " / " + fields[1] + " / " + fields[2];
	}

}
