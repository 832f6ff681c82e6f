package io.github.feishuvc.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.lark.oapi.Client;
import com.lark.oapi.service.vc.v1.model.GetMeetingReq;
import com.lark.oapi.service.vc.v1.model.GetReserveReq;
import com.lark.oapi.service.vc.v1.model.GetReserveResp;
import io.github.feishuvc.meeting.MeetingOperations;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

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

	private static final String SDK = "Lark SDK (no limiter; waits out each 429)";

	/**
	 * A meeting each instance asks for before the clock starts (the platform answers that there is none), so that its
	 * token, connections and code are warm, as in an application that has been serving; it counts against another
	 * API's limits.
	 */
	private static final String WARM_UP_MEETING = "6900000000000000001";

	private RateLimitBenchmark() {
	}

	/**
	 * Run every contender.
	 * @param calls how many calls must succeed
	 * @param overrides properties of the starter's instances, such as {@code feishu.vc.rate-limit.margin=20ms}, to
	 * try other settings than the defaults
	 * @param only run only the contenders whose names contain this, or {@code null} for all
	 */
	static List<Result> run(int calls, String[] overrides, @Nullable String only) throws Exception {
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
			if (redis != null && selected("starter, shared Redis", only)) {
				results.add(starter("starter, shared Redis", calls, INSTANCES, overrides, "feishu.vc.shared-state.type=redis",
						"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redisPort));
			}
			else if (redis == null) {
				System.err.println("redis-server is not installed: the shared-Redis run is skipped");
			}
			if (selected("starter, own limiter per instance", only)) {
				results.add(starter("starter, own limiter per instance", calls, INSTANCES, overrides));
			}
			if (selected("starter, one instance alone", only)) {
				results.add(starter("starter, one instance alone", calls, 1, overrides));
			}
			if (selected(SDK, only)) {
				results.add(larkSdk(calls));
			}
		}
		finally {
			if (redisProcess != null) {
				redisProcess.destroy();
				redisProcess.waitFor(10, TimeUnit.SECONDS);
			}
		}
		return results;
	}

	private static Result starter(String name, int calls, int instanceCount, String[] overrides,
			String... properties) throws InterruptedException {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder().enforceRateLimits(PER_SECOND, PER_MINUTE).start()) {
			List<ConfigurableApplicationContext> instances = new ArrayList<>();
			Map<String, LongAdder> outcomes = new HashMap<>();
			try {
				List<ReserveOperations> reserves = new ArrayList<>();
				SendRecorder sends = new SendRecorder();
				for (int i = 0; i < instanceCount; i++) {
					ConfigurableApplicationContext context = new SpringApplicationBuilder(
							Contenders.StarterApplication.class)
						.web(WebApplicationType.NONE)
						.initializers((applicationContext) -> applicationContext.getBeanFactory()
							.registerSingleton("sendRecorder", sends))
						.properties(new HashMap<String, Object>(emulator.springProperties()))
						.properties("spring.main.banner-mode=off", "logging.level.root=warn",
								"feishu.vc.rate-limit.max-wait=120s", "feishu.vc.call-timeout=180s")
						.properties(properties)
						.properties(overrides)
						.run();
					instances.add(context);
					reserves.add(context.getBean(ReserveOperations.class));
					warmUp(context.getBean(MeetingOperations.class).get(WARM_UP_MEETING).then());
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
				int rateLimited = emulator.rateLimitedRequests();
				// With 429s, the emulator's record mixes the refused arrivals with the counted ones.
				Jitter jitter = (rateLimited == 0) ? Jitter.of(sends.times(), arrivals(emulator)) : null;
				return new Result(name, calls, elapsed, snapshot(outcomes), rateLimited, jitter);
			}
			finally {
				instances.forEach(ConfigurableApplicationContext::close);
			}
		}
	}

	private static Result larkSdk(int calls) throws Exception {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder().enforceRateLimits(PER_SECOND, PER_MINUTE).start()) {
			Map<String, LongAdder> outcomes = new HashMap<>();
			GetReserveReq request = GetReserveReq.newBuilder()
				.reserveId(FeishuVcEmulator.REFERENCE_RESERVE_ID)
				.userIdType("open_id")
				.build();
			ExecutorService threads = Executors.newFixedThreadPool(INSTANCES * IN_FLIGHT);
			List<Client> clients = new ArrayList<>();
			for (int i = 0; i < INSTANCES; i++) {
				Client client = Client.newBuilder(emulator.appId(), emulator.appSecret())
					.openBaseUrl(emulator.baseUrl())
					.tokenCache(new Contenders.MapTokenCache())
					.requestTimeout(10, TimeUnit.SECONDS)
					.build();
				client.vc().v1().meeting().get(GetMeetingReq.newBuilder().meetingId(WARM_UP_MEETING).build());
				clients.add(client);
			}
			Progress progress = new Progress(calls);
			for (Client client : clients) {
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
			// Let the callers finish the calls they are in, rather than interrupt them, whose errors the SDK would log
			// into the report.
			threads.shutdown();
			threads.awaitTermination(1, TimeUnit.MINUTES);
			return new Result(SDK, calls, elapsed, snapshot(outcomes),
					emulator.rateLimitedRequests(), null);
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

	private static void warmUp(Mono<Void> call) {
		call.onErrorResume((ex) -> Mono.empty()).block(Duration.ofSeconds(30));
	}

	private static boolean selected(String contender, @Nullable String only) {
		return only == null || contender.contains(only);
	}

	/** When the emulator received each reserve call, in order. */
	private static long[] arrivals(FeishuVcEmulator emulator) {
		return emulator.requests()
			.stream()
			.filter((request) -> "reserve.get".equals(request.operation()))
			.mapToLong((request) -> micros(request.receivedAt()))
			.sorted()
			.toArray();
	}

	private static long micros(Instant instant) {
		return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
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

	static @Nullable String redisServer() {
		for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
			File candidate = new File(dir, "redis-server");
			if (candidate.canExecute()) {
				return candidate.getPath();
			}
		}
		return null;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static void awaitPort(int port) throws InterruptedException {
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
	 * @param jitter how the calls' arrivals strayed from their sends, when none was refused
	 */
	record Result(String contender, int calls, Duration elapsed, Map<String, Long> outcomes, int rateLimited,
			@Nullable Jitter jitter) {

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

		String jitterRow() {
			Jitter jitter = this.jitter;
			if (jitter == null) {
				return String.format(Locale.ROOT, "| %s | – | – | – | – | – |", this.contender);
			}
			return String.format(Locale.ROOT, "| %s | %.1f / %.1f / %.1f ms | %.1f ms | %.1f ms | %.1f ms | %,d |",
					this.contender, jitter.p50() / 1000.0, jitter.p99() / 1000.0, jitter.max() / 1000.0,
					jitter.spread() / 1000.0, jitter.leastSecondSpan() / 1000.0,
					jitter.leastMinuteSpan() / 1000.0, jitter.paired());
		}

	}

	/**
	 * How the calls' arrivals at the platform strayed from the times they were sent, in microseconds, and how close
	 * together the platform saw them. The limiter keeps the permits of any 50 consecutive calls a second window (a
	 * second and the margin) apart, and of any 1,000 a minute window; arrivals are what the platform counts, so the
	 * margin has to cover how much closer together two calls can arrive than they were permitted. That is the spread of
	 * the delays from send to arrival, and any lateness of a send against its permit (a permit from Redis read late):
	 * the least spans show both. Sends and arrivals are paired in order (the n-th with the n-th), which holds while the
	 * delays vary by less than the paced permits' spacing.
	 *
	 * @param p50 the median delay from send to arrival
	 * @param p99 the 99th percentile delay
	 * @param max the longest delay
	 * @param spread the longest delay less the shortest
	 * @param leastSecondSpan the least time between the arrivals of a call and the call 50 before it
	 * @param leastMinuteSpan the least time between the arrivals of a call and the call 1,000 before it, less a minute
	 * @param paired how many sends and arrivals were paired
	 */
	record Jitter(long p50, long p99, long max, long spread, long leastSecondSpan, long leastMinuteSpan, int paired) {

		static @Nullable Jitter of(long[] sends, long[] arrivals) {
			int paired = Math.min(sends.length, arrivals.length);
			if (paired <= PER_MINUTE) {
				return null;
			}
			long[] delays = new long[paired];
			for (int i = 0; i < paired; i++) {
				delays[i] = arrivals[i] - sends[i];
			}
			Arrays.sort(delays);
			return new Jitter(delays[paired / 2], delays[(int) (paired * 0.99)], delays[paired - 1],
					delays[paired - 1] - delays[0], leastSpan(arrivals, PER_SECOND),
					leastSpan(arrivals, PER_MINUTE) - TimeUnit.MINUTES.toMicros(1), paired);
		}

		private static long leastSpan(long[] arrivals, int calls) {
			long least = Long.MAX_VALUE;
			for (int i = calls; i < arrivals.length; i++) {
				least = Math.min(least, arrivals[i] - arrivals[i - calls]);
			}
			return least;
		}

	}

	/**
	 * Notes the time each reserve call leaves for the connection, once the limiter has let it go, by the emulator's
	 * clock: a filter of the application's {@code WebClient.Builder}, as an application would add one.
	 */
	private static final class SendRecorder implements WebClientCustomizer {

		private final List<Long> times = Collections.synchronizedList(new ArrayList<>());

		@Override
		public void customize(WebClient.Builder builder) {
			builder.filter((request, next) -> {
				if (request.url().getPath().startsWith("/open-apis/vc/v1/reserves/")) {
					this.times.add(micros(Instant.now()));
				}
				return next.exchange(request);
			});
		}

		long[] times() {
			synchronized (this.times) {
				return this.times.stream().mapToLong(Long::longValue).sorted().toArray();
			}
		}

	}

}
