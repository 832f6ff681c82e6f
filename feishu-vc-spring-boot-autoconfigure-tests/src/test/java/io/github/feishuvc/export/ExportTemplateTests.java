package io.github.feishuvc.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.github.feishuvc.auth.CachingTenantAccessTokenProvider;
import io.github.feishuvc.core.FeishuVcClient;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcInvalidResponseException;
import io.github.feishuvc.core.FeishuVcPermissionDeniedException;
import io.github.feishuvc.core.FeishuVcTimeoutException;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.report.MeetingDataStatus;
import io.github.feishuvc.report.MeetingListQuery;
import io.github.feishuvc.report.ParticipantQuery;
import io.github.feishuvc.support.NettyLeaks;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.Fault;
import io.github.feishuvc.test.FeishuVcEmulator;
import mockwebserver3.MockWebServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Export tasks and their files over real HTTP against the emulator: a task that fails, a download cut mid-way, one
 * cancelled, a JSON error answered with HTTP 200, and waits that end by their deadline; a failed or cancelled
 * download leaves no file behind, and no buffer unreleased.
 */
class ExportTemplateTests {

	private static final long LARGE = 8L * 1024 * 1024;

	@TempDir
	Path directory;

	private FeishuVcEmulator emulator;

	private ExportOperations exports;

	private final Instant from = Instant.now().minus(Duration.ofHours(1));

