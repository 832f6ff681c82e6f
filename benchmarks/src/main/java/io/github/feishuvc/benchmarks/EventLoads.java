package io.github.feishuvc.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.feishuvc.test.FeishuVcEmulator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.context.ConfigurableApplicationContext;

/** How the events suite sends its events: the webhook's posts, the long connection's pushes, the in-process calls. */
final class EventLoads {

	private EventLoads() {
	}

	/** Pushes the events from {@code from} to {@code to} from every thread, each taking the next, until done. */
	static void push(ExecutorService threads, int from, int to, Push push) throws InterruptedException {
		AtomicInteger next = new AtomicInteger(from);
		CountDownLatch done = new CountDownLatch(EventsBenchmark.PUSHING_THREADS);
		for (int i = 0; i < EventsBenchmark.PUSHING_THREADS; i++) {
			threads.execute(() -> {
				try {
					for (int seq = next.getAndIncrement(); seq < to; seq = next.getAndIncrement()) {
						push.push(seq);
					}
				}
				catch (Throwable ex) {
					System.err.println("events: a push failed: " + ex);
				}
				finally {
					done.countDown();
				}
			});
		}
		done.await();
	}

	/** A version 2 push, plain, with the verification token and a unique event id. */
	static byte[] body(String appId, String token, String run, int seq) {
		return ("{\"schema\":\"2.0\",\"header\":{\"event_id\":\"bench-" + run + "-" + seq + "\",\"token\":\"" + token
				+ "\",\"create_time\":\"" + System.currentTimeMillis() + "\",\"event_type\":\"" + EventsBenchmark.EVENT_TYPE
				+ "\",\"tenant_key\":\"" + FeishuVcEmulator.DEFAULT_TENANT_KEY + "\",\"app_id\":\"" + appId
				+ "\"},\"event\":{" + EventsBenchmark.SEQ_FIELD + seq + "}}")
			.getBytes(StandardCharsets.UTF_8);
	}

	@FunctionalInterface
	interface Push {

		void push(int seq) throws Throwable;

	}

	/** Sends the events of a run. */
	interface Load extends AutoCloseable {

		void send(int from, int to) throws Exception;

		int errors();

		@Override
		void close();

	}

	/** Posts prepared pushes, a fixed number in flight, round robin over the instances' endpoints. */
	static final class Webhook implements Load {

		private final ConnectionProvider connections = ConnectionProvider.builder("events-benchmark")
			.maxConnections(EventsBenchmark.WEBHOOK_IN_FLIGHT)
			.pendingAcquireTimeout(Duration.ofSeconds(60))
			.build();

		private final HttpClient http = HttpClient.create(this.connections);

		private final List<String> urls = new ArrayList<>();

		private final String appId;

		private final String token;

		private final AtomicInteger errors = new AtomicInteger();

		private final int perSecond;

		Webhook(FeishuVcEmulator emulator, List<ConfigurableApplicationContext> instances, EventRecorder recorder,
				int perSecond) {
			this.perSecond = perSecond;
			for (ConfigurableApplicationContext instance : instances) {
				this.urls.add("http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port")
						+ "/feishu/events");
			}
			this.appId = emulator.appId();
			this.token = emulator.springProperties().get("feishu.vc.events.verification-token");
		}

		@Override
		public void send(int from, int to) {
			Flux<Integer> events = Flux.range(from, to - from);
			if (this.perSecond > 0) {
				events = events.delayElements(Duration.ofNanos(TimeUnit.SECONDS.toNanos(1) / this.perSecond));
			}
			events.flatMap((seq) -> {
				byte[] body = body(this.appId, this.token, "webhook", seq);
				return this.http.headers((headers) -> headers.set(EventsBenchmark.SEQ_HEADER, seq).set("Content-Type", "application/json"))
					.post()
					.uri(this.urls.get(seq % this.urls.size()))
					.send(ByteBufFlux.fromString(Mono.just(new String(body, StandardCharsets.UTF_8))))
					.responseSingle((response, content) -> content.then(Mono.just(response.status().code())))
					.doOnNext((status) -> {
						if (status != 200) {
							this.errors.incrementAndGet();
						}
					})
					.onErrorResume((ex) -> {
						this.errors.incrementAndGet();
						return Mono.empty();
					});
			}, EventsBenchmark.WEBHOOK_IN_FLIGHT).blockLast();
		}

		@Override
		public int errors() {
			return this.errors.get();
		}

		@Override
		public void close() {
			this.connections.dispose();
		}

	}

	/**
	 * The emulator's pushes down the instances' long connections (one chosen at random for each event, as the
	 * platform does), from several threads since each push waits for its acknowledgement.
	 */
	static final class LongConnection implements Load {

		private final FeishuVcEmulator emulator;

		private final EventRecorder recorder;

		private final ExecutorService threads = Executors.newFixedThreadPool(EventsBenchmark.PUSHING_THREADS);

		private final AtomicInteger errors = new AtomicInteger();

		private final int perSecond;

		LongConnection(FeishuVcEmulator emulator, int instances, EventRecorder recorder, int perSecond)
				throws InterruptedException {
			this.emulator = emulator;
			this.perSecond = perSecond;
			this.recorder = recorder;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (emulator.longConnectionCount() < instances && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
		}

		@Override
		public void send(int from, int to) throws Exception {
			if (this.perSecond == 0) {
				EventLoads.push(this.threads, from, to, this::push);
				return;
			}
			// One sender, each push at its time (an acknowledgement comes long before the next is due).
			long period = TimeUnit.SECONDS.toNanos(1) / this.perSecond;
			long start = System.nanoTime();
			for (int seq = from; seq < to; seq++) {
				long due = start + (seq - from) * period;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				push(seq);
			}
		}

		private void push(int seq) {
			this.recorder.received(seq);
			if (!this.emulator.pushEvent(EventsBenchmark.EVENT_TYPE, FeishuVcEmulator.DEFAULT_TENANT_KEY, "{" + EventsBenchmark.SEQ_FIELD + seq + "}")
				.accepted()) {
				this.errors.incrementAndGet();
			}
		}

		@Override
		public int errors() {
			return this.errors.get();
		}

		@Override
		public void close() {
			this.threads.shutdownNow();
		}

	}

}
