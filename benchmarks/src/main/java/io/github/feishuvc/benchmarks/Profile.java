package io.github.feishuvc.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import io.github.feishuvc.benchmarks.Harness.Result;

/**
 * Where a call's CPU time and allocated bytes go, by layer and by thread: a JFR recording of one contender at one
 * concurrency (execution samples every millisecond, allocation samples counted alike), each sample charged to the
 * first frame from its top that is not the JDK's own (a {@code HashMap.put} is the cost of whoever called it), and
 * the shares scaled to the CPU and bytes per call the harness measured in the same window.
 */
final class Profile {

	/** Package prefixes to layers, the most specific first. */
	private static final Map<String, String> LAYERS = layers();

	private static final String KERNEL = "kernel (system calls: sockets, wake-ups)";

	private Profile() {
	}

	private static Map<String, String> layers() {
		Map<String, String> layers = new LinkedHashMap<>();
		layers.put("io.github.feishuvc.benchmarks.", "benchmark harness");
		layers.put("io.github.feishuvc.auth.", "token lookup (starter)");
		layers.put("io.github.feishuvc.", "starter");
		layers.put("tools.jackson.", "Jackson (decoding)");
		layers.put("com.fasterxml.jackson.", "Jackson (decoding)");
		layers.put("com.google.gson.", "Gson (decoding)");
		layers.put("org.springframework.web.reactive.function.client.", "WebClient");
		layers.put("org.springframework.http.client.reactive.", "Spring's Reactor Netty connector");
		layers.put("org.springframework.", "Spring core (headers, buffers, URIs)");
		layers.put("io.micrometer.", "Micrometer (observation, context propagation)");
		layers.put("reactor.netty.", "Reactor Netty");
		layers.put("reactor.", "Reactor operators");
		layers.put("io.netty.", "Netty");
		layers.put("com.lark.oapi.okhttp.", "OkHttp (SDK's copy)");
		layers.put("com.lark.oapi.okio.", "OkHttp (SDK's copy)");
		layers.put("com.lark.oapi.", "Lark SDK");
		return layers;
	}