	private final Instant to = Instant.now().plus(Duration.ofMinutes(1));

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.builder().exportProcessingTime(Duration.ofMillis(20)).start();
		this.exports = TestFeishu.meetingData(this.emulator.baseUrl()).exports();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void shouldEndTheWaitWithThePlatformsReasonWhenTheTaskFails() {
		this.emulator.exports().failNext("no permission");
		StepVerifier.create(this.exports.meetings(MeetingListQuery.between(this.from, this.to))
			.flatMap(this.exports::awaitFile))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ExportFailedException.class,
					(failed) -> {
						assertThat(failed.failMessage()).isEqualTo("no permission");
						assertThat(failed).hasMessageContaining("no permission").hasMessageContaining(failed.taskId());
					}))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void shouldLeaveNoFileWhenTheDownloadIsCutMidway() throws Exception {
		String token = largeFile();
		this.emulator.failNext("export.download", Fault.TRUNCATED_BODY, 1);
		try (NettyLeaks leaks = NettyLeaks.watch()) {
			StepVerifier.create(this.exports.downloadTo(token, this.directory.resolve("meetings.xlsx")))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FeishuVcInvalidResponseException.class)
					.hasMessageContaining("broke off after"))
				.verify(Duration.ofSeconds(10));
			assertThat(files()).isEmpty();
			this.emulator.failNext("export.download", Fault.TRUNCATED_BODY, 1);
			StepVerifier.create(this.exports.download(token).doOnNext(DataBufferUtils::release))
				.thenConsumeWhile((buffer) -> true)
				.expectError(FeishuVcInvalidResponseException.class)
				.verify(Duration.ofSeconds(10));
			leaks.assertNoneReported();
		}
		assertThat(this.emulator.requestCount("export.download")).as("not retried once bytes arrived").isEqualTo(2);
	}

	@Test
	void shouldLeaveNoFileWhenTheDownloadIsCancelled() throws Exception {
		String token = largeFile();
		this.emulator.failNext("export.download", Fault.STALLED_BODY, 1);
		Disposable download = this.exports.downloadTo(token, this.directory.resolve("meetings.xlsx")).subscribe();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> partWritten());
		download.dispose();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> files().isEmpty());
	}

	@Test
	void shouldEndADownloadThatStopsSendingWithinTheResponseTimeout() throws Exception {
		String token = largeFile();
		FeishuVcExecutor executor = new FeishuVcExecutor(new FeishuVcClient(WebClient.builder().build(),
				this.emulator.baseUrl(), DataSize.ofMegabytes(1), Duration.ofMillis(300)));
		ExportOperations impatient = ExportOperations.create(executor,
				TestFeishu.tokenProvider(executor, Clock.systemUTC()), UserIdType.OPEN_ID);
		this.emulator.failNext("export.download", Fault.STALLED_BODY, 1);
		StepVerifier.create(impatient.downloadTo(token, this.directory))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FeishuVcInvalidResponseException.class)
				.hasMessageContaining("broke off after"))
			.verify(Duration.ofSeconds(10));
		assertThat(files()).isEmpty();
	}

	@Test
	void shouldFailAJsonErrorAnsweredWithHttp200() throws Exception {
		String token = fileToken();
		this.emulator.exports().answerNextDownloadWithJson(200, 121005, "no permission");
		StepVerifier.create(this.exports.downloadTo(token, this.directory))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(FeishuVcPermissionDeniedException.class,
					(denied) -> {
						assertThat(denied.code()).isEqualTo(121005);
						assertThat(denied.httpStatus()).isEqualTo(200);
					}))
			.verify(Duration.ofSeconds(10));
		this.emulator.exports().answerNextDownloadWithJson(200, 0, "success");
		StepVerifier.create(this.exports.download(token))
			.expectError(FeishuVcInvalidResponseException.class)
			.verify(Duration.ofSeconds(10));
		assertThat(files()).isEmpty();
		assertThat(this.exports.downloadTo(token, this.directory).block()).exists();
	}

	@Test
	void shouldStreamTheWholeFileAsItIsConsumed() throws Exception {
		String token = largeFile();
		Path written = this.exports.downloadTo(token, this.directory).block();
		AtomicLong streamed = new AtomicLong();
		try (NettyLeaks leaks = NettyLeaks.watch()) {
			StepVerifier.create(this.exports.download(token).map((buffer) -> {
				streamed.addAndGet(buffer.readableByteCount());
				DataBufferUtils.release(buffer);
				return 1;
			}), 1)
				.expectNextCount(1)
				.thenRequest(Long.MAX_VALUE)
				.thenConsumeWhile((one) -> true)
				.verifyComplete();
			leaks.assertNoneReported();
		}
		assertThat(streamed.get()).isEqualTo(Files.size(written)).isGreaterThanOrEqualTo(LARGE);
	}

	@Test
	void shouldEndTheWaitForATaskAtItsDeadlineOnTheSchedulersClock() {
		FeishuVcEmulator slow = FeishuVcEmulator.builder().exportProcessingTime(Duration.ofHours(1)).start();
		try {
			VirtualTimeScheduler time = VirtualTimeScheduler.create();
			FeishuVcExecutor executor = TestFeishu.executor(slow.baseUrl());
			CachingTenantAccessTokenProvider tokens = TestFeishu.tokenProvider(executor, Clock.systemUTC());
			ExportOperations template = ExportOperations.create(executor, tokens, UserIdType.OPEN_ID,
					new ExportTiming(Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(30),
							Duration.ofMinutes(30)), Clock.systemUTC(), time);
			String taskId = template.meetings(MeetingListQuery.between(this.from, this.to)).block();
			StepVerifier.create(template.awaitFile(taskId, Duration.ofMinutes(2)))
				.then(() -> time.advanceTimeBy(Duration.ofMinutes(2)))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(FeishuVcTimeoutException.class,
						(timeout) -> {
							assertThat(timeout.deadline()).isEqualTo("feishu.vc.export.await-timeout");
							assertThat(timeout.timeout()).isEqualTo(Duration.ofMinutes(2));
						}))
				.verify(Duration.ofSeconds(10));
			assertThat(template.get(taskId).block().status()).isEqualTo(ExportStatus.PROCESSING);
		}
		finally {
			slow.close();
		}
	}

	@Test
	void shouldFailTheWaitAtOnceOnATaskWithAStatusThisVersionDoesNotKnowOrNone() throws Exception {
		try (MockWebServer server = TestFeishu.startMockServer()) {
			ExportOperations template = TestFeishu.meetingData(TestFeishu.baseUrl(server)).exports();
			server.enqueue(TestFeishu.tokenResponse("t-1", 7200));
			server.enqueue(TestFeishu.json(200, "{\"code\":0,\"msg\":\"ok\",\"data\":{\"status\":7}}"));
			server.enqueue(TestFeishu.json(200, "{\"code\":0,\"msg\":\"ok\",\"data\":{}}"));

			StepVerifier.create(template.awaitFile("task-7", Duration.ofMinutes(10)))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FeishuVcInvalidResponseException.class)
					.hasMessageContaining("export task task-7 has status 7, which this version does not know"))
				.verify(Duration.ofSeconds(5));
			StepVerifier.create(template.awaitFile("task-0", Duration.ofMinutes(10)))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FeishuVcInvalidResponseException.class)
					.hasMessageContaining("export task task-0 has no status"))
				.verify(Duration.ofSeconds(5));

			assertThat(server.getRequestCount()).as("the token and one read of each task").isEqualTo(3);
		}
	}

	@Test
	void shouldRefuseWhatExportsDoNotTakeBeforeSendingAnything() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.exports.meetings(MeetingListQuery.between(this.from, this.to)
				.withExternalMeetingsAndWebinars()))
			.withMessageContaining("external meetings or webinars");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.exports.participants(new ParticipantQuery("123456789", this.from,
					this.from.plusSeconds(60), null, null, null, "3")))
			.withMessageContaining("webinarUserRole");
		assertThatIllegalArgumentException().isThrownBy(() -> this.exports.download(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> this.exports.downloadTo("", this.directory));
		assertThat(this.exports.meetings(MeetingListQuery.between(this.from, this.from.plus(Duration.ofDays(20)))
			.withStatus(MeetingDataStatus.UPCOMING)).block()).isNotBlank();
		assertThat(this.emulator.requestCount("export.meeting_list")).isEqualTo(1);
		assertThat(this.emulator.requestCount("export.participant_list")).isZero();
		assertThat(this.emulator.requestCount("export.download")).isZero();
	}

	private String largeFile() {
		this.emulator.exports().padNextFile(LARGE);
		return fileToken();
	}

	private String fileToken() {
		return this.exports.meetings(MeetingListQuery.between(this.from, this.to))
			.flatMap(this.exports::awaitFile)
			.block()
			.fileToken();
	}

	/** Whether the temporary file holds some of the download. */
	private boolean partWritten() throws Exception {
		for (Path file : files()) {
			if (Files.size(file) > 0) {
				return true;
			}
		}
		return false;
	}

	private List<Path> files() throws Exception {
		try (Stream<Path> listed = Files.list(this.directory)) {
			return listed.toList();
		}
	}

}
