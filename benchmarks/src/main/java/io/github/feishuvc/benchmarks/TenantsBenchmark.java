package io.github.feishuvc.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.github.feishuvc.core.ClientRateLimiter;
import io.github.feishuvc.core.FeishuVcRateLimiter;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.test.Endpoint;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A store app installed by many tenants, each making a few calls at once, against the emulator (in this JVM; its
 * tokens and recorded requests are dropped before each heap reading, so the heap growth is the client's): the
 * client's heap after GC per active tenant (its limiter windows and cached tenant tokens), the tenant-token fetches
 * per tenant, the calls a second and the 99th percentile latency; then the same heap once the tenants have been idle
 * past the token cache's idle time and the limiter's minute, and its sweep has run.
 */
final class TenantsBenchmark {

	private static final int IN_FLIGHT = 256;

	private static final Duration IDLE_TIME = Duration.ofSeconds(30);

	private TenantsBenchmark() {
	}

	static Result run(int tenants, int callsPerTenant) throws Exception {
		List<String> keys = new ArrayList<>(tenants);
		for (int i = 0; i < tenants; i++) {
			keys.add(String.format(Locale.ROOT, "tenant_%05d", i));
		}
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder().storeApp(keys.toArray(String[]::new)).start()) {
			List<String> reserveIds = new ArrayList<>(tenants);
			for (String key : keys) {
				reserveIds.add(emulator.addTenantReserve(key, "{\"id\": \"r-" + key
						+ "\", \"meeting_settings\": {\"topic\": \"" + key + " stand-up\"}}"));
			}
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
					Contenders.StarterApplication.class)
				.web(WebApplicationType.REACTIVE)
				.properties(new HashMap<String, Object>(emulator.springProperties()))
				.properties("spring.main.banner-mode=off", "logging.level.root=warn", "server.port=0",
						"server.address=127.0.0.1", "feishu.vc.store-app.tenant-idle-time=" + IDLE_TIME.toSeconds() + "s",
						"feishu.vc.store-app.max-tenants=" + (tenants * 2), "feishu.vc.pool.pending-acquire-timeout=60s")
				.run()) {
				int port = ((WebServerApplicationContext) context).getWebServer().getPort();
				emulator.deliverEventsTo("http://127.0.0.1:" + port + "/feishu/events");
				emulator.pushAppTicket();
				ReserveOperations reserves = context.getBean(ReserveOperations.class);
				// One tenant first, so the baseline holds everything but the tenants: the app token, pools, classes.
				reserves.forTenant("warm-up").get("none").onErrorResume((ex) -> Mono.empty()).block();
				long baseline = heapAfterGc(emulator);

				Histogram latencies = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
				long started = System.nanoTime();
				Flux.range(0, tenants * callsPerTenant)
					.flatMap((i) -> {
						int tenant = i % tenants;
						long start = System.nanoTime();
						return reserves.forTenant(keys.get(tenant))
							.get(reserveIds.get(tenant))
							.doOnSuccess((reserve) -> latencies.recordValue(System.nanoTime() - start));
					}, IN_FLIGHT)
					.blockLast(Duration.ofMinutes(10));
				Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
				int tokenFetches = emulator.requestCount(Endpoint.STORE_TENANT_ACCESS_TOKEN);
				long active = heapAfterGc(emulator) - baseline;
				ClientRateLimiter limiter = (ClientRateLimiter) context.getBean(FeishuVcRateLimiter.class);
				int windows = limiter.windowCount();
				int slots = limiter.slotCount();

				// Idle past the token cache's idle time and the limiter's minute; the next call sweeps the windows.
				Thread.sleep(Math.max(IDLE_TIME.toMillis(), limiter.minuteWindow().toMillis() + 1000) + 1000);
				reserves.forTenant(keys.get(0)).get(reserveIds.get(0)).block();
				long idle = heapAfterGc(emulator) - baseline;
				return new Result(tenants, callsPerTenant, tokenFetches, elapsed, latencies.getValueAtPercentile(99),
						active, windows, slots, idle, limiter.windowCount());
			}
		}
	}

	/** The heap in use once a full GC ran, the emulator's issued tokens and recorded requests dropped first. */
	private static long heapAfterGc(FeishuVcEmulator emulator) throws InterruptedException {
		emulator.resetRequests();
		emulator.expireTokens();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			Thread.sleep(200);
			used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
		}
		return used;
	}

	record Result(int tenants, int callsPerTenant, int tokenFetches, Duration elapsed, long p99Nanos, long activeBytes,
			int windows, int slots, long idleBytes, int windowsWhenIdle) {

		String row() {
			int calls = this.tenants * this.callsPerTenant;
			return String.format(Locale.ROOT, "| %,d | %d | %.2f | %,.0f | %.1f ms | %,.0f B | %,d / %,d | %,.0f B | %,d |",
					this.tenants, this.callsPerTenant, (double) this.tokenFetches / this.tenants,
					calls / (this.elapsed.toNanos() / 1e9), this.p99Nanos / 1e6,
					(double) this.activeBytes / this.tenants, this.windows, this.slots,
					(double) this.idleBytes / this.tenants, this.windowsWhenIdle);
		}

	}

}
