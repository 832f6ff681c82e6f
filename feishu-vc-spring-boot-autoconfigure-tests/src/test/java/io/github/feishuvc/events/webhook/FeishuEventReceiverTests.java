package io.github.feishuvc.events.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;


import ch.qos.logback.classic.Level;
import io.github.feishuvc.auth.AppTicketStore;
import io.github.feishuvc.auth.InMemoryAppTicketStore;
import io.github.feishuvc.events.EventDispatcher;
import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.events.InMemoryPublishedEventIds;
import io.github.feishuvc.events.PublishedEventIds;
import io.github.feishuvc.events.webhook.FeishuEventReceiver.EventRequest;
import io.github.feishuvc.events.webhook.FeishuEventReceiver.Reply;
import io.github.feishuvc.support.EventCapture;
import io.github.feishuvc.support.ForgedEvents;
import io.github.feishuvc.support.LogCapture;
import io.github.feishuvc.support.MutableClock;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FeishuEventReceiver} with the requests the emulator pushes as the platform does (encrypted and signed, or
 * plain), as sent and tampered with, and with what an attacker would send.
 */
class FeishuEventReceiverTests {

	private static final String ENCRYPT_KEY = "test-encrypt-key-42";

	private static final String TOKEN = FeishuVcEmulator.DEFAULT_VERIFICATION_TOKEN;

	private static final String APP_ID = FeishuVcEmulator.DEFAULT_APP_ID;

	private final JsonMapper json = JsonMapper.builder().build();

	private final MutableClock clock = new MutableClock(Instant.now());

	private final InMemoryAppTicketStore tickets = new InMemoryAppTicketStore();

	private final List<FeishuEvent> published = new CopyOnWriteArrayList<>();

	private final List<RefusalReason> refusals = new CopyOnWriteArrayList<>();

	private EventCapture capture;

	@BeforeEach
	void startCapture() {
		this.capture = EventCapture.start();
	}

	@AfterEach
	void stopCapture() {
		this.capture.close();
	}

	@Nested
	class Encrypted {

		@Test
		void shouldKeepTheTicketOfAnEncryptedSignedPush() {
			EventRequest push = push(emulator(ENCRYPT_KEY), FeishuVcEmulator::pushAppTicket);
			assertThat(new String(push.body(), StandardCharsets.UTF_8)).startsWith("{\"encrypt\":");

			assertThat(receive(receiver(ENCRYPT_KEY), push)).isEqualTo(new Reply(200, "{\"msg\":\"success\"}"));
			assertThat(ticket()).startsWith("emulated-ticket-");
			assertThat(FeishuEventReceiverTests.this.published).isEmpty();
		}

		@Test
		void shouldAnswerTheUrlVerificationWithTheChallenge() {
			EventRequest push = push(emulator(ENCRYPT_KEY), (emulator) -> emulator.verifyEventUrl("challenge-42"));

			Reply reply = receive(receiver(ENCRYPT_KEY), push);

			assertThat(reply.status()).isEqualTo(200);
			assertThat(read(reply.json()).path("challenge").asString()).isEqualTo("challenge-42");
		}

		@Test
		void shouldAnswerAnUnsignedUrlVerificationUpToTheSizeLimitAndRefuseOneByteMore() {
			EventRequest push = push(emulator(ENCRYPT_KEY), (emulator) -> emulator.verifyEventUrl("challenge-42"));
			String body = new String(push.body(), StandardCharsets.UTF_8);
			String atTheLimit = body + " ".repeat(FeishuEventReceiver.MAX_UNSIGNED_SIZE - push.body().length);

			Reply reply = receive(receiver(ENCRYPT_KEY),
					new EventRequest(null, null, null, atTheLimit.getBytes(StandardCharsets.UTF_8)));
			assertThat(reply.status()).isEqualTo(200);
			assertThat(read(reply.json()).path("challenge").asString()).isEqualTo("challenge-42");
			assertRefused(receive(receiver(ENCRYPT_KEY),
					new EventRequest(null, null, null, (atTheLimit + " ").getBytes(StandardCharsets.UTF_8))),
					RefusalReason.MISSING_SIGNATURE);
		}

