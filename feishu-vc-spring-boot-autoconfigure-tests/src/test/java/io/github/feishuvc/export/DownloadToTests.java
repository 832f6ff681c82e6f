package io.github.feishuvc.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcLocalFileException;
import io.github.feishuvc.core.FeishuVcRetryPolicy;
import io.github.feishuvc.core.FeishuVcTransportException;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.report.MeetingListQuery;
import io.github.feishuvc.support.NettyLeaks;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.Fault;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What {@code downloadTo} does with the disk, over real HTTP against the emulator: it looks at the target before
 * sending anything, reports the file system's refusals as {@link FeishuVcLocalFileException} without retrying them,
 * never replaces a file in a directory target, writes files with the permissions of any new file, and leaves no
 * temporary file behind, and no buffer unreleased, however the call ends.
 */
class DownloadToTests {

	private static final long LARGE = 8L * 1024 * 1024;

	@TempDir
	Path directory;

	private FeishuVcEmulator emulator;

	private ExportOperations exports;

	private NettyLeaks leaks;

	/** Whether the test cancelled calls at random moments, some just as their response arrived. */
	private boolean cancelledAtRandom;

	@BeforeEach
	void start() {
		this.leaks = NettyLeaks.watch();
		this.emulator = FeishuVcEmulator.builder().exportProcessingTime(Duration.ofMillis(20)).start();
		// Retrying as the auto-configured executor does, so that "not retried" means something.
		FeishuVcExecutor executor = new FeishuVcExecutor(TestFeishu.client(this.emulator.baseUrl()),
				FeishuVcRetryPolicy.defaults(), null, Schedulers.parallel());
		this.exports = ExportOperations.create(executor, TestFeishu.tokenProvider(executor, Clock.systemUTC()),
				UserIdType.OPEN_ID, new ExportTiming(Duration.ofSeconds(10), Duration.ofMillis(20),
						Duration.ofMillis(100), Duration.ofSeconds(30)), Clock.systemUTC(), Schedulers.parallel());
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.emulator.close();
		try {
			if (this.cancelledAtRandom) {
				this.leaks.assertNoneReportedButResponsesReactorNettyNeverHandedOn();
			}
			else {
				this.leaks.assertNoneReported();
			}
		}
		finally {
			this.leaks.close();
		}
	}

	@Test
	void shouldRefuseAMissingDirectoryBeforeSendingAnything() {
		String token = fileToken();
		Path target = this.directory.resolve("missing").resolve("meetings.xlsx");

		assertRefusedBeforeSending(this.exports.downloadTo(token, target), NoSuchFileException.class,
				this.directory.resolve("missing").toString());
	}

	@Test
	void shouldRefuseAFileWhereTheDirectoryShouldBeBeforeSendingAnything() throws IOException {
		String token = fileToken();
		Path plain = Files.writeString(this.directory.resolve("plain"), "not a directory");

		assertRefusedBeforeSending(this.exports.downloadTo(token, plain.resolve("meetings.xlsx")),
				NotDirectoryException.class, plain.toString());
		assertThat(plain).hasContent("not a directory");
	}

	@Test
	void shouldRefuseADirectoryItMayNotWriteBeforeSendingAnything() throws IOException {
		String token = fileToken();
		Path readOnly = unwritableDirectory();

		assertRefusedBeforeSending(this.exports.downloadTo(token, readOnly), AccessDeniedException.class,
				readOnly.toString());
		assertRefusedBeforeSending(this.exports.downloadTo(token, readOnly.resolve("meetings.xlsx")),
				AccessDeniedException.class, readOnly.toString());
	}

