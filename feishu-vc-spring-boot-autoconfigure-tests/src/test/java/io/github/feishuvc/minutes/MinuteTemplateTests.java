package io.github.feishuvc.minutes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.feishuvc.auth.InMemoryAppTicketStore;
import io.github.feishuvc.auth.StoreAppTokenProvider;
import io.github.feishuvc.core.FeishuVcApiException;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcInvalidResponseException;
import io.github.feishuvc.core.FeishuVcNotFoundException;
import io.github.feishuvc.core.FeishuVcPermissionDeniedException;
import io.github.feishuvc.core.FeishuVcRetryPolicy;
import io.github.feishuvc.core.FeishuVcTimeoutException;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.meeting.Recording;
import io.github.feishuvc.support.NettyLeaks;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.Endpoint;
import io.github.feishuvc.test.Fault;
import io.github.feishuvc.test.FeishuVcEmulator;
import io.github.feishuvc.test.RecordedRequest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBufferUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The minutes over real HTTP against the emulator: a recorded meeting's minute, reached from its recording's URL, read
 * field by field (information, statistics, artifacts), its transcript whole in each format, its media written to disk
 * from the pre-signed URL without a token and, cut mid-way, leaving no file and an existing one as it was; the search
 * over every page in order; the minutes' codes typed; and what is refused before anything is sent.
 */
class MinuteTemplateTests {

	private static final String HOST = "ou_host";

	private static final String ADA = "ou_ada";

	private static final String TOPIC = "Quarterly planning";

	@TempDir
	Path directory;

	private FeishuVcEmulator emulator;

	private MinuteOperations minutes;

	private NettyLeaks leaks;

	@BeforeEach
	void start() {
		this.leaks = NettyLeaks.watch();
		this.emulator = FeishuVcEmulator.builder().recordingProcessingTime(Duration.ofMillis(20)).start();
		// Retrying as the auto-configured executor does, so that "not retried" means something.
		FeishuVcExecutor executor = new FeishuVcExecutor(TestFeishu.client(this.emulator.baseUrl()),
				FeishuVcRetryPolicy.defaults(), null, Schedulers.parallel());
		this.minutes = MinuteOperations.create(executor, TestFeishu.tokenProvider(executor, Clock.systemUTC()),
				UserIdType.OPEN_ID);
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.emulator.close();
		try {
			this.leaks.assertNoneReported();
		}
		finally {
			this.leaks.close();
		}
	}

	@Test
	void shouldReadTheMinuteOfARecordedMeetingFromItsRecordingsUrl() {
		String meetingId = recordedMeeting();
		Recording recording = TestFeishu.recordingTemplate(this.emulator.baseUrl()).get(meetingId).block();
		String token = MinuteLinks.token(recording.url());
		assertThat(this.emulator.minutes().ofMeeting(meetingId)).contains(token);

		Minute minute = this.minutes.get(token).block();
		assertThat(minute.token()).isEqualTo(token);
		assertThat(minute.title()).isEqualTo(TOPIC);
		assertThat(minute.ownerId()).isEqualTo(HOST);
		assertThat(minute.url()).isEqualTo(recording.url());
		assertThat(minute.duration()).isEqualTo(recording.duration());
		assertThat(minute.note()).isEqualTo(this.emulator.meetings().noteOf(meetingId));
		assertThat(minute.createTime()).isNotNull();

		this.minutes.withUserAccessToken(this.emulator.issueUserAccessToken(ADA)).get(token).block();
		this.minutes.withUserAccessToken(this.emulator.issueUserAccessToken(ADA)).get(token).block();
		MinuteStatistics statistics = this.minutes.statistics(token).block();
		assertThat(statistics.userViewCount()).isEqualTo(1);
		assertThat(statistics.pageViewCount()).isEqualTo(2);
		assertThat(statistics.userViewList()).singleElement().satisfies((view) -> {
			assertThat(view.userId()).isEqualTo(ADA);
			assertThat(view.viewTime()).isNotNull();
		});

		MinuteArtifacts artifacts = this.minutes.artifacts(token).block();
		assertThat(artifacts.summary()).startsWith(TOPIC);
		assertThat(artifacts.minuteTodos()).singleElement().satisfies((todo) -> {
			assertThat(todo.content()).isEqualTo("send the budget");
			assertThat(todo.assignees()).containsExactly(ADA);
			assertThat(todo.done()).isFalse();
		});
		assertThat(artifacts.minuteChapters()).extracting(MinuteArtifacts.Chapter::title).containsExactly(ADA, HOST);
		assertThat(artifacts.minuteChapters().get(0).start()).isNotNull();
		assertThat(artifacts.transcript()).contains("Revenue grew").doesNotContain("before the recording");
	}