		@Test
		void shouldRefuseAnUnsignedUrlVerificationWithAStaleTimestamp() {
			EventRequest push = push(emulator(ENCRYPT_KEY), (emulator) -> emulator.verifyEventUrl("challenge-42"));
			String stale = Long.toString(FeishuEventReceiverTests.this.clock.instant().minus(Duration.ofHours(1))
				.getEpochSecond());

			assertRefused(receive(receiver(ENCRYPT_KEY), new EventRequest(stale, null, null, push.body())),
					RefusalReason.STALE_TIMESTAMP);
		}

		@Test
		void shouldRefuseABadSignature() {
			EventRequest push = push(emulator(ENCRYPT_KEY), FeishuVcEmulator::pushAppTicket);
			EventRequest forged = new EventRequest(push.timestamp(), push.nonce(),
					push.signature().replace(push.signature().charAt(3), (push.signature().charAt(3) == 'a') ? 'b' : 'a'),
					push.body());

			assertRefused(receive(receiver(ENCRYPT_KEY), forged), RefusalReason.BAD_SIGNATURE);
		}

		@Test
		void shouldRefuseAMissingSignatureOrTimestamp() {
			EventRequest push = push(emulator(ENCRYPT_KEY), FeishuVcEmulator::pushAppTicket);

			assertRefused(receive(receiver(ENCRYPT_KEY),
					new EventRequest(push.timestamp(), push.nonce(), null, push.body())), RefusalReason.MISSING_SIGNATURE);
			assertRefused(receive(receiver(ENCRYPT_KEY),
					new EventRequest(null, push.nonce(), push.signature(), push.body())), RefusalReason.MISSING_TIMESTAMP);
			assertRefused(receive(receiver(ENCRYPT_KEY),
					new EventRequest(push.timestamp(), null, push.signature(), push.body())), RefusalReason.BAD_SIGNATURE);
		}

		@Test
		void shouldRefuseABodyChangedAfterSigning() {
			EventRequest push = push(emulator(ENCRYPT_KEY), FeishuVcEmulator::pushAppTicket);
			String body = new String(push.body(), StandardCharsets.UTF_8);
			char changed = (body.charAt(20) == 'A') ? 'B' : 'A';
			byte[] tampered = (body.substring(0, 20) + changed + body.substring(21)).getBytes(StandardCharsets.UTF_8);

			assertRefused(receive(receiver(ENCRYPT_KEY),
					new EventRequest(push.timestamp(), push.nonce(), push.signature(), tampered)),
					RefusalReason.BAD_SIGNATURE);
		}

		@Test
		void shouldRefuseAnotherEncryptKey() {
			EventRequest push = push(emulator("another-key"), FeishuVcEmulator::pushAppTicket);

			assertRefused(receive(receiver(ENCRYPT_KEY), push), RefusalReason.BAD_SIGNATURE);
		}

		@Test
		void shouldRefuseAWrongVerificationToken() {
			EventRequest push = push(emulator(ENCRYPT_KEY), FeishuVcEmulator::pushAppTicket);

			assertRefused(receive(receiver(ENCRYPT_KEY, "another-token", noop()), push), RefusalReason.WRONG_TOKEN);
		}

		@Test
		void shouldRefuseAUrlVerificationWithAWrongToken() {
			EventRequest push = push(emulator(ENCRYPT_KEY), (emulator) -> emulator.verifyEventUrl("challenge-42"));

			Reply reply = receive(receiver(ENCRYPT_KEY, "another-token", noop()), push);

			assertRefused(reply, RefusalReason.WRONG_TOKEN);
			assertThat(reply.json()).doesNotContain("challenge-42");
		}

		@Test
		void shouldRefuseAStaleOrFutureTimestamp() {
			EventRequest push = push(emulator(ENCRYPT_KEY), FeishuVcEmulator::pushAppTicket);
			FeishuEventReceiver receiver = receiver(ENCRYPT_KEY);

			FeishuEventReceiverTests.this.clock.advance(Duration.ofMinutes(6));
			assertRefused(receive(receiver, push), RefusalReason.STALE_TIMESTAMP);
			FeishuEventReceiverTests.this.clock.advance(Duration.ofMinutes(-12));
			assertRefused(receive(receiver, push), RefusalReason.STALE_TIMESTAMP);
			FeishuEventReceiverTests.this.clock.advance(Duration.ofMinutes(4));
			assertThat(receive(receiver, push).status()).as("within the allowed skew").isEqualTo(200);
		}

