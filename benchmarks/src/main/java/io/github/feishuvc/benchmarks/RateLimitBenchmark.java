package io.github.feishuvc.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.lark.oapi.Client;
import com.lark.oapi.service.vc.v1.model.GetReserveReq;
import com.lark.oapi.service.vc.v1.model.GetReserveResp;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.test.FeishuVcEmulator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Three instances of one app (and one alone), each calling as fast as its callers can (16 in flight per instance), against the
 * emulator enforcing the platform's real limits (50 calls a second and 1,000 a minute, counted at arrival), until a
 * number of calls have succeeded: the starter sharing its limiter through Redis, the starter with each instance's own
 * limiter, and the official SDK, which has no limiter (its callers wait as a 429's {@code x-ogw-ratelimit-reset} says,
 * as a careful user would write it). Reports the time the calls took against the least time the limits allow for
 * them (the calls per second achieved as a share of the limit's), and the 429s the platform answered.
 */
final class RateLimitBenchmark {

	private static final int INSTANCES = 3;

	private static final int IN_FLIGHT = 16;

	private static final int PER_SECOND = 50;

	private static final int PER_MINUTE = 1000;

	private RateLimitBenchmark() {
	}

	static List<Result> run(int calls) throws Exception {
		List<Result> results = new ArrayList<>();
		String redis = redisServer();
		Process redisProcess = null;
		int redisPort = freePort();
		if (redis != null) {
			redisProcess = new ProcessBuilder(redis, "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
					"--save", "", "--appendonly", "no").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			awaitPort(redisPort);
		}
		try {
			if (redis != null) {
				results.add(starter("starter, shared Redis", calls, INSTANCES, "feishu.vc.shared-state.type=redis",
						"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redisPort));
			}
			else {
				System.err.println("redis-server is not installed: the shared-Redis run is skipped");
			}
			results.add(starter("starter, own limiter per instance", calls, INSTANCES));
			results.add(starter("starter, one instance alone", calls, 1));
			results.add(larkSdk(calls));
		}
		finally {
			if (redisProcess != null) {
				redisProcess.destroy();
				redisProcess.waitFor(10, TimeUnit.SECONDS);
			}
		}
		return results;
	}

	private static Result starter(String name, int calls, int instanceCount, String... properties)
			throws InterruptedException {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder().enforceRateLimits(PER_SECOND, PER_MINUTE).start()) {
			List<ConfigurableApplicationContext> instances = new ArrayList<>();
			Map<String, LongAdder> outcomes = new HashMap<>();
			try {
				List<ReserveOperations> reserves = new ArrayList<>();
				for (int i = 0; i < instanceCount; i++) {
					ConfigurableApplicationContext context = new SpringApplicationBuilder(
							Contenders.StarterApplication.class)
						.web(WebApplicationType.NONE)
						.properties(new HashMap<String, Object>(emulator.springProperties()))
						.properties("spring.main.banner-mode=off", "logging.level.root=warn",
								"feishu.vc.rate-limit.max-wait=120s", "feishu.vc.call-timeout=180s")
						.properties(properties)
						.run();
					instances.add(context);
					reserves.add(context.getBean(ReserveOperations.class));
				}
				Progress progress = new Progress(calls);
				List<Disposable> callers = new ArrayList<>();
				for (ReserveOperations instance : reserves) {
					callers.add(Flux.range(0, IN_FLIGHT)
						.flatMap((caller) -> Mono.defer(() -> instance.get(FeishuVcEmulator.REFERENCE_RESERVE_ID))
							.map((reserve) -> "succeeded")
							.onErrorResume((ex) -> Mono.just(ex.getClass().getSimpleName()))
							.doOnNext((outcome) -> progress.ended(outcomes, outcome))
							.repeat(progress::going), IN_FLIGHT)
						.subscribe());
				}
				Duration elapsed = progress.await();
				callers.forEach(Disposable::dispose);
				return new Result(name, calls, elapsed, snapshot(outcomes), emulator.rateLimitedRequests());
			}
			finally {
				instances.forEach(ConfigurableApplicationContext::close);
			}
		}
	}

	private static Result larkSdk(int calls) throws InterruptedException {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder().enforceRateLimits(PER_SECOND, PER_MINUTE).start()) {
			Map<String, LongAdder> outcomes = new HashMap<>();
			GetReserveReq request = GetReserveReq.newBuilder()
				.reserveId(FeishuVcEmulator.REFERENCE_RESERVE_ID)
				.userIdType("open_id")
				.build();
			ExecutorService threads = Executors.newFixedThreadPool(INSTANCES * IN_FLIGHT);
			Progress progress = new Progress(calls);
			for (int i = 0; i < INSTANCES; i++) {
				Client client = Client.newBuilder(emulator.appId(), emulator.appSecret())
					.openBaseUrl(emulator.baseUrl())
					.tokenCache(new Contenders.MapTokenCache())
					.requestTimeout(10, TimeUnit.SECONDS)
					.build();
				for (int caller = 0; caller < IN_FLIGHT; caller++) {
					threads.submit(() -> {
						while (progress.going()) {
							GetReserveResp response = client.vc().v1().reserve().get(request);
							if (response.success()) {
								progress.ended(outcomes, "succeeded");
							}
							else {
								progress.ended(outcomes, "code " + response.getCode());
								sleep(resetOf(response));
							}
						}
						return null;
					});
				}
			}
			Duration elapsed = progress.await();
			threads.shutdownNow();
			return new Result("Lark SDK (no limiter; waits out each 429)", calls, elapsed, snapshot(outcomes),
					emulator.rateLimitedRequests());
		}
	}

	/** The wait a 429 announces, as a careful caller of the SDK reads it; a second if it says none. */
	private static Duration resetOf(GetReserveResp response) {
		List<String> reset = response.getRawResponse().getHeaders().get("x-ogw-ratelimit-reset");
		if (reset == null || reset.isEmpty()) {
			return Duration.ofSeconds(1);
		}
		return Duration.ofMillis((long) (Double.parseDouble(reset.get(0)) * 1000));
	}

	/**
	 * The least time the limits allow a number of calls from a standing start: each arrives as soon as both windows
	 * let it, and the time is the last one's arrival.
	 */
	static Duration leastTime(int calls) {
		long[] arrivals = new long[calls];
		for (int n = 0; n < calls; n++) {
			long at = 0;
			if (n >= PER_SECOND) {
				at = Math.max(at, arrivals[n - PER_SECOND] + 1000);
			}
			if (n >= PER_MINUTE) {
				at = Math.max(at, arrivals[n - PER_MINUTE] + 60_000);
			}
			arrivals[n] = at;
		}
		return Duration.ofMillis(arrivals[calls - 1]);
	}

	/** How many calls have succeeded, and when the last one needed did. */
	private static final class Progress {

		private final int calls;

		private final long start = System.nanoTime();

		private final LongAdder succeeded = new LongAdder();

		private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);

		private volatile long end;

		Progress(int calls) {
			this.calls = calls;
		}

		boolean going() {
			return this.end == 0;
		}

		synchronized void ended(Map<String, LongAdder> outcomes, String outcome) {
			if (this.end != 0) {
				return;
			}
			outcomes.computeIfAbsent(outcome, (key) -> new LongAdder()).increment();
			if (outcome.equals("succeeded")) {
				this.succeeded.increment();
				if (this.succeeded.sum() == this.calls) {
					this.end = System.nanoTime();
					this.done.countDown();
				}
			}
		}

		Duration await() throws InterruptedException {
			this.done.await();
			return Duration.ofNanos(this.end - this.start);
		}

	}

	private static synchronized Map<String, Long> snapshot(Map<String, LongAdder> outcomes) {
		Map<String, Long> counts = new HashMap<>();
		outcomes.forEach((outcome, count) -> counts.put(outcome, count.sum()));
		return counts;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String redisServer() {
		for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
			File candidate = new File(dir, "redis-server");
			if (candidate.canExecute()) {
				return candidate.getPath();
			}
		}
		return null;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void awaitPort(int port) throws InterruptedException {
		for (int i = 0; i < 500; i++) {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException ex) {
				Thread.sleep(20);
			}
		}
		throw new IllegalStateException("redis-server did not start");
	}

	/**
	 * One contender's run.
	 *
	 * @param contender what ran
	 * @param elapsed how long it ran
	 * @param outcomes how its calls ended, by kind
	 * @param rateLimited the 429s the platform answered
	 */
	record Result(String contender, int calls, Duration elapsed, Map<String, Long> outcomes, int rateLimited) {

		double callsPerSecond() {
			return this.calls * 1000.0 / this.elapsed.toMillis();
		}

		double shareOfLimit() {
			return (double) leastTime(this.calls).toMillis() / this.elapsed.toMillis();
		}

		String failures() {
			StringBuilder failures = new StringBuilder();
			this.outcomes.forEach((outcome, count) -> {
				if (!outcome.equals("succeeded")) {
					failures.append(failures.isEmpty() ? "" : ", ").append(count).append(" ").append(outcome);
				}
			});
			return failures.isEmpty() ? "none" : failures.toString();
		}

		String row() {
			return String.format(Locale.ROOT, "| %s | %,d | %.1f s | %.1f | %.3f | %,d | %s |", this.contender, this.calls,
					this.elapsed.toMillis() / 1000.0, callsPerSecond(), shareOfLimit(), this.rateLimited, failures());
		}

	}

}
