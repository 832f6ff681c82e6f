package io.github.feishuvc.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.lark.oapi.Client;
import com.lark.oapi.service.vc.v1.model.DownloadExportReq;
import com.lark.oapi.service.vc.v1.model.DownloadExportResp;
import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.feishuvc.auth.CachingTenantAccessTokenProvider;
import io.github.feishuvc.core.FeishuVcClient;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.export.ExportOperations;
import io.github.feishuvc.report.MeetingListQuery;
import io.github.feishuvc.test.FeishuVcEmulator;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * A large export downloaded to disk: the emulator (in this JVM, serving the file from disk without copying it onto the
 * heap) pads a meeting list export to {@code --export-size} (256 MB), then the starter's
 * {@code ExportOperations.downloadTo} and the Lark SDK's {@code export().download(...).writeFile(...)} each download it
 * {@code --export-runs} times, alternately. Reported per run: the time and throughput, and the client's heap growth:
 * the most heap in use after any collection during the download over the heap in use after a full collection before
 * it (what the download kept live), and the most heap in use at any 5 ms sample (garbage included).
 */
final class ExportsBenchmark {

	private ExportsBenchmark() {
	}

	static List<Run> run(long size, int runs) throws Exception {
		List<Run> results = new ArrayList<>();
		Path directory = Files.createTempDirectory("feishu-vc-export-benchmark");
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder().exportProcessingTime(Duration.ZERO).start()) {
			FeishuVcExecutor executor = new FeishuVcExecutor(
					new FeishuVcClient(WebClient.builder().build(), emulator.baseUrl()));
			ExportOperations exports = ExportOperations.create(executor, new CachingTenantAccessTokenProvider(executor,
					emulator.appId(), emulator.appSecret(), Duration.ofMinutes(5), Clock.systemUTC()),
					UserIdType.OPEN_ID);
			Client sdk = Client.newBuilder(emulator.appId(), emulator.appSecret())
				.openBaseUrl(emulator.baseUrl())
				.requestTimeout(10, TimeUnit.MINUTES)
				.build();
			emulator.exports().padNextFile(size);
			Instant now = Instant.now();
			String token = exports.meetings(MeetingListQuery.between(now.minus(Duration.ofHours(1)), now))
				.flatMap(exports::awaitFile)
				.block()
				.fileToken();
			// Once each, unmeasured: the classes loaded and the paths compiled are not the download's.
			exports.downloadTo(token, directory.resolve("warm-starter.xlsx")).block();
			sdk.vc().v1().export().download(DownloadExportReq.newBuilder().fileToken(token).build())
				.writeFile(directory.resolve("warm-sdk.xlsx").toString());
			long bytes = Files.size(directory.resolve("warm-starter.xlsx"));
			clean(directory);
			for (int i = 0; i < runs; i++) {
				results.add(measure("starter", bytes, () -> exports.downloadTo(token, directory.resolve("starter.xlsx"))
					.block()));
				clean(directory);
				results.add(measure("Lark SDK", bytes, () -> {
					DownloadExportResp response = sdk.vc()
						.v1()
						.export()
						.download(DownloadExportReq.newBuilder().fileToken(token).build());
					if (!response.success()) {
						throw new IllegalStateException("The SDK's download failed: " + response.getMsg());
					}
					response.writeFile(directory.resolve("sdk.xlsx").toString());
				}));
				clean(directory);
			}
		}
		finally {
			clean(directory);
			Files.deleteIfExists(directory);
		}
		return results;
	}

	private static Run measure(String contender, long bytes, Download download) throws Exception {
		HeapWatch watch = HeapWatch.start();
		long start = System.nanoTime();
		download.run();
		long nanos = System.nanoTime() - start;
		HeapWatch.Reading reading = watch.stop();
		Run run = new Run(contender, bytes, nanos, reading.liveGrowth(), reading.peakGrowth());
		System.err.println("exports: " + run.row());
		return run;
	}

	private static void clean(Path directory) throws Exception {
		try (var files = Files.list(directory)) {
			for (Path file : files.toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	@FunctionalInterface
	interface Download {

		void run() throws Exception;

	}

	/**
	 * One download.
	 *
	 * @param contender who downloaded
	 * @param bytes the file's size
	 * @param nanos how long it took
	 * @param liveGrowth the most heap in use after a collection during it, over the heap after a full collection
	 * before it
	 * @param peakGrowth the most heap in use at a sample, over the same
	 */
	record Run(String contender, long bytes, long nanos, long liveGrowth, long peakGrowth) {

		double megabytesPerSecond() {
			return this.bytes / 1e6 / (this.nanos / 1e9);
		}

		String row() {
			return String.format(Locale.ROOT, "| %s | %,.1f | %.2f | %,.0f | %,.1f | %,.1f |", this.contender,
					this.bytes / 1e6, this.nanos / 1e9, megabytesPerSecond(), this.liveGrowth / 1e6,
					this.peakGrowth / 1e6);
		}

	}

	/** The heap during a download: after each collection (from the collectors' notifications), and sampled. */
	private static final class HeapWatch {

		private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getName)
			.collect(Collectors.toSet());

		private final long baseline;

		private final AtomicLong maxAfterCollection = new AtomicLong();

		private final AtomicLong maxSampled = new AtomicLong();

		private final NotificationListener listener = (notification, handback) -> {
			if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
				Map<String, MemoryUsage> after = GarbageCollectionNotificationInfo
					.from((CompositeData) notification.getUserData())
					.getGcInfo()
					.getMemoryUsageAfterGc();
				long used = after.entrySet()
					.stream()
					.filter((pool) -> this.heapPools.contains(pool.getKey()))
					.mapToLong((pool) -> pool.getValue().getUsed())
					.sum();
				this.maxAfterCollection.accumulateAndGet(used, Math::max);
			}
		};

		private final Thread sampler;

		private volatile boolean sampling = true;

		private HeapWatch() {
			System.gc();
			this.baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			this.maxAfterCollection.set(this.baseline);
			this.maxSampled.set(this.baseline);
			for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				((NotificationEmitter) collector).addNotificationListener(this.listener, null, null);
			}
			this.sampler = new Thread(() -> {
				while (this.sampling) {
					this.maxSampled.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
							Math::max);
					try {
						Thread.sleep(5);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "heap-sampler");
			this.sampler.setDaemon(true);
			this.sampler.start();
		}

		static HeapWatch start() {
			return new HeapWatch();
		}

		Reading stop() throws Exception {
			this.sampling = false;
			this.sampler.join();
			for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				((NotificationEmitter) collector).removeNotificationListener(this.listener);
			}
			return new Reading(Math.max(0, this.maxAfterCollection.get() - this.baseline),
					Math.max(0, this.maxSampled.get() - this.baseline));
		}

		record Reading(long liveGrowth, long peakGrowth) {
		}

	}

}