		@Test
		void shouldRefuseTimestampsThatAreNoTimeAtAllWithoutFailing() {
			EventRequest push = push(emulator(ENCRYPT_KEY), FeishuVcEmulator::pushAppTicket);
			for (String timestamp : List.of("9223372036854775807", "-9223372036854775808", "31556889864403200")) {
				assertRefused(receive(receiver(ENCRYPT_KEY),
						new EventRequest(timestamp, push.nonce(), push.signature(), push.body())),
						RefusalReason.STALE_TIMESTAMP);
			}
			for (String timestamp : List.of("", "now", "1e9", "99999999999999999999999")) {
				assertRefused(receive(receiver(ENCRYPT_KEY),
						new EventRequest(timestamp, push.nonce(), push.signature(), push.body())),
						RefusalReason.BAD_TIMESTAMP);
			}
		}

		@Test
		void shouldRefuseATicketOfAnotherApp() {
			FeishuVcEmulator other = FeishuVcEmulator.builder()
				.appId("cli_another_app")
				.storeApp("t1")
				.encryptKey(ENCRYPT_KEY)
				.start();
			EventRequest push = push(other, FeishuVcEmulator::pushAppTicket);

			assertRefused(receive(receiver(ENCRYPT_KEY), push), RefusalReason.ANOTHER_APP);
		}

		@Test
		void shouldRefuseGarbageWithAValidSignature() {
			for (String body : List.of("not json", "[1,2]", "{\"encrypt\":\"!!not base64!!\"}",
					"{\"encrypt\":\"QUJDREVGR0g=\"}", "{\"encrypt\":42}")) {
				assertThat(receive(receiver(ENCRYPT_KEY), signed(body))).as(body).isEqualTo(Reply.REFUSED);
			}
			assertThat(FeishuEventReceiverTests.this.refusals).containsExactly(RefusalReason.NOT_JSON,
					RefusalReason.NOT_JSON, RefusalReason.UNDECRYPTABLE, RefusalReason.UNDECRYPTABLE,
					RefusalReason.NOT_ENCRYPTED);
			assertThat(ticket()).isNull();
			assertThat(FeishuEventReceiverTests.this.published).isEmpty();
		}

		@Test
		void shouldRefuseAPlainEventWhenAKeyIsSet() {
			EventRequest push = push(emulator(null), FeishuVcEmulator::pushAppTicket);

			assertRefused(receive(receiver(ENCRYPT_KEY), push), RefusalReason.NOT_ENCRYPTED);
		}

		/**
		 * Unsigned requests are decrypted, since the URL verification may come unsigned: whatever the plaintext (bad
		 * padding, not JSON, JSON but no URL verification), the answer must be the same, or it is a padding oracle.
		 */
		@Test
		void shouldGiveAnUnsignedSenderTheSameAnswerWhateverTheCiphertextDecryptsTo() {
			String timestamp = Long.toString(FeishuEventReceiverTests.this.clock.instant().getEpochSecond());
			byte[] badPadding = new byte[32];
			List<byte[]> bodies = List.of(ForgedEvents.encrypted(ENCRYPT_KEY, badPadding, false),
					ForgedEvents.encrypted(ENCRYPT_KEY, "not json".getBytes(), true),
					ForgedEvents.encrypted(ENCRYPT_KEY, "{\"type\":\"event_callback\"}".getBytes(), true),
					ForgedEvents.encrypted(ENCRYPT_KEY,
							"{\"type\":\"url_verification\",\"token\":\"wrong\",\"challenge\":\"c\"}".getBytes(), true));
			List<Reply> replies = new ArrayList<>();
			for (byte[] body : bodies) {
				replies.add(receive(receiver(ENCRYPT_KEY), new EventRequest(timestamp, "n0nce", null, body)));
			}

			assertThat(replies).containsOnly(Reply.REFUSED);
			assertThat(FeishuEventReceiverTests.this.refusals).containsExactly(RefusalReason.UNDECRYPTABLE,
					RefusalReason.UNDECRYPTABLE, RefusalReason.MISSING_SIGNATURE, RefusalReason.WRONG_TOKEN);
		}

	}

