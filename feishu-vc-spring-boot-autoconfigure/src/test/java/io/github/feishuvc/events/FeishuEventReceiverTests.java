package io.github.feishuvc.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.feishuvc.auth.AppTicketStore;
import io.github.feishuvc.auth.InMemoryAppTicketStore;
import io.github.feishuvc.events.FeishuEventReceiver.EventRequest;
import io.github.feishuvc.events.FeishuEventReceiver.Reply;
import io.github.feishuvc.support.EventCapture;
import io.github.feishuvc.support.LogCapture;
import io.github.feishuvc.support.MutableClock;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FeishuEventReceiver} with the requests the emulator pushes as the platform does (encrypted and signed, or
 * plain), as sent and tampered with.
 */
class FeishuEventReceiverTests {

	private static final String ENCRYPT_KEY = "test-encrypt-key-42";

	private static final String TOKEN = FeishuVcEmulator.DEFAULT_VERIFICATION_TOKEN;

	private static final String APP_ID = FeishuVcEmulator.DEFAULT_APP_ID;

	private final JsonMapper json = JsonMapper.builder().build();

	private final MutableClock clock = new MutableClock(Instant.now());

	private final InMemoryAppTicketStore tickets = new InMemoryAppTicketStore();

	private final List<FeishuEvent> published = new CopyOnWriteArrayList<>();

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
		void shouldRefuseABadSignature() {
			EventRequest push = push(emulator(ENCRYPT_KEY), FeishuVcEmulator::pushAppTicket);
			EventRequest forged = new EventRequest(push.timestamp(), push.nonce(),
					push.signature().replace(push.signature().charAt(3), (push.signature().charAt(3) == 'a') ? 'b' : 'a'),
					push.body());

			assertRefused(receive(receiver(ENCRYPT_KEY), forged), 401, "signature");
		}

		@Test
		void shouldRefuseAMissingSignature() {
			EventRequest push = push(emulator(ENCRYPT_KEY), FeishuVcEmulator::pushAppTicket);

			assertRefused(receive(receiver(ENCRYPT_KEY), new EventRequest(push.timestamp(), push.nonce(), null,
					push.body())), 401, "signature");
			assertRefused(receive(receiver(ENCRYPT_KEY), new EventRequest(null, push.nonce(), push.signature(),
					push.body())), 401, "X-Lark-Request-Timestamp");
		}

		@Test
		void shouldRefuseABodyChangedAfterSigning() {
			EventRequest push = push(emulator(ENCRYPT_KEY), FeishuVcEmulator::pushAppTicket);
			String body = new String(push.body(), StandardCharsets.UTF_8);
			char changed = (body.charAt(20) == 'A') ? 'B' : 'A';
			byte[] tampered = (body.substring(0, 20) + changed + body.substring(21)).getBytes(StandardCharsets.UTF_8);

			assertRefused(receive(receiver(ENCRYPT_KEY),
					new EventRequest(push.timestamp(), push.nonce(), push.signature(), tampered)), 401, "signature");
		}

		@Test
		void shouldRefuseAnotherEncryptKey() {
			EventRequest push = push(emulator("another-key"), FeishuVcEmulator::pushAppTicket);

			assertRefused(receive(receiver(ENCRYPT_KEY), push), 401, "signature");
		}

		@Test
		void shouldRefuseAWrongVerificationToken() {
			EventRequest push = push(emulator(ENCRYPT_KEY), FeishuVcEmulator::pushAppTicket);
			FeishuEventReceiver receiver = receiver(ENCRYPT_KEY, "another-token", APP_ID, Schedulers.immediate());

			assertRefused(receive(receiver, push), 401, "verification token");
		}