	@Test
	void shouldEndWithTheDiskErrorWhenTheDiskFillsUpAndNotRetry() throws IOException {
		String token = largeFile();
		try (FileSystem small = Jimfs.newFileSystem(Configuration.unix().toBuilder().setMaxSize(1024 * 1024).build())) {
			Path exportsDirectory = Files.createDirectories(small.getPath("/exports"));

			StepVerifier.create(this.exports.downloadTo(token, exportsDirectory))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(FeishuVcLocalFileException.class,
						(local) -> {
							assertThat(local.getCause()).hasMessageContaining("out of disk space");
							assertThat(local.httpStatus()).isEqualTo(200);
							assertThat(local.attempts()).isEqualTo(1);
						}))
				.verify(Duration.ofSeconds(20));

			assertThat(this.emulator.requestCount("export.download")).as("not retried").isEqualTo(1);
			assertThat(list(exportsDirectory)).isEmpty();
		}
	}

	@Test
	void shouldRetryADownloadThatFailedToReachThePlatformBeforeItsFirstByte() throws IOException {
		String token = fileToken();
		this.emulator.failNext("export.download", Fault.DROP_CONNECTION, 1);

		Path written = this.exports.downloadTo(token, this.directory.resolve("meetings.xlsx")).block();

		assertThat(Files.size(written)).isPositive();
		assertThat(this.emulator.requestCount("export.download")).isEqualTo(2);
		assertThat(list(this.directory)).containsExactly(written);
	}

	@Test
	void shouldEndWithTheDiskErrorWhenTheNameIsTooLongAndNotRetry() throws IOException {
		String token = fileToken();
		Path target = this.directory.resolve("m".repeat(300) + ".xlsx");

		StepVerifier.create(this.exports.downloadTo(token, target))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(FeishuVcLocalFileException.class,
					(local) -> {
						assertThat(local.getCause()).isInstanceOf(FileSystemException.class)
							.hasMessageContaining("File name too long");
						assertThat(local.path()).isEqualTo(target);
					}))
			.verify(Duration.ofSeconds(10));

		assertThat(this.emulator.requestCount("export.download")).as("not retried").isEqualTo(1);
		assertThat(list(this.directory)).isEmpty();
	}

	@Test
	void shouldNeverReplaceAFileOrDirectoryInADirectoryTargetButTakeTheNextFreeName() throws IOException {
		String token = fileToken();
		Path first = this.exports.downloadTo(token, this.directory).block();
		Files.writeString(first, "the user's own edits");
		String name = first.getFileName().toString();
		String stem = name.substring(0, name.lastIndexOf('.'));
		Files.createDirectory(this.directory.resolve(stem + " (1).xlsx"));

		Path second = this.exports.downloadTo(token, this.directory).block();
		Path third = this.exports.downloadTo(token, this.directory).block();

		assertThat(first).hasContent("the user's own edits");
		assertThat(second).isEqualTo(this.directory.resolve(stem + " (2).xlsx")).isRegularFile();
		assertThat(third).isEqualTo(this.directory.resolve(stem + " (3).xlsx"));
		assertThat(Files.readAllBytes(third)).isEqualTo(Files.readAllBytes(second));
		assertThat(list(this.directory)).noneMatch((file) -> file.getFileName().toString().endsWith(".part"));
	}

	@Test
	void shouldReplaceAFileTargetWithTheWholeFile() throws IOException {
		String token = fileToken();
		Path target = Files.writeString(this.directory.resolve("meetings.xlsx"), "last week's", StandardCharsets.UTF_8);

		assertThat(this.exports.downloadTo(token, target).block()).isEqualTo(target);

		assertThat(Files.readAllBytes(target)).startsWith('P', 'K');
		assertThat(list(this.directory)).containsExactly(target);
	}

	@Test
	void shouldWriteTheFileWithThePermissionsOfAnyNewFile() throws IOException {
		String token = fileToken();
		Set<PosixFilePermission> newFile = Files
			.getPosixFilePermissions(Files.createFile(this.directory.resolve("any-new-file")));

		Path written = this.exports.downloadTo(token, this.directory.resolve("meetings.xlsx")).block();

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
			.isEqualTo(PosixFilePermissions.toString(newFile))
			.isNotEqualTo("rw-------");
	}

	@Test
	void shouldLeaveNoTemporaryFileWhenCancelledWhileTheTargetIsLookedAt() throws IOException {
		String token = fileToken();
		this.cancelledAtRandom = true;
		for (int i = 0; i < 300; i++) {
			Disposable download = this.exports.downloadTo(token, this.directory).subscribe(null, (ex) -> {
			});
			// Cancelled at a different moment each time, so that some land while the temporary file is being made.
			long until = System.nanoTime() + (i % 30) * 20_000L;
			while (System.nanoTime() < until) {
				Thread.onSpinWait();
			}
			download.dispose();
		}
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(list(this.directory)).allMatch((file) -> file.toString().endsWith(".xlsx")));
	}

	@Test
	void shouldFailAtOnceForAStoreAppThatNamedNoTenantAsEveryOtherCallDoes() {
		try (FeishuVcEmulator store = FeishuVcEmulator.builder().storeApp("t1", "t2").start()) {
			TestFeishu.contextRunner(store).withPropertyValues("feishu.vc.events.enabled=false").run((context) -> {
				ExportOperations exports = context.getBean(ExportOperations.class);

				assertThatIllegalStateException().isThrownBy(() -> exports.get("7111111111111111111"));
				assertThatIllegalStateException().isThrownBy(() -> exports.downloadTo("file-token", this.directory));
				assertThatIllegalStateException().isThrownBy(() -> exports.download("file-token"));
			});
		}
	}

	@Test
	void shouldReportTheAttemptsTheDownloadMadeWhenTheFileCannotBePutInPlace() {
		String token = fileToken();
		this.emulator.failNext("export.download", Fault.DROP_CONNECTION, 1);
		Path tooLong = this.directory.resolve("m".repeat(300) + ".xlsx");

		StepVerifier.create(this.exports.downloadTo(token, tooLong))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(FeishuVcLocalFileException.class,
					(local) -> {
						assertThat(local.getCause()).isInstanceOf(FileSystemException.class);
						assertThat(local.attempts()).isEqualTo(2);
						assertThat(local.httpStatus()).isEqualTo(200);
					}))
			.verify(Duration.ofSeconds(20));
		assertThat(this.emulator.requestCount("export.download")).isEqualTo(2);
	}

	private void assertRefusedBeforeSending(reactor.core.publisher.Mono<Path> download,
			Class<? extends IOException> cause, String path) {
		StepVerifier.create(download)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(FeishuVcLocalFileException.class,
					(local) -> {
						assertThat(local).isNotInstanceOf(FeishuVcTransportException.class)
							.hasMessageContaining("export.download");
						assertThat(local.getCause()).isInstanceOf(cause);
						assertThat(local.getMessage()).contains(path);
						assertThat(local.attempts()).isZero();
					}))
			.verify(Duration.ofSeconds(10));
		assertThat(this.emulator.requestCount("export.download")).as("nothing sent").isZero();
	}

	/**
	 * A directory this process may not write: one it made read-only, or, for root, whom file modes do not stop, the
	 * kernel's {@code /sys}, where nobody may make a file.
	 */
	private Path unwritableDirectory() throws IOException {
		Path readOnly = Files.createDirectory(this.directory.resolve("read-only"));
		Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
		return Files.isWritable(readOnly) ? Path.of("/sys") : readOnly;
	}

	private String largeFile() {
		this.emulator.exports().padNextFile(LARGE);
		return fileToken();
	}

	private String fileToken() {
		Instant now = Instant.now();
		return this.exports.meetings(MeetingListQuery.between(now.minus(Duration.ofHours(1)), now))
			.flatMap(this.exports::awaitFile)
			.block()
			.fileToken();
	}

	private static List<Path> list(Path directory) throws IOException {
		try (Stream<Path> listed = Files.list(directory)) {
			return listed.toList();
		}
	}

}