	@Nested
	class Plain {

		@Test
		void shouldKeepTheTicketOfAPlainPush() {
			EventRequest push = push(emulator(null), FeishuVcEmulator::pushAppTicket);
			assertThat(read(new String(push.body(), StandardCharsets.UTF_8)).path("event").path("type").asString())
				.isEqualTo("app_ticket");

			assertThat(receive(receiver(null), push).status()).isEqualTo(200);
			assertThat(ticket()).startsWith("emulated-ticket-");
		}

		@Test
		void shouldRefuseAnEncryptedEventWithoutAKey() {
			EventRequest push = push(emulator(ENCRYPT_KEY), FeishuVcEmulator::pushAppTicket);

			assertRefused(receive(receiver(null), push), RefusalReason.UNEXPECTED_ENCRYPTION);
		}

		@Test
		void shouldRefuseAWrongTokenOrStaleTimestamp() {
			EventRequest push = push(emulator(null), FeishuVcEmulator::pushAppTicket);
			assertRefused(receive(receiver(null, "another-token", noop()), push), RefusalReason.WRONG_TOKEN);
			FeishuEventReceiverTests.this.clock.advance(Duration.ofHours(1));
			assertRefused(receive(receiver(null), push), RefusalReason.STALE_TIMESTAMP);
		}

		@Test
		void shouldAcceptATimestampAtEitherEdgeOfTheAllowedSkewAndNotASecondPastIt() {
			EventRequest push = plain(ticketEvent("ticket-1", "1"));
			FeishuEventReceiverTests.this.clock.advance(Duration.ofMinutes(5));
			assertThat(receive(receiver(null), push).status()).as("five minutes late").isEqualTo(200);
			FeishuEventReceiverTests.this.clock.advance(Duration.ofSeconds(1));
			assertThat(receive(receiver(null), push)).as("a second more").isEqualTo(Reply.REFUSED);
			FeishuEventReceiverTests.this.clock.advance(Duration.ofSeconds(-602));
			assertThat(receive(receiver(null), push)).as("five minutes and a second early").isEqualTo(Reply.REFUSED);
			FeishuEventReceiverTests.this.clock.advance(Duration.ofSeconds(1));
			assertThat(receive(receiver(null), push).status()).as("five minutes early").isEqualTo(200);
			assertThat(FeishuEventReceiverTests.this.refusals).containsExactly(RefusalReason.STALE_TIMESTAMP,
					RefusalReason.STALE_TIMESTAMP);
		}

		@Test
		void shouldTakeATicketWhoseTimeIsNoTimeAtAllForOneThatArrivedNow() {
			long now = FeishuEventReceiverTests.this.clock.instant().getEpochSecond();
			FeishuEventReceiver receiver = receiver(null);
			assertThat(receive(receiver, plain(ticketEvent("pushed-a-second-ago", Long.toString(now - 1)))).status())
				.isEqualTo(200);

			assertThat(receive(receiver, plain(ticketEvent("pushed-at-zero", "0"))).status()).isEqualTo(200);

			assertThat(ticket()).as("a ts of 0 is no time: the ticket counts as pushed on arrival")
				.isEqualTo("pushed-at-zero");
		}

		@Test
		void shouldPublishAnEventThatNamesNoApp() {
			String body = "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"e-1\",\"event_type\":"
					+ "\"vc.meeting.all_meeting_started_v1\",\"token\":\"" + TOKEN + "\"},\"event\":{}}";

			assertThat(receive(receiver(null), plain(body)).status()).isEqualTo(200);
			assertThat(FeishuEventReceiverTests.this.published).singleElement()
				.satisfies((event) -> assertThat(event.appId()).isNull());
		}

		@Test
		void shouldCheckTheTimestampWhateverSignatureHeaderCame() {
			EventRequest push = push(emulator(null), FeishuVcEmulator::pushAppTicket);
			FeishuEventReceiverTests.this.clock.advance(Duration.ofHours(1));

			assertRefused(receive(receiver(null), new EventRequest(push.timestamp(), push.nonce(), "any", push.body())),
					RefusalReason.STALE_TIMESTAMP);
		}