	@Test
	void shouldReceiveTheWholeTranscriptInEachFormat() {
		String token = minuteOf(recordedMeeting());
		for (TranscriptFormat format : TranscriptFormat.values()) {
			for (boolean speakers : new boolean[] { true, false }) {
				TranscriptExport export = TranscriptExport.of(format).withSpeakers(speakers).withTimestamps(!speakers);
				String text = DataBufferUtils.join(this.minutes.transcript(token, export))
					.map((buffer) -> {
						try {
							return buffer.toString(StandardCharsets.UTF_8);
						}
						finally {
							DataBufferUtils.release(buffer);
						}
					})
					.block();
				assertThat(text).as("%s", export)
					.isEqualTo(this.emulator.minutes().transcript(token, format.code(), speakers, !speakers))
					.contains("Revenue grew", "TODO: send the budget")
					.doesNotContain("before the recording");
				assertThat(text.contains(ADA)).as("%s names its speakers", export).isEqualTo(speakers);
			}
		}
		assertThat(this.emulator.requests()).filteredOn((request) -> "minute.transcript".equals(request.operation()))
			.extracting(RecordedRequest::uri)
			.contains("/open-apis/minutes/v1/minutes/" + token
					+ "/transcript?need_speaker=true&need_timestamp=false&file_format=srt");
	}

	@Test
	void shouldWriteTheTranscriptToAFileNamedByThePlatform() throws IOException {
		String token = minuteOf(recordedMeeting());
		Path written = this.minutes.transcriptTo(token, TranscriptExport.of(TranscriptFormat.TXT), this.directory)
			.block(Duration.ofSeconds(10));
		assertThat(written).isEqualTo(this.directory.resolve(TOPIC + ".txt"));
		assertThat(written).hasContent(this.emulator.minutes().transcript(token, "txt", true, true));
	}

	@Test
	void shouldStreamTheMediaToDiskWithoutATokenFromItsPresignedUrl() throws IOException {
		String token = minuteOf(recordedMeeting());
		Path written = this.minutes.mediaTo(token, this.directory).block(Duration.ofSeconds(10));

		assertThat(written).isEqualTo(this.directory.resolve(token + ".mp4"));
		assertThat(Files.mismatch(written, this.emulator.minutes().mediaFile(token))).isEqualTo(-1L);
		assertThat(this.emulator.requests()).filteredOn((request) -> request.endpoint() == Endpoint.MINUTE_MEDIA)
			.singleElement()
			.satisfies((request) -> assertThat(request.authorization()).as("a pre-signed URL gets no token").isNull());
	}

