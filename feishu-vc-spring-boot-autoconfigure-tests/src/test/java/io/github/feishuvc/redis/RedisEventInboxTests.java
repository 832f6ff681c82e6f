package io.github.feishuvc.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.github.feishuvc.events.Acknowledgement;
import io.github.feishuvc.events.EventDispatcher;
import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.events.PublishedEventIds;
import io.github.feishuvc.support.RedisServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The inbox's append script against a real {@code redis-server}: bounded by refusing, never by dropping an entry the
 * group has not handled, and one step with the confirmation of its event's id; once full, its refusal cheap and its
 * health DOWN until the readers made room, whatever a duplicate push says.
 */
class RedisEventInboxTests {

	private static final String STREAM = "test:{cli_app}:events:inbox";

	private static RedisServer server;

	private final RedisAvailability availability = new RedisAvailability(Duration.ofSeconds(2), Clock.systemUTC());

	private ReactiveStringRedisTemplate redis;

	@BeforeAll
	static void startServer() {
		server = RedisServer.start();
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	@BeforeEach
	void start() {
		server.reset();
		this.redis = server.connect();
	}

	@AfterEach
	void stop() {
		server.disconnect();
	}

	@Test
	void shouldAppendAnEventOnceWhenTheInstanceThatAppendedItDiedBeforeConfirmingItsIdAndTheClaimLapsed() {
		RedisPublishedEventIds killedIds = ids();
		// The instance killed right after the append: its confirmation never runs.
		PublishedEventIds confirmationLost = new PublishedEventIds() {

			@Override
			public Mono<Claim> claim(String eventId, String token) {
				return killedIds.claim(eventId, token);
			}

			@Override
			public Mono<Void> confirm(String eventId, String token) {
				return Mono.empty();
			}

			@Override
			public Mono<Void> release(String eventId, String token) {
				return killedIds.release(eventId, token);
			}

		};
		FeishuEvent event = new FeishuEvent("vc.meeting.meeting_ended_v1", "ev-1", "t1", "cli_app", "{}");
		assertThat(dispatcher(confirmationLost, inbox(100, killedIds)).dispatch(event).block())
			.isEqualTo(EventDispatcher.Outcome.STORED);
		// Its claim lapses (CLAIM_TTL) before the platform pushes the event again, to another instance.
		this.redis.delete("test:{cli_app}:event:ev-1").block();

		RedisPublishedEventIds otherIds = ids();
		EventDispatcher other = dispatcher(otherIds, inbox(100, otherIds));

		assertThat(other.dispatch(event).block()).isEqualTo(EventDispatcher.Outcome.DUPLICATE);
		assertThat(this.redis.opsForStream().size(STREAM).block()).as("appended once").isEqualTo(1L);
	}

	@Test
	void shouldTrimOnlyHandledEntriesAndRefuseAnAppendWhenTheRestFillTheInbox() {
		RedisEventInbox inbox = inbox(2, ids());
		inbox.append(event("ev-1")).block();
		inbox.append(event("ev-2")).block();
		server.command("XGROUP", "CREATE", STREAM, RedisEventInbox.GROUP, "0");
		server.command("XREADGROUP", "GROUP", RedisEventInbox.GROUP, "stopped", "COUNT", "2", "STREAMS", STREAM, ">");
		String handled = this.redis.opsForStream().range(STREAM, Range.unbounded())
			.blockFirst()
			.getId()
			.getValue();
		server.command("XACK", STREAM, RedisEventInbox.GROUP, handled);

		inbox.append(event("ev-3")).block();

		assertThat(this.redis.opsForStream().size(STREAM).block()).as("the handled entry trimmed").isEqualTo(2L);
		assertThatException().as("the stopped instance's pending entry and the unread one fill the inbox")
			.isThrownBy(() -> inbox.append(event("ev-4")).block())
			.withMessageContaining("max-length");
		assertThat(this.redis.opsForStream().range(STREAM, Range.unbounded())
			.map((entry) -> entry.getValue().get("id"))
			.collectList()
			.block()).as("nothing unhandled dropped").containsExactly("ev-2", "ev-3");
		assertThat(inbox.appendFailure()).contains("max-length");
		for (int i = 0; i < 3; i++) {
			assertThatException().isThrownBy(() -> inbox.append(event("ev-4")).block());
		}
		assertThat(this.availability.isAvailable()).as("a full inbox is no Redis outage").isTrue();
	}

	@Test
	void shouldKeepTheHealthDownWhenAnEventPushedAgainIsADuplicateWhileTheInboxIsStillFull() {
		RedisEventInbox inbox = inbox(2, ids());
		inbox.append(event("ev-1")).block();
		inbox.append(event("ev-2")).block();
		server.command("XGROUP", "CREATE", STREAM, RedisEventInbox.GROUP, "0");
		assertThatException().isThrownBy(() -> inbox.append(event("ev-3")).block());
		assertThat(inbox.appendFailure()).contains("max-length");

		// The platform pushes ev-1 again (its answer was lost): a duplicate, answered without any room being made.
		inbox.append(event("ev-1")).block();

		assertThatException().as("the inbox is still full").isThrownBy(() -> inbox.append(event("ev-3")).block());
		inbox.append(event("ev-1")).block();
		assertThat(inbox.appendFailure()).as("health DOWN while every new event is refused").isNotNull();
	}

	@Test
	void shouldRefuseAnAppendToAFullInboxWithoutReadingItsWholeBacklogWhenRedisDoesNotReportTheGroupsLag() {
		// The default max-length and shared-state timeout; events of about 1 KB.
		RedisAvailability defaults = new RedisAvailability(Duration.ofMillis(500), Clock.systemUTC());
		RedisEventInbox inbox = new RedisEventInbox(this.redis, defaults, "test:", "cli_app", 100_000, null);
		server.command("XGROUP", "CREATE", STREAM, RedisEventInbox.GROUP, "0", "MKSTREAM");
		for (int i = 0; i < 10; i++) {
			server.command("EVAL", "local json = string.rep('a', 1000) for i = 1, 10000 do redis.call('XADD', KEYS[1], "
					+ "'*', 'type', 't', 'id', '', 'tenant', 't', 'app', 'cli_app', 'json', json) end return 1", "1",
					STREAM);
		}
		server.command("XREADGROUP", "GROUP", RedisEventInbox.GROUP, "stopped", "COUNT", "1", "STREAMS", STREAM, ">");
		// An unread entry deleted: Redis 7 then reports no lag, as Redis before 7 never does.
		server.command("XADD", STREAM, "9999999999999-0", "type", "t");
		server.command("XDEL", STREAM, "9999999999999-0");

		for (int i = 0; i < 3; i++) {
			assertThatException().isThrownBy(() -> inbox.append(event(null)).block())
				.withMessageContaining("max-length");
		}
		assertThat(defaults.isAvailable()).as("a full inbox is no Redis outage").isTrue();
	}

	@Test
	void shouldTurnTheHealthUpWhenTheReadersDrainedAFullInboxWithoutWaitingForAnotherPush() {
		RedisEventInbox inbox = inbox(2, null);
		inbox.append(event("ev-1")).block();
		inbox.append(event("ev-2")).block();
		server.command("XGROUP", "CREATE", STREAM, RedisEventInbox.GROUP, "0");
		assertThatException().isThrownBy(() -> inbox.append(event("ev-3")).block());
		// The readers handle both: the inbox has room again. Behind a load balancer that reads the health, DOWN
		// means no push reaches this instance, so an append that succeeds may never come.
		server.command("XREADGROUP", "GROUP", RedisEventInbox.GROUP, "reader", "COUNT", "2", "STREAMS", STREAM, ">");
		for (String id : this.redis.opsForStream()
			.range(STREAM, Range.unbounded())
			.map((entry) -> entry.getId().getValue())
			.collectList()
			.block()) {
			server.command("XACK", STREAM, RedisEventInbox.GROUP, id);
		}

		// What each of the reader's polls does about the inbox's health.
		inbox.readResult(null);
		inbox.probeWrite().block();

		assertThat(inbox.appendFailure()).as("health UP: an append would succeed").isNull();
	}

	private static FeishuEvent event(@Nullable String id) {
		return new FeishuEvent("vc.meeting.meeting_ended_v1", id, "t1", "cli_app", "{}");
	}

	private RedisEventInbox inbox(long maxLength, @Nullable RedisPublishedEventIds ids) {
		return new RedisEventInbox(this.redis, this.availability, "test:", "cli_app", maxLength, ids);
	}

	private RedisPublishedEventIds ids() {
		return new RedisPublishedEventIds(this.redis, this.availability, "test:", "cli_app", Duration.ofHours(12),
				Clock.systemUTC());
	}

	private static EventDispatcher dispatcher(PublishedEventIds ids, RedisEventInbox inbox) {
		return new EventDispatcher(ids, (event) -> {
		}, Runnable::run, List.of(), Acknowledgement.ON_RECEIPT, inbox);
	}

}