		@Test
		void shouldRefuseATicketThatNamesNoApp() {
			String body = "{\"type\":\"event_callback\",\"token\":\"" + TOKEN
					+ "\",\"event\":{\"type\":\"app_ticket\",\"app_ticket\":\"forged\"}}";

			assertRefused(receive(receiver(null), plain(body)), RefusalReason.ANOTHER_APP);
		}

		@Test
		void shouldRefuseWhatIsNotAnEvent() {
			for (String body : List.of("", "null", "{}", "{\"type\":\"event_callback\",\"token\":\"" + TOKEN + "\"}",
					"{\"type\":\"something\",\"token\":\"" + TOKEN + "\",\"event\":{\"type\":\"x\"}}",
					"{\"type\":\"event_callback\",\"token\":\"" + TOKEN + "\",\"event\":{\"type\":\"app_ticket\",\"app_id\":\""
							+ APP_ID + "\"}}")) {
				assertThat(receive(receiver(null), plain(body))).as(body).isEqualTo(Reply.REFUSED);
			}
			assertThat(FeishuEventReceiverTests.this.refusals).containsExactly(RefusalReason.NOT_JSON,
					RefusalReason.NOT_JSON, RefusalReason.WRONG_TOKEN, RefusalReason.NOT_AN_EVENT,
					RefusalReason.NOT_AN_EVENT, RefusalReason.NO_TICKET);
			assertThat(ticket()).isNull();
			assertThat(FeishuEventReceiverTests.this.published).isEmpty();
		}

		@Test
		void shouldKeepTheNewestTicketWhateverOrderTheyArriveIn() {
			FeishuEventReceiver receiver = receiver(null);
			long now = FeishuEventReceiverTests.this.clock.instant().getEpochSecond();

			assertThat(receive(receiver, plain(ticketEvent("newer", now + ".5"))).status()).isEqualTo(200);
			assertThat(receive(receiver, plain(ticketEvent("older", now - 60 + ".25"))).status()).isEqualTo(200);

			assertThat(ticket()).isEqualTo("newer");
			assertThat(FeishuEventReceiverTests.this.tickets.find(APP_ID).pushedAt())
				.isEqualTo(Instant.ofEpochSecond(now, 500_000_000));
		}

	}

	@Nested
	class OtherEvents {

		@Test
		void shouldPublishEachEventOnceWithoutItsVerificationToken() {
			EventRequest push = push(emulator(ENCRYPT_KEY), (emulator) -> emulator
				.pushEvent("vc.meeting.all_meeting_started_v1", "t2", "{\"meeting\":{\"id\":\"6911\"}}"));
			FeishuEventReceiver receiver = receiver(ENCRYPT_KEY);

			assertThat(receive(receiver, push).status()).isEqualTo(200);
			assertThat(receive(receiver, push).status()).as("a redelivery is accepted").isEqualTo(200);

			assertThat(FeishuEventReceiverTests.this.published).singleElement().satisfies((event) -> {
				assertThat(event.type()).isEqualTo("vc.meeting.all_meeting_started_v1");
				assertThat(event.tenantKey()).isEqualTo("t2");
				assertThat(event.appId()).isEqualTo(APP_ID);
				assertThat(event.eventId()).hasSize(32);
				JsonNode body = read(event.json());
				assertThat(body.path("event").path("meeting").path("id").asString()).isEqualTo("6911");
				assertThat(body.path("header").has("token")).isFalse();
				assertThat(event.json()).doesNotContain(TOKEN);
				assertThat(event.toString()).doesNotContain("6911");
			});
			assertThat(ticket()).isNull();
		}

		@Test
		void shouldAnswerWithoutWaitingForListeners() {
			EventRequest push = push(emulator(null),
					(emulator) -> emulator.pushEvent("contact.user.created_v3", "t1", "{}"));
			List<Runnable> queued = new ArrayList<>();

			assertThat(receive(receiver(null, TOKEN, queued::add), push).status()).isEqualTo(200);

			assertThat(FeishuEventReceiverTests.this.published).isEmpty();
			queued.forEach(Runnable::run);
			assertThat(FeishuEventReceiverTests.this.published).hasSize(1);
		}