		@Test
		void shouldRefuseAUrlVerificationWithAWrongToken() {
			EventRequest push = push(emulator(ENCRYPT_KEY), (emulator) -> emulator.verifyEventUrl("challenge-42"));
			FeishuEventReceiver receiver = receiver(ENCRYPT_KEY, "another-token", APP_ID, Schedulers.immediate());

			Reply reply = receive(receiver, push);

			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.json()).doesNotContain("challenge-42");
		}

		@Test
		void shouldRefuseAStaleOrFutureTimestamp() {
			EventRequest push = push(emulator(ENCRYPT_KEY), FeishuVcEmulator::pushAppTicket);
			FeishuEventReceiver receiver = receiver(ENCRYPT_KEY);

			FeishuEventReceiverTests.this.clock.advance(Duration.ofMinutes(6));
			assertRefused(receive(receiver, push), 401, "timestamp");
			FeishuEventReceiverTests.this.clock.advance(Duration.ofMinutes(-12));
			assertRefused(receive(receiver, push), 401, "timestamp");
			FeishuEventReceiverTests.this.clock.advance(Duration.ofMinutes(4));
			assertThat(receive(receiver, push).status()).as("within the allowed skew").isEqualTo(200);
		}

		@Test
		void shouldRefuseATicketOfAnotherApp() {
			FeishuVcEmulator other = FeishuVcEmulator.builder().appId("cli_another_app").storeApp("t1")
				.encryptKey(ENCRYPT_KEY).start();
			EventRequest push = push(other, FeishuVcEmulator::pushAppTicket);

			assertRefused(receive(receiver(ENCRYPT_KEY), push), 401, "another app");
		}

		@Test
		void shouldRefuseGarbageWithAValidSignature() {
			EventCipher cipher = new EventCipher(ENCRYPT_KEY);
			String timestamp = Long.toString(FeishuEventReceiverTests.this.clock.instant().getEpochSecond());
			for (String body : List.of("not json", "[1,2]", "{\"encrypt\":\"!!not base64!!\"}",
					"{\"encrypt\":\"QUJDREVGR0g=\"}", "{\"encrypt\":42}")) {
				byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
				EventRequest request = new EventRequest(timestamp, "n0nce", cipher.sign(timestamp, "n0nce", bytes), bytes);
				assertThat(receive(receiver(ENCRYPT_KEY), request).status()).as(body).isIn(400, 401);
			}
			assertThat(ticket()).isNull();
			assertThat(FeishuEventReceiverTests.this.published).isEmpty();
		}

		@Test
		void shouldRefuseAPlainEventWhenAKeyIsSet() {
			EventRequest push = push(emulator(null), FeishuVcEmulator::pushAppTicket);

			assertRefused(receive(receiver(ENCRYPT_KEY), push), 401, "not encrypted");
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

			assertRefused(receive(receiver(null), push), 400, "no encrypt key");
		}

		@Test
		void shouldRefuseAWrongTokenOrStaleTimestamp() {
			EventRequest push = push(emulator(null), FeishuVcEmulator::pushAppTicket);
			assertRefused(receive(receiver(null, "another-token", APP_ID, Schedulers.immediate()), push), 401,
					"verification token");
			FeishuEventReceiverTests.this.clock.advance(Duration.ofHours(1));
			assertRefused(receive(receiver(null), push), 401, "timestamp");
		}

		@Test
		void shouldRefuseWhatIsNotAnEvent() {
			for (String body : List.of("", "null", "{}", "{\"type\":\"event_callback\",\"token\":\"" + TOKEN + "\"}",
					"{\"type\":\"something\",\"token\":\"" + TOKEN + "\",\"event\":{\"type\":\"x\"}}",
					"{\"type\":\"event_callback\",\"token\":\"" + TOKEN
							+ "\",\"event\":{\"type\":\"app_ticket\",\"app_id\":\"" + APP_ID + "\"}}")) {
				Reply reply = receive(receiver(null), new EventRequest(null, null, null, body.getBytes(StandardCharsets.UTF_8)));
				assertThat(reply.status()).as(body).isIn(400, 401);
			}
			assertThat(ticket()).isNull();
			assertThat(FeishuEventReceiverTests.this.published).isEmpty();
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
		void shouldAnswerWithoutWaitingForASlowListener() {
			EventRequest push = push(emulator(null),
					(emulator) -> emulator.pushEvent("contact.user.created_v3", "t1", "{}"));
			FeishuEventReceiver receiver = new FeishuEventReceiver(
					new FeishuEventReceiver.Settings(APP_ID, TOKEN, null, Duration.ofMinutes(5)),
					FeishuEventReceiverTests.this.tickets, (event) -> {
						sleep(Duration.ofSeconds(3));
						FeishuEventReceiverTests.this.published.add(event);
					}, Schedulers.boundedElastic(), FeishuEventReceiverTests.this.clock);

			long start = System.nanoTime();
			assertThat(receive(receiver, push).status()).isEqualTo(200);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
			assertThat(FeishuEventReceiverTests.this.published).isEmpty();
		}

		@Test
		void shouldAnswer500WhenTheTicketCannotBeKept() {
			EventRequest push = push(emulator(null), FeishuVcEmulator::pushAppTicket);
			AppTicketStore broken = new AppTicketStore() {

				@Override
				public Mono<String> get(String appId) {
					return Mono.empty();
				}

				@Override
				public Mono<Void> save(String appId, String ticket) {
					return Mono.error(new IllegalStateException("store down"));
				}

			};
			FeishuEventReceiver receiver = new FeishuEventReceiver(
					new FeishuEventReceiver.Settings(APP_ID, TOKEN, null, Duration.ofMinutes(5)), broken,
					FeishuEventReceiverTests.this.published::add, Schedulers.immediate(),
					FeishuEventReceiverTests.this.clock);

			assertThat(receive(receiver, push).status()).isEqualTo(500);
		}

	}

	@Test
	void shouldNeverLogATicketTokenKeyOrEventContent() {
		FeishuVcEmulator emulator = emulator(ENCRYPT_KEY);
		EventRequest ticket = push(emulator, FeishuVcEmulator::pushAppTicket);
		EventRequest event = push(emulator, (e) -> e.pushEvent("im.message.receive_v1", "t1", "{\"text\":\"secret-words\"}"));
		try (LogCapture logs = LogCapture.everything()) {
			FeishuEventReceiver receiver = receiver(ENCRYPT_KEY);
			receive(receiver, ticket);
			receive(receiver, event);
			receive(receiver, new EventRequest(ticket.timestamp(), ticket.nonce(), "bad", ticket.body()));
			receive(receiver(ENCRYPT_KEY, "another-token", APP_ID, Schedulers.immediate()), ticket);
			receive(receiver(null), ticket);

			List<String> lines = logs.lines();
			assertThat(lines).anySatisfy((line) -> assertThat(line).contains("Received the app_ticket"))
				.anySatisfy((line) -> assertThat(line).contains("Refused a request"));
			for (String secret : List.of(ticket(), TOKEN, ENCRYPT_KEY, "secret-words")) {
				assertThat(lines).noneSatisfy((line) -> assertThat(line).contains(secret));
			}
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
	private EventRequest push(FeishuVcEmulator emulator, java.util.function.Consumer<FeishuVcEmulator> push) {
		try (emulator) {
			emulator.deliverEventsTo(this.capture.url());
			push.accept(emulator);
			return this.capture.take();
		}
	}

	private FeishuEventReceiver receiver(@Nullable String encryptKey) {
		return receiver(encryptKey, TOKEN, APP_ID, Schedulers.immediate());
	}

	private FeishuEventReceiver receiver(@Nullable String encryptKey, String token, String appId, Scheduler listeners) {
		return new FeishuEventReceiver(new FeishuEventReceiver.Settings(appId, token, encryptKey, Duration.ofMinutes(5)),
				this.tickets, this.published::add, listeners, this.clock);
	}

	private static Reply receive(FeishuEventReceiver receiver, EventRequest request) {
		return receiver.receive(request).block(Duration.ofSeconds(5));
	}

	private void assertRefused(Reply reply, int status, String reason) {
		assertThat(reply.status()).isEqualTo(status);
		assertThat(read(reply.json()).path("msg").asString()).contains(reason);
		assertThat(ticket()).as("ticket kept").isNull();
		assertThat(this.published).as("events published").isEmpty();
	}

	private @Nullable String ticket() {
		return this.tickets.get(APP_ID).block();
	}

	private JsonNode read(String text) {
		return this.json.readTree(text);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
