package io.github.feishuvc.note;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

import io.github.feishuvc.auth.InMemoryAppTicketStore;
import io.github.feishuvc.auth.StoreAppTokenProvider;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcInvalidParameterException;
import io.github.feishuvc.core.FeishuVcNotFoundException;
import io.github.feishuvc.core.FeishuVcRetryPolicy;
import io.github.feishuvc.core.FeishuVcServerErrorException;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.meeting.MeetingSearchRequest;
import io.github.feishuvc.meeting.MeetingOperations;
import io.github.feishuvc.support.FixedTenantToken;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import mockwebserver3.MockWebServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Notes and meeting search over real HTTP: what is refused before sending (a tenant token, a store app, a keyword out
 * of range), a note that lags its event read again on the scheduler's clock until its bound, and the search's codes,
 * all answered with HTTP 500, a bad parameter not retried where the platform's failure is.
 */
class NoteTemplateTests {

	@Test
	void shouldRefuseWhatThePlatformWouldBeforeSendingAnything() throws Exception {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			FeishuVcExecutor executor = TestFeishu.executor(emulator.baseUrl());
			NoteOperations notes = NoteOperations.create(executor, TestFeishu.tokenProvider(executor, Clock.systemUTC()),
					UserIdType.OPEN_ID);
			assertThatIllegalStateException().isThrownBy(() -> notes.get("6943848821689040898"))
				.withMessageContaining("needs a user access token");
			MeetingOperations meetings = TestFeishu.meetingTemplate(emulator.baseUrl(), Clock.systemUTC());
			assertThatIllegalStateException().isThrownBy(() -> meetings.subscribe())
				.withMessageContaining("meeting.subscription needs a user access token");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> meetings.withUserAccessToken("u-probe").search(MeetingSearchRequest.keyword("x".repeat(51))))
				.withMessageContaining("query must be 1 to 50 characters");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> meetings.withUserAccessToken("u-probe")
					.search(MeetingSearchRequest.all()
						.startedBetween(OffsetDateTime.now(), OffsetDateTime.now().minusDays(1))))
				.withMessageContaining("startedTo must not be before startedFrom");
			StoreAppTokenProvider store = new StoreAppTokenProvider(executor, emulator.appId(), emulator.appSecret(),
					new InMemoryAppTicketStore(), new StoreAppTokenProvider.Settings(Duration.ofSeconds(1),
							"https://example.test/feishu/events", Duration.ofMinutes(5), 10, Duration.ofHours(1)),
					Clock.systemUTC());
			NoteOperations storeNotes = NoteOperations.create(executor, store, UserIdType.OPEN_ID);
			assertThatIllegalStateException()
				.isThrownBy(() -> storeNotes.forTenant("t1").withUserAccessToken("u-probe").subscribe())
				.withMessageContaining("note.subscription is served to self-built apps only");
			assertThat(emulator.requests()).isEmpty();
		}
	}

	@Test
	void shouldReadANoteThatLagsItsEventAgainUntilItsBoundOnTheSchedulersClock() throws Exception {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder().noteDetailLag(Duration.ofHours(1)).start()) {
			String meetingId = emulator.meetings().startAdHoc("ou_host", "Lagging");
			emulator.meetings().endMeeting(meetingId);
			String noteId = emulator.meetings().noteOf(meetingId).orElseThrow();
			VirtualTimeScheduler time = VirtualTimeScheduler.create();
			FeishuVcExecutor executor = TestFeishu.executor(emulator.baseUrl());
			NoteOperations host = NoteOperations.create(executor, TestFeishu.tokenProvider(executor, Clock.systemUTC()),
					UserIdType.OPEN_ID, time)
				.withUserAccessToken(emulator.issueUserAccessToken("ou_host"));
			AtomicReference<Throwable> failure = new AtomicReference<>();
			Disposable read = host.getGenerated(noteId).subscribe(null, failure::set);
			Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> {
				time.advanceTimeBy(Duration.ofMillis(100));
				return failure.get() != null;
			});
			read.dispose();
			assertThat(failure.get()).isInstanceOf(FeishuVcNotFoundException.class);
			assertThat(emulator.requestCount("note.get")).as("the first read and four more").isEqualTo(5);
		}
	}

	@Test
	void shouldNotRetryASearchsBadParameterThoughItComesWithHttp500() throws Exception {
		try (MockWebServer server = TestFeishu.startMockServer()) {
			String baseUrl = TestFeishu.baseUrl(server);
			FeishuVcExecutor executor = new FeishuVcExecutor(TestFeishu.client(baseUrl), FeishuVcRetryPolicy.defaults(),
					null, Schedulers.parallel());
			MeetingOperations meetings = MeetingOperations.create(executor, new FixedTenantToken("t-x"),
					UserIdType.OPEN_ID);
			server.enqueue(TestFeishu.json(500, "{\"code\":121001,\"msg\":\"invalid param\"}"));
			StepVerifier.create(meetings.withUserAccessToken("u-probe").search(MeetingSearchRequest.keyword("weekly")))
				.expectError(FeishuVcInvalidParameterException.class)
				.verify(Duration.ofSeconds(10));
			assertThat(server.getRequestCount()).isEqualTo(1);
			assertThat(server.takeRequest().getTarget()).contains("page_size=30");
			for (int i = 0; i < 3; i++) {
				server.enqueue(TestFeishu.json(500, "{\"code\":121040,\"msg\":\"search service error\"}"));
			}
			StepVerifier.create(meetings.withUserAccessToken("u-probe").search(MeetingSearchRequest.keyword("weekly")))
				.expectError(FeishuVcServerErrorException.class)
				.verify(Duration.ofSeconds(10));
			assertThat(server.getRequestCount()).as("the platform's failure, retried").isEqualTo(4);
		}
	}

}