		@Test
		void shouldAnswerSoThatThePlatformDeliversAgainWhenTheListenersRefuseWork() {
			EventRequest push = push(emulator(null),
					(emulator) -> emulator.pushEvent("contact.user.created_v3", "t1", "{}"));
			Executor full = (task) -> {
				throw new RejectedExecutionException("queue full");
			};

			assertThat(receive(receiver(null, TOKEN, full), push)).isEqualTo(Reply.NOT_PUBLISHED);
			assertThat(receive(receiver(null), push).status()).as("delivered again").isEqualTo(200);
			assertThat(FeishuEventReceiverTests.this.published).hasSize(1);
		}

		@Test
		void shouldAnswer503WithinTheReplyTimeoutWhenPublishingHangsAndGiveUpTheClaim() {
			EventRequest push = push(emulator(null),
					(emulator) -> emulator.pushEvent("contact.user.created_v3", "t1", "{}"));
			List<String> claimed = new CopyOnWriteArrayList<>();
			List<String> released = new CopyOnWriteArrayList<>();
			PublishedEventIds hanging = new PublishedEventIds() {

				@Override
				public Mono<Claim> claim(String eventId, String token) {
					claimed.add(token);
					return Mono.never();
				}

				@Override
				public Mono<Void> confirm(String eventId, String token) {
					return Mono.empty();
				}

				@Override
				public Mono<Void> release(String eventId, String token) {
					return Mono.fromRunnable(() -> released.add(token));
				}

			};
			FeishuEventReceiver receiver = new FeishuEventReceiver(
					new FeishuEventReceiver.Settings(APP_ID, TOKEN, null, Duration.ofMinutes(5)),
					FeishuEventReceiverTests.this.tickets,
					new EventDispatcher(hanging, (event) -> FeishuEventReceiverTests.this.published.add((FeishuEvent) event),
							Runnable::run),
					FeishuEventReceiverTests.this.clock, FeishuEventReceiverTests.this.refusals::add);

			StepVerifier.withVirtualTime(() -> receiver.receive(push))
				.expectSubscription()
				.expectNoEvent(FeishuEventReceiver.REPLY_TIMEOUT.minusMillis(1))
				.thenAwait(Duration.ofMillis(1))
				.expectNext(Reply.NOT_PUBLISHED)
				.verifyComplete();
			assertThat(released).as("the claim that may yet land, given up").isEqualTo(claimed).hasSize(1);
		}

		@Test
		void shouldAnswer500WhenTheTicketCannotBeKept() {
			EventRequest push = push(emulator(null), FeishuVcEmulator::pushAppTicket);

			assertThat(receive(receiverKeepingTicketsIn(brokenTickets(Mono.error(new IllegalStateException("down")))), push))
				.isEqualTo(Reply.TICKET_NOT_KEPT);
		}

		@Test
		void shouldAnswer500WithinItsTimeoutWhenKeepingTheTicketHangs() {
			EventRequest push = push(emulator(null), FeishuVcEmulator::pushAppTicket);
			long start = System.nanoTime();

			assertThat(receive(receiverKeepingTicketsIn(brokenTickets(Mono.never())), push)).isEqualTo(Reply.TICKET_NOT_KEPT);
			assertThat(Duration.ofNanos(System.nanoTime() - start))
				.isBetween(FeishuEventReceiver.TICKET_TIMEOUT, FeishuEventReceiver.TICKET_TIMEOUT.plusSeconds(2));
		}

	}