	/** Profile one contender at one concurrency: measure with the harness while JFR records. */
	static Breakdown run(Contender contender, int concurrency, Harness harness) throws Exception {
		// Kept for a closer look, e.g. in JDK Mission Control or with `jfr print`.
		Path file = Path.of("benchmarks", "target",
				"profile-" + contender.name().replace(' ', '-') + "-c" + concurrency + ".jfr");
		Files.createDirectories(file.getParent());
		try (Recording recording = new Recording()) {
			recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1)).withStackTrace();
			recording.enable("jdk.ObjectAllocationSample").with("throttle", "5000/s").withStackTrace();
			recording.setToDisk(true);
			recording.start();
			Result result = harness.run(contender, concurrency);
			recording.stop();
			recording.dump(file);
			return Breakdown.of(result, RecordingFile.readAllEvents(file));
		}
	}

	private static String layer(RecordedStackTrace stack) {
		for (RecordedFrame frame : stack.getFrames()) {
			if (!frame.isJavaFrame()) {
				continue;
			}
			String type = frame.getMethod().getType().getName();
			if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
					|| type.startsWith("com.sun.") || type.startsWith("javax.")) {
				continue;
			}
			for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
				if (type.startsWith(layer.getKey())) {
					return layer.getValue();
				}
			}
			return "other libraries";
		}
		return "the JDK alone (threads, locks, I/O)";
	}

	/** A thread's role, from its name: who runs which part of a call. */
	private static String threadGroup(String name) {
		if (name.startsWith("reactor-http")) {
			return "Reactor Netty event loop";
		}
		if (name.startsWith("feishu-vc-deadlines")) {
			return "starter's deadline timer";
		}
		if (name.startsWith("parallel-")) {
			return "Reactor parallel scheduler (timers)";
		}
		if (name.startsWith("boundedElastic-")) {
			return "Reactor boundedElastic";
		}
		if (name.startsWith("pool-") || name.equals("main")) {
			return "caller threads";
		}
		if (name.startsWith("JFR")) {
			return "JFR (the recording itself)";
		}
		if (name.startsWith("OkHttp")) {
			return "OkHttp threads";
		}
		return "other threads";
	}

	/**
	 * The shares of CPU and bytes, scaled to the measured costs per call.
	 * @param result what the harness measured while recording
	 * @param cpuByLayer CPU µs per call by layer
	 * @param bytesByLayer bytes per call by layer
	 * @param cpuByThread CPU µs per call by thread group
	 */
	record Breakdown(Result result, Map<String, Double> cpuByLayer, Map<String, Double> bytesByLayer,
			Map<String, Double> cpuByThread) {

		static Breakdown of(Result result, List<RecordedEvent> events) {
			Map<String, Double> cpu = new LinkedHashMap<>();
			Map<String, Double> bytes = new LinkedHashMap<>();
			Map<String, Double> threads = new LinkedHashMap<>();
			for (RecordedEvent event : events) {
				RecordedThread thread = event.getThread(
						event.getEventType().getName().equals("jdk.ExecutionSample") ? "sampledThread" : "eventThread");
				String threadName = (thread != null && thread.getJavaName() != null) ? thread.getJavaName() : "";
				if (threadName.startsWith("bench-server") || event.getStackTrace() == null) {
					continue;
				}
				String layer = layer(event.getStackTrace());
				if (event.getEventType().getName().equals("jdk.ExecutionSample")) {
					cpu.merge(layer, 1.0, Double::sum);
				}
				else {
					// Counted rather than weighed: a sample's weight (the bytes since the thread's last sample) lands
					// whole on one stack, and a loop that allocates alike on every call makes a few stacks take it all.
					bytes.merge(layer, 1.0, Double::sum);
				}
			}
			// Execution samples see threads running Java code, so they share out user time; kernel time is a row of
			// its own.
			Map<String, Double> cpuByLayer = scaled(cpu, result.userMicrosPerCall());
			cpuByLayer.put(KERNEL, result.cpuMicrosPerCall() - result.userMicrosPerCall());
			result.cpuMicrosByThread().forEach((name, micros) -> threads.merge(threadGroup(name), micros, Double::sum));
			threads.values().removeIf((micros) -> micros < 0.05);
			return new Breakdown(result, sorted(cpuByLayer), scaled(bytes, result.bytesPerCall()), sorted(threads));
		}

		private static Map<String, Double> scaled(Map<String, Double> samples, double total) {
			double sum = samples.values().stream().mapToDouble(Double::doubleValue).sum();
			Map<String, Double> scaled = new LinkedHashMap<>();
			samples.forEach((key, value) -> scaled.put(key, (sum > 0) ? value / sum * total : 0));
			return sorted(scaled);
		}

		private static Map<String, Double> sorted(Map<String, Double> values) {
			Map<String, Double> sorted = new LinkedHashMap<>();
			values.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
				.forEach((entry) -> sorted.put(entry.getKey(), entry.getValue()));
			return sorted;
		}

	}

	/** The breakdowns as Markdown: one table by layer, one by thread, the contenders and concurrencies side by side. */
	static String markdown(List<Breakdown> breakdowns, String command, String machine) {
		StringBuilder report = new StringBuilder();
		report.append("\n## Where a call's cost goes: ").append(machine).append("\n\n");
		report.append("A JFR recording of the starter and the SDK alone at each concurrency (execution samples every ")
			.append("millisecond; allocation samples, each an object that opened a new thread-local allocation ")
			.append("buffer, at most 5,000 a second picked at random, in a JVM with small fixed buffers of 4 KB so that ")
			.append("the pick is random and an object's chance proportional to its size), after the same JIT warm-up ")
			.append("and warm-up as above, in a run of its own. The small buffers make the run's allocation a little ")
			.append("dearer than in the throughput runs, for both contenders alike. Each sample is charged to the first frame from the top of its ")
			.append("stack that is not the JDK's (a `HashMap.put` is the cost of its caller). Execution samples see threads ")
			.append("running Java code, so they share out the user CPU time measured in the same window; kernel time is ")
			.append("its own row. Allocation samples share out the bytes measured alike. The thread table is exact: the JVM's ")
			.append("per-thread CPU counters. The recordings stay in `benchmarks/target/profile-*.jfr`.\n\n");
		report.append("Command: `").append(command).append("` (its `--suite=profile` part)\n\n");
		report.append(table("Client CPU µs per call, by layer", breakdowns, Breakdown::cpuByLayer, "%.1f"));
		report.append(table("Bytes allocated per call, by layer", breakdowns, Breakdown::bytesByLayer, "%,.0f"));
		report.append(table("Client CPU µs per call, by thread (the hops a call makes)", breakdowns,
				Breakdown::cpuByThread, "%.1f"));
		return report.toString();
	}

	private static String table(String title, List<Breakdown> breakdowns,
			Function<Breakdown, Map<String, Double>> values, String format) {
		StringBuilder table = new StringBuilder();
		table.append("### ").append(title).append("\n\n| |");
		for (Breakdown breakdown : breakdowns) {
			table.append(' ')
				.append(breakdown.result().contender())
				.append(", c=")
				.append(breakdown.result().concurrency())
				.append(" |");
		}
		table.append("\n| --- |").append(" ---: |".repeat(breakdowns.size())).append('\n');
		Map<String, Double> order = new LinkedHashMap<>();
		for (Breakdown breakdown : breakdowns) {
			values.apply(breakdown).forEach((row, value) -> order.merge(row, value, Double::sum));
		}
		order.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.forEach((row) -> {
				table.append("| ").append(row.getKey()).append(" |");
				for (Breakdown breakdown : breakdowns) {
					Double value = values.apply(breakdown).get(row.getKey());
					table.append(' ')
						.append((value != null) ? String.format(Locale.ROOT, format, value) : "–")
						.append(" |");
				}
				table.append('\n');
			});
		table.append("| **total** |");
		for (Breakdown breakdown : breakdowns) {
			double total = values.apply(breakdown).values().stream().mapToDouble(Double::doubleValue).sum();
			table.append(" **").append(String.format(Locale.ROOT, format, total)).append("** |");
		}
		return table.append("\n\n").toString();
	}

}