	@Test
	void shouldLeaveNoFileAndTheExistingOneAsItWasWhenTheMediaIsCutMidway() throws IOException {
		String token = minuteOf(recordedMeeting());
		Path existing = Files.writeString(this.directory.resolve("planning.mp4"), "the previous file");
		this.emulator.failNext(Endpoint.MINUTE_MEDIA, Fault.TRUNCATED_BODY, 1);

		StepVerifier.create(this.minutes.mediaTo(token, existing))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FeishuVcInvalidResponseException.class)
				.hasMessageContaining("broke off"))
			.verify(Duration.ofSeconds(10));

		assertThat(existing).hasContent("the previous file");
		try (Stream<Path> files = Files.list(this.directory)) {
			assertThat(files).containsExactly(existing);
		}
		assertThat(this.emulator.requestCount(Endpoint.MINUTE_MEDIA)).as("not retried once a byte arrived")
			.isEqualTo(1);
	}

	@Test
	void shouldEndAStalledMediaDownloadByTheExportsDownloadDeadlineAndLeaveNoFile() throws IOException {
		String token = minuteOf(recordedMeeting());
		this.emulator.failNext(Endpoint.MINUTE_MEDIA, Fault.STALLED_BODY, 1);
		TestFeishu.contextRunner(this.emulator)
			.withPropertyValues("feishu.vc.export.download-timeout=500ms")
			.run((context) -> StepVerifier.create(context.getBean(MinuteOperations.class).mediaTo(token, this.directory))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(FeishuVcTimeoutException.class,
						(timeout) -> {
							assertThat(timeout.deadline()).isEqualTo(FeishuVcTimeoutException.DOWNLOAD_TIMEOUT);
							assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(500));
						}))
				.verify(Duration.ofSeconds(10)));
		try (Stream<Path> files = Files.list(this.directory)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void shouldSearchEveryPageInOrderAsTheSignedInUser() {
		List<String> uploaded = new ArrayList<>();
		for (int i = 0; i < 65; i++) {
			uploaded.add(this.emulator.minutes().upload(ADA, "Weekly sync " + i, "We met, week " + i));
		}
		this.emulator.minutes().upload("ou_other", "Weekly sync of someone else", "Not Ada's");
		MinuteOperations ada = this.minutes.withUserAccessToken(this.emulator.issueUserAccessToken(ADA));

		List<MinuteSearchItem> found = ada.search(MinuteSearchRequest.keyword("Weekly")).collectList().block();

		assertThat(found).extracting(MinuteSearchItem::token).containsExactlyElementsOf(uploaded);
		assertThat(found).extracting((item) -> MinuteLinks.token(item.metaData().appLink()))
			.containsExactlyElementsOf(uploaded);
		assertThat(this.emulator.requestCount("minute.search")).as("three pages of 30").isEqualTo(3);
		assertThat(ada.search(MinuteSearchRequest.all().sortedNewestFirst().ownedBy(ADA)).take(2).collectList().block())
			.extracting(MinuteSearchItem::token)
			.containsExactly(uploaded.get(64), uploaded.get(63));
	}

	@Test
	void shouldTypeTheMinutesCodes() {
		String token = minuteOf(recordedMeeting());
		StepVerifier.create(this.minutes.withUserAccessToken(this.emulator.issueUserAccessToken("ou_stranger"))
			.get(token)).expectError(FeishuVcPermissionDeniedException.class).verify(Duration.ofSeconds(10));
		this.emulator.minutes().transcribing(token, true);
		StepVerifier.create(this.minutes.artifacts(token))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(FeishuVcApiException.class)
				.extracting((failure) -> ((FeishuVcApiException) failure).code())
				.isEqualTo(MinuteOperations.MINUTE_NOT_READY))
			.verify(Duration.ofSeconds(10));
		this.emulator.minutes().delete(token);
		StepVerifier.create(this.minutes.statistics(token))
			.expectError(FeishuVcNotFoundException.class)
			.verify(Duration.ofSeconds(10));
		StepVerifier.create(this.minutes.get("obcn" + "0".repeat(20)))
			.expectError(FeishuVcNotFoundException.class)
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void shouldRefuseWhatThePlatformWouldBeforeSendingAnything() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.minutes.get("https://meetings.feishu.cn/minutes/x"))
			.withMessageContaining("24 lowercase letters and digits");
		assertThatIllegalArgumentException().isThrownBy(() -> this.minutes.get("OBCN" + "0".repeat(20)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.minutes.transcript("obcn" + "0".repeat(20), null));
		assertThatIllegalStateException()
			.isThrownBy(() -> this.minutes.search(MinuteSearchRequest.keyword("weekly")))
			.withMessageContaining("minute.search needs a user access token");
		assertThatIllegalStateException().isThrownBy(() -> this.minutes.subscribe())
			.withMessageContaining("minute.subscription needs a user access token");
		MinuteOperations user = this.minutes.withUserAccessToken("u-probe");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> user.search(MinuteSearchRequest.keyword("x".repeat(51))))
			.withMessageContaining("query must be 1 to 50 characters");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> user.search(MinuteSearchRequest.all()
				.createdBetween(OffsetDateTime.now(), OffsetDateTime.now().minusDays(1))))
			.withMessageContaining("createdTo must not be before createdFrom");
		FeishuVcExecutor executor = TestFeishu.executor(this.emulator.baseUrl());
		StoreAppTokenProvider store = new StoreAppTokenProvider(executor, this.emulator.appId(),
				this.emulator.appSecret(), new InMemoryAppTicketStore(),
				new StoreAppTokenProvider.Settings(Duration.ofSeconds(1), "https://example.test/feishu/events",
						Duration.ofMinutes(5), 10, Duration.ofHours(1)),
				Clock.systemUTC());
		MinuteOperations storeMinutes = MinuteOperations.create(executor, store, UserIdType.OPEN_ID);
		assertThatIllegalStateException()
			.isThrownBy(() -> storeMinutes.forTenant("t1").artifacts("obcn" + "0".repeat(20)))
			.withMessageContaining("minute.artifacts is served to self-built apps only");
		assertThat(this.emulator.requests()).isEmpty();
	}

	/**
	 * An ad hoc meeting Ada joins: something said before the recording, then, recorded, Ada's two lines and the
	 * host's; ended, its recording ready.
	 */
	private String recordedMeeting() {
		String meetingId = this.emulator.meetings().startAdHoc(HOST, TOPIC);
		this.emulator.meetings().join(meetingId, ADA);
		this.emulator.meetings().say(meetingId, HOST, "Something said before the recording");
		this.emulator.meetings().startRecording(meetingId);
		this.emulator.meetings().say(meetingId, ADA, "Revenue grew by a fifth this quarter");
		this.emulator.meetings().say(meetingId, ADA, "TODO: send the budget");
		this.emulator.meetings().say(meetingId, HOST, "Thanks, Ada");
		this.emulator.meetings().endMeeting(meetingId);
		minuteOf(meetingId);
		return meetingId;
	}

	private String minuteOf(String meetingId) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.emulator.minutes().ofMeeting(meetingId), (token) -> token.isPresent())
			.orElseThrow();
	}

}