	@Test
	void shouldNeverLogATicketTokenKeyOrEventContent() {
		EventRequest ticket = push(emulator(ENCRYPT_KEY), FeishuVcEmulator::pushAppTicket);
		EventRequest event = push(emulator(ENCRYPT_KEY),
				(e) -> e.pushEvent("im.message.receive_v1", "t1", "{\"text\":\"secret-words\"}"));
		try (LogCapture logs = LogCapture.everything()) {
			FeishuEventReceiver receiver = receiver(ENCRYPT_KEY);
			receive(receiver, ticket);
			receive(receiver, event);
			receive(receiver, new EventRequest(ticket.timestamp(), ticket.nonce(), "bad", ticket.body()));
			receive(receiver(ENCRYPT_KEY, "another-token", noop()), ticket);
			receive(receiver(null), ticket);

			List<String> lines = logs.lines();
			assertThat(lines).anySatisfy((line) -> assertThat(line).contains("Received the app_ticket"))
				.anySatisfy((line) -> assertThat(line).contains("Refused a request"));
			for (String secret : List.of(ticket(), TOKEN, ENCRYPT_KEY, "secret-words")) {
				assertThat(lines).noneSatisfy((line) -> assertThat(line).contains(secret));
			}
		}
	}

	@Test
	void shouldLogRefusalsAboveDebugAtMostOnceAMinute() {
		FeishuEventReceiver receiver = receiver(ENCRYPT_KEY);
		try (LogCapture logs = LogCapture.of(FeishuEventReceiver.class.getName(), Level.DEBUG)) {
			for (int i = 0; i < 200; i++) {
				receive(receiver, plain("garbage " + i));
			}

			assertThat(logs.events()).filteredOn((line) -> line.getLevel().isGreaterOrEqual(Level.INFO)).hasSize(1);
			assertThat(logs.events()).filteredOn((line) -> line.getLevel() == Level.DEBUG).hasSize(200);
		}
		assertThat(this.refusals).hasSize(200).containsOnly(RefusalReason.NOT_JSON);
	}

	/**
	 * What an anonymous sender can make the endpoint do: a body built to cost a parse (a megabyte of empty objects) is
	 * refused before it is parsed, or at the parse's first bound. The work is measured as the bytes this thread
	 * allocated handling the request, beside the megabyte the body itself is.
	 */
	@Nested
	class Bounded {

		private static final int MEGABYTE = 1024 * 1024;

		@Test
		void shouldRefuseAnUnsignedMegabyteWithoutParsingItWhenAKeyIsSet() {
			EventRequest request = plain(emptyObjects(MEGABYTE, "[", "]"));

			long allocated = allocatedBy(() -> assertRefused(receive(receiver(ENCRYPT_KEY), request),
					RefusalReason.MISSING_SIGNATURE));

			assertThat(allocated).isLessThan(64 * 1024);
		}

		@Test
		void shouldCheckTheSignatureOnTheRawBytesBeforeParsing() {
			EventRequest forged = new EventRequest(Long.toString(FeishuEventReceiverTests.this.clock.instant()
				.getEpochSecond()), "n0nce", "0".repeat(64), emptyObjects(MEGABYTE, "[", "]").getBytes());

			long allocated = allocatedBy(() -> assertRefused(receive(receiver(ENCRYPT_KEY), forged),
					RefusalReason.BAD_SIGNATURE));

			assertThat(allocated).isLessThan(64 * 1024);
		}

		@Test
		void shouldRefuseAnythingButAnObjectAtItsFirstTokenWithoutAKey() {
			EventRequest request = plain(emptyObjects(MEGABYTE, "[", "]"));

			long allocated = allocatedBy(
					() -> assertRefused(receive(receiver(null), request), RefusalReason.NOT_JSON));

			assertThat(allocated).isLessThan(64 * 1024);
		}

		@Test
		void shouldStopParsingAnObjectOfTooManyTokensWithoutAKey() {
			EventRequest request = plain(emptyObjects(MEGABYTE, "{\"schema\":\"2.0\",\"a\":[", "]}"));

			long allocated = allocatedBy(
					() -> assertRefused(receive(receiver(null), request), RefusalReason.NOT_JSON));

			// Unbounded, the tree of 350,000 empty objects took tens of megabytes.
			assertThat(allocated).isLessThan(4 * MEGABYTE);
		}

		@Test
		void shouldRefuseNestingDeeperThanAnEventEverIsWithoutAKey() {
			EventRequest request = plain("{\"a\":".repeat(100) + "1" + "}".repeat(100));

			assertRefused(receive(receiver(null), request), RefusalReason.NOT_JSON);
		}

