package io.github.feishuvc.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.lark.oapi.core.request.EventReq;
import com.lark.oapi.event.CustomEventHandler;
import io.github.feishuvc.events.longconnection.FeishuLongConnection;
import io.github.feishuvc.events.webhook.FeishuEventReceiver;
import io.github.feishuvc.test.FeishuVcEmulator;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Events from the platform to the application's listeners: events per second, and the time from an event's receipt
 * to its listener (p50, p99), for each way the platform can be answered ({@code feishu.vc.events.acknowledge}
 * {@code on-receipt} and {@code after-listeners}, in memory, and the inbox on a real {@code redis-server}), with one
 * instance and three (contexts of one JVM, sharing the Redis), over the webhook and the long connection. Then, in
 * process and without HTTP, the official SDK's {@code EventDispatcher.handle} against the starter's
 * {@code FeishuEventReceiver.receive} on the same bodies.
 *
 * <p>The webhook gets prepared pushes (plain JSON with the verification token, a unique event id each) posted by a
 * Reactor Netty client, {@value #WEBHOOK_IN_FLIGHT} in flight, round robin over the instances; receipt is when a
 * {@code WebFilter} of the application sees the request's headers. The long connection gets the emulator's pushes,
 * from {@value #PUSHING_THREADS} threads since each push waits for its acknowledgement; receipt is when the pushing
 * thread hands the event to the emulator (its frame is then written on loopback in this JVM), so those latencies
 * include the emulator's frame encoding and the hop. An event is handled when the listener, one per instance, first
 * sees it (the inbox may hand an event over twice). Events per second count from the first measured receipt to the
 * last measured event handled. Those runs send as fast as their senders can; a paced run of each transport (one
 * instance, {@value #PACED_PER_SECOND} events a second, below what any mode drains) shows the latency of an event that
 * meets no queue, on receipt and through the inbox.
 */
final class EventsBenchmark {

	static final int WEBHOOK_IN_FLIGHT = 64;

	static final int PUSHING_THREADS = 16;

	static final String EVENT_TYPE = "bench.event_v1";

	static final String SEQ_FIELD = "\"bench_seq\":";

	static final String SEQ_HEADER = "X-Bench-Seq";

	static final Duration HANDLING_WAIT = Duration.ofSeconds(60);

	private static final int PACED_PER_SECOND = 40;

	private static final int PACED_SECONDS = 5;

	private EventsBenchmark() {
	}

	/**
	 * Run every combination, then the in-process comparison.
	 * @param events the events measured in each run
	 * @param warmup the events each run first handles unmeasured (five times as many in the first run of each
	 * transport, whose code the JIT has not compiled yet)
	 * @param inboxEvents the most events measured in a run through the inbox
	 * @return the runs
	 */
	static List<Result> run(int events, int warmup, int inboxEvents) throws Exception {
		List<Result> results = new ArrayList<>();
		String redis = RateLimitBenchmark.redisServer();
		Path redisDirectory = Files.createTempDirectory("feishu-vc-events-benchmark");
		int redisPort = RateLimitBenchmark.freePort();
		Process redisProcess = null;
		if (redis != null) {
			// The append-only file on, fsync every second (Redis's default for it): what an inbox meant to survive a
			// restart of Redis runs with.
			redisProcess = new ProcessBuilder(redis, "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
					"--save", "", "--appendonly", "yes", "--appendfsync", "everysec", "--dir",
					redisDirectory.toString())
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			RateLimitBenchmark.awaitPort(redisPort);
		}
		else {
			System.err.println("redis-server is not installed: the inbox runs are skipped");
		}
		try {
			for (Transport transport : Transport.values()) {
				boolean first = true;
				for (int instances : new int[] { 1, 3 }) {
					for (Mode mode : Mode.values()) {
						if (mode == Mode.INBOX && redis == null) {
							continue;
						}
						// The inbox drains far slower than the others: fewer events keep its runs short.
						boolean inbox = mode == Mode.INBOX;
						int measured = inbox ? Math.min(events, inboxEvents) : events;
						int warm = inbox ? Math.min(warmup, inboxEvents / 5) : (first ? 5 * warmup : warmup);
						results.add(run(transport, mode, instances, measured, warm, 0, redisPort));
						first = false;
					}
				}
				// Below what any mode drains, one instance: the latency of an event that meets no queue.
				for (Mode mode : List.of(Mode.ON_RECEIPT, Mode.INBOX)) {
					if (mode != Mode.INBOX || redis != null) {
						results.add(run(transport, mode, 1, PACED_PER_SECOND * PACED_SECONDS, PACED_PER_SECOND,
								PACED_PER_SECOND, redisPort));
					}
				}
			}
			for (Result result : inProcess(events, warmup)) {
				System.err.println("events: " + result.row());
				results.add(result);
			}
		}
		finally {
			if (redisProcess != null) {
				redisProcess.destroy();
				redisProcess.waitFor(10, TimeUnit.SECONDS);
			}
			try (var files = Files.list(redisDirectory)) {
				for (Path file : files.toList()) {
					if (Files.isDirectory(file)) {
						try (var inner = Files.list(file)) {
							for (Path innerFile : inner.toList()) {
								Files.deleteIfExists(innerFile);
							}
						}
					}
					Files.deleteIfExists(file);
				}
			}
			Files.deleteIfExists(redisDirectory);
		}
		return results;
	}

	/**
	 * One run: {@code perSecond} events a second from one sender, or 0 for as many as the transport's senders
	 * manage.
	 */
	private static Result run(Transport transport, Mode mode, int instanceCount, int events, int warmup,
			int perSecond, int redisPort) throws Exception {
		if (mode == Mode.INBOX) {
			flush(redisPort);
		}
		EventRecorder recorder = new EventRecorder(warmup + events);
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			List<ConfigurableApplicationContext> instances = new ArrayList<>();
			try {
				long starting = System.nanoTime();
				for (int i = 0; i < instanceCount; i++) {
					instances.add(start(emulator, transport, mode, redisPort, recorder));
				}
				System.err.printf(Locale.ROOT, "events: started in %d ms%n", (System.nanoTime() - starting) / 1_000_000);
				EventLoads.Load load = (transport == Transport.WEBHOOK) ? new EventLoads.Webhook(emulator, instances, recorder, perSecond)
						: new EventLoads.LongConnection(emulator, instanceCount, recorder, perSecond);
				try {
					load.send(0, warmup);
					recorder.await(warmup);
					long start = System.nanoTime();
					load.send(warmup, warmup + events);
					recorder.await(warmup + events);
					String offered = (perSecond > 0) ? perSecond + "/s, paced"
							: (transport == Transport.WEBHOOK) ? WEBHOOK_IN_FLIGHT + " in flight"
									: PUSHING_THREADS + " pushing threads";
					Result result = recorder.result(transport.title, mode.title, instanceCount, offered, warmup,
							events, start, load.errors());
					System.err.println("events: " + result.row());
					return result;
				}
				finally {
					load.close();
				}
			}
			finally {
				long closing = System.nanoTime();
				// The instances share Reactor Netty's global event loops, which the first context closed disposes:
				// every long connection ends first, so that none reconnects on loops being disposed (which then wait
				// out their 15 s timeout).
				instances.forEach((instance) -> instance.getBeanProvider(FeishuLongConnection.class)
					.ifAvailable(FeishuLongConnection::stop));
				instances.forEach(ConfigurableApplicationContext::close);
				System.err.printf(Locale.ROOT, "events: closed in %d ms%n", (System.nanoTime() - closing) / 1_000_000);
			}
		}
	}

	private static ConfigurableApplicationContext start(FeishuVcEmulator emulator, Transport transport, Mode mode,
			int redisPort, EventRecorder recorder) {
		// ERROR only: the log goes to stdout, which is the report, and what the WARNs would say (an event refused by
		// a full listener pool, a connection ended as its instance closes) the table counts.
		List<String> properties = new ArrayList<>(List.of("spring.main.banner-mode=off", "logging.level.root=error",
				"feishu.vc.events.acknowledge=" + mode.acknowledge));
		if (transport == Transport.WEBHOOK) {
			properties.addAll(List.of("feishu.vc.events.enabled=true", "server.port=0", "server.address=127.0.0.1"));
		}
		else {
			properties.add("feishu.vc.events.mode=long-connection");
		}
		if (mode == Mode.INBOX) {
			properties.addAll(List.of("feishu.vc.shared-state.type=redis", "feishu.vc.events.inbox.enabled=true",
					"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redisPort));
		}
		return new SpringApplicationBuilder(Contenders.StarterApplication.class)
			.web((transport == Transport.WEBHOOK) ? WebApplicationType.REACTIVE : WebApplicationType.NONE)
			.initializers((context) -> {
				context.addApplicationListener(recorder);
				context.getBeanFactory().registerSingleton("benchmarkReceipts", recorder.receipts());
			})
			.properties(new HashMap<String, Object>(emulator.springProperties()))
			.properties(properties.toArray(String[]::new))
			.run();
	}

	private static void flush(int redisPort) {
		RedisClient client = RedisClient.create("redis://127.0.0.1:" + redisPort);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().flushall();
		}
		finally {
			client.shutdown();
		}
	}

	/**
	 * The same pushes, in process on {@value #PUSHING_THREADS} threads without HTTP: the SDK's dispatcher (verify the
	 * token, parse, dispatch to a handler on the calling thread) and the starter's receiver (verify, parse, claim the
	 * id, hand over to the listener pool; acknowledged on receipt, in memory). Receipt is the call.
	 */
	private static List<Result> inProcess(int events, int warmup) throws Exception {
		List<Result> results = new ArrayList<>();
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			String token = emulator.springProperties().get("feishu.vc.events.verification-token");
			EventRecorder sdkRecorder = new EventRecorder(warmup * 5 + events);
			ThreadLocal<Integer> current = new ThreadLocal<>();
			com.lark.oapi.event.EventDispatcher sdk = com.lark.oapi.event.EventDispatcher.newBuilder(token, "")
				.onCustomizedEvent(EVENT_TYPE, new CustomEventHandler() {
					@Override
					public void handle(EventReq event) {
						sdkRecorder.handled(current.get());
					}
				})
				.build();
			results.add(inProcess("Lark SDK `EventDispatcher.handle`", sdkRecorder, warmup * 5, events, (seq) -> {
				EventReq request = new EventReq();
				request.setBody(EventLoads.body(emulator.appId(), token, "sdk", seq));
				request.setHeaders(new HashMap<>());
				current.set(seq);
				return sdk.handle(request).getStatusCode();
			}));
			EventRecorder starterRecorder = new EventRecorder(warmup * 5 + events);
			ConfigurableApplicationContext context = start(emulator, Transport.WEBHOOK, Mode.ON_RECEIPT, 0,
					starterRecorder);
			try {
				FeishuEventReceiver receiver = context.getBean(FeishuEventReceiver.class);
				results.add(inProcess("starter `FeishuEventReceiver.receive`", starterRecorder, warmup * 5, events,
						(seq) -> receiver
							.receive(new FeishuEventReceiver.EventRequest(null, null, null,
									EventLoads.body(emulator.appId(), token, "starter", seq)))
							.block()
							.status()));
			}
			finally {
				context.close();
			}
		}
		return results;
	}

	private static Result inProcess(String contender, EventRecorder recorder, int warmup, int events, Call call)
			throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(PUSHING_THREADS);
		AtomicInteger errors = new AtomicInteger();
		try {
			EventLoads.push(threads, 0, warmup, (seq) -> {
				recorder.received(seq);
				if (call.status(seq) != 200) {
					errors.incrementAndGet();
				}
			});
			recorder.await(warmup);
			long start = System.nanoTime();
			EventLoads.push(threads, warmup, warmup + events, (seq) -> {
				recorder.received(seq);
				if (call.status(seq) != 200) {
					errors.incrementAndGet();
				}
			});
			recorder.await(warmup + events);
			return recorder.result("in process, no HTTP", contender, 1, PUSHING_THREADS + " threads", warmup, events,
					start, errors.get());
		}
		finally {
			threads.shutdownNow();
		}
	}

	@FunctionalInterface
	interface Call {

		int status(int seq) throws Throwable;

	}

	private enum Transport {

		WEBHOOK("webhook"), LONG_CONNECTION("long connection");

		final String title;

		Transport(String title) {
			this.title = title;
		}

	}

	private enum Mode {

		ON_RECEIPT("on receipt, in memory", "on-receipt"), AFTER_LISTENERS("after listeners, in memory",
				"after-listeners"), INBOX("inbox on redis-server", "on-receipt");

		final String title;

		final String acknowledge;

		Mode(String title, String acknowledge) {
			this.title = title;
			this.acknowledge = acknowledge;
		}

	}

	/**
	 * One run.
	 *
	 * @param transport how the events arrived
	 * @param mode when the platform was answered, or which contender ran in process
	 * @param instances how many instances received them
	 * @param offered how they were sent
	 * @param handled how many of them reached the listener within the wait
	 * @param perSecond events handled per second
	 * @param p50 the median nanoseconds from receipt to listener
	 * @param p99 the 99th percentile
	 * @param max the longest
	 * @param errors answers other than 200 (or failed pushes), warm-up included
	 * @param duplicates events a listener saw again, warm-up included
	 */
	record Result(String transport, String mode, int instances, String offered, int handled, double perSecond, long p50,
			long p99, long max, int errors, int duplicates) {

		String row() {
			return String.format(Locale.ROOT, "| %s | %s | %d | %s | %,d | %,.0f | %.2f | %.2f | %.1f | %,d | %,d |",
					this.transport, this.mode, this.instances, this.offered, this.handled, this.perSecond, this.p50 / 1e6,
					this.p99 / 1e6, this.max / 1e6, this.errors, this.duplicates);
		}

	}

}
