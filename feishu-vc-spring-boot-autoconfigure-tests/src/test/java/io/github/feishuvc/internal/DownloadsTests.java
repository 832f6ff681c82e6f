package io.github.feishuvc.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.export.ExportOperations;
import io.github.feishuvc.internal.FeishuApiCaller.Params;
import io.github.feishuvc.report.MeetingListQuery;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end of a download written to disk, over real HTTP against the emulator: the file is put in place once the
 * exchange is over, so a deadline that passes while it is being put in place does not turn a file that is there into
 * a failed call.
 */
class DownloadsTests {

	/** The disk work of a download, in order: look at the target, flush the file, put it in place, clean up. */
	private static final int PLACE = 3;

	@TempDir
	Path directory;

	private FeishuVcEmulator emulator;

	private final ExecutorService disk = Executors.newSingleThreadExecutor();

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.builder().exportProcessingTime(Duration.ofMillis(20)).start();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
		this.disk.shutdownNow();
	}

	@Test
	void shouldSucceedWhenTheDeadlinePassesWhileTheWholeFileIsPutInPlace() throws Exception {
		ExportOperations exports = TestFeishu.meetingData(this.emulator.baseUrl()).exports();
		Instant now = Instant.now();
		String token = exports.meetings(MeetingListQuery.between(now.minus(Duration.ofHours(1)), now))
			.flatMap(exports::awaitFile)
			.block()
			.fileToken();
		FeishuVcExecutor executor = TestFeishu.executor(this.emulator.baseUrl());
		FeishuApiCaller caller = FeishuApiCaller.app(executor, TestFeishu.tokenProvider(executor, Clock.systemUTC()),
				UserIdType.OPEN_ID);
		CountDownLatch placing = new CountDownLatch(1);
		CountDownLatch deadlinePassed = new CountDownLatch(1);
		Duration timeout = Duration.ofMillis(300);
		Path target = this.directory.resolve("meetings.xlsx");

		Mono<Path> download = Downloads.write(target, "fallback.xlsx", ExportApis.DOWNLOAD.operation(),
				holding(PLACE, placing, deadlinePassed),
				caller.downloader(ExportApis.DOWNLOAD, Params.path().query("file_token", token), timeout));

		StepVerifier.create(download)
			.then(() -> {
				await(placing);
				long heldSince = System.nanoTime();
				// The download's deadline is on a real timer: the condition is that its time has gone by.
				Awaitility.await()
					.atMost(Duration.ofSeconds(5))
					.until(() -> System.nanoTime() - heldSince > timeout.multipliedBy(2).toNanos());
				deadlinePassed.countDown();
			})
			.expectNext(target)
			.verifyComplete();
		assertThat(Files.size(target)).isPositive();
	}

	/** Disk work on one thread, its {@code n}th task held until released. */
	private Scheduler holding(int n, CountDownLatch reached, CountDownLatch release) {
		AtomicInteger tasks = new AtomicInteger();
		return Schedulers.fromExecutor((task) -> this.disk.execute(() -> {
			if (tasks.incrementAndGet() == n) {
				reached.countDown();
				await(release);
			}
			task.run();
		}));
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
