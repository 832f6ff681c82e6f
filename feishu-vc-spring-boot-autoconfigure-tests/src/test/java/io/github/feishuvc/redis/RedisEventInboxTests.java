package io.github.feishuvc.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.github.feishuvc.events.Acknowledgement;
import io.github.feishuvc.events.EventDispatcher;
import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.events.PublishedEventIds;
import io.github.feishuvc.support.RedisServer;
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
 * group has not handled, and one step with the confirmation of its event's id.
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

	private static FeishuEvent event(String id) {
		return new FeishuEvent("vc.meeting.meeting_ended_v1", id, "t1", "cli_app", "{}");
	}

	private RedisEventInbox inbox(long maxLength, RedisPublishedEventIds ids) {
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