		private static String emptyObjects(int size, String open, String close) {
			StringBuilder body = new StringBuilder(size + 8).append(open);
			while (body.length() < size - 4) {
				body.append((body.length() > open.length()) ? ",{}" : "{}");
			}
			return body.append(close).toString();
		}

		private static long allocatedBy(Runnable work) {
			com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
				.getThreadMXBean();
			// Once first, so that the classes it loads and the caches it fills are not counted.
			work.run();
			long before = threads.getCurrentThreadAllocatedBytes();
			work.run();
			return threads.getCurrentThreadAllocatedBytes() - before;
		}

	}

	// Helpers

	private FeishuVcEmulator emulator(@Nullable String encryptKey) {
		FeishuVcEmulator.Builder builder = FeishuVcEmulator.builder().storeApp("t1", "t2");
		if (encryptKey != null) {
			builder.encryptKey(encryptKey);
		}
		return builder.start();
	}

	/** What the emulator pushes, as the platform would send it to the event URL. */
	private EventRequest push(FeishuVcEmulator emulator, Consumer<FeishuVcEmulator> push) {
		try (emulator) {
			emulator.deliverEventsTo(this.capture.url());
			push.accept(emulator);
			return this.capture.take();
		}
	}

	private EventRequest plain(String body) {
		return new EventRequest(Long.toString(this.clock.instant().getEpochSecond()), "n0nce", null,
				body.getBytes(StandardCharsets.UTF_8));
	}

	private EventRequest signed(String body) {
		String timestamp = Long.toString(this.clock.instant().getEpochSecond());
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return new EventRequest(timestamp, "n0nce", new EventCipher(ENCRYPT_KEY).sign(timestamp, "n0nce", bytes), bytes);
	}

	private static String ticketEvent(String ticket, String ts) {
		return "{\"type\":\"event_callback\",\"token\":\"" + TOKEN + "\",\"ts\":\"" + ts
				+ "\",\"event\":{\"type\":\"app_ticket\",\"app_id\":\"" + APP_ID + "\",\"app_ticket\":\"" + ticket + "\"}}";
	}

	private FeishuEventReceiver receiver(@Nullable String encryptKey) {
		return receiver(encryptKey, TOKEN, Runnable::run);
	}

	private FeishuEventReceiver receiver(@Nullable String encryptKey, String token, Executor listeners) {
		return new FeishuEventReceiver(new FeishuEventReceiver.Settings(APP_ID, token, encryptKey, Duration.ofMinutes(5)),
				this.tickets, dispatcher(listeners), this.clock, this.refusals::add);
	}

	private FeishuEventReceiver receiverKeepingTicketsIn(AppTicketStore tickets) {
		return new FeishuEventReceiver(new FeishuEventReceiver.Settings(APP_ID, TOKEN, null, Duration.ofMinutes(5)),
				tickets, dispatcher(Runnable::run), this.clock, this.refusals::add);
	}

	private final InMemoryPublishedEventIds publishedIds = new InMemoryPublishedEventIds();

	private EventDispatcher dispatcher(Executor listeners) {
		return new EventDispatcher(this.publishedIds, (event) -> this.published.add((FeishuEvent) event), listeners);
	}

	private static Executor noop() {
		return Runnable::run;
	}

	private static AppTicketStore brokenTickets(Mono<Void> save) {
		return new AppTicketStore() {

			@Override
			public Mono<String> get(String appId) {
				return Mono.empty();
			}

			@Override
			public Mono<Void> save(String appId, String ticket, Instant pushedAt) {
				return save;
			}

		};
	}

	private static Reply receive(FeishuEventReceiver receiver, EventRequest request) {
		return receiver.receive(request).block(Duration.ofSeconds(5));
	}

	private void assertRefused(Reply reply, RefusalReason reason) {
		assertThat(reply).isEqualTo(Reply.REFUSED);
		assertThat(this.refusals).last().isEqualTo(reason);
		assertThat(ticket()).as("ticket kept").isNull();
		assertThat(this.published).as("events published").isEmpty();
	}

	private @Nullable String ticket() {
		return this.tickets.get(APP_ID).block();
	}

	private JsonNode read(String text) {
		return this.json.readTree(text);
	}

}
