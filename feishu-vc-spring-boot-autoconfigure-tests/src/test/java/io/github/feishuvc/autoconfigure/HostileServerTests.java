package io.github.feishuvc.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.FeishuVcException;
import io.github.feishuvc.core.FeishuVcInvalidResponseException;
import io.github.feishuvc.core.FeishuVcTimeoutException;
import io.github.feishuvc.core.FeishuVcTransportException;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.support.FixedTenantToken;
import io.github.feishuvc.support.HostilePeer;
import io.github.feishuvc.support.HostilePeer.Behaviour;
import io.github.feishuvc.support.NettyLeaks;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client against a peer that misbehaves on purpose, over real loopback sockets: every call ends within its
 * deadline plus a little slack with a {@link FeishuVcException}, leaks no buffer (Netty's paranoid leak detector),
 * and the next call on the same context works.
 */
class HostileServerTests {

	private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(1);

	private static final Duration SLACK = Duration.ofMillis(500);

	private static final String JSON_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";

	private HostilePeer peer;

	private NettyLeaks leaks;

	@BeforeEach
	void start() {
		this.leaks = NettyLeaks.watch();
		this.peer = HostilePeer.start();
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.peer.close();
		this.leaks.assertNoneReported();
		this.leaks.close();
	}

	@Nested
	class SlowPeers {

		@Test
		void shouldEndATrickledBodyWithinTheResponseTimeout() {
			Duration elapsed = assertFailsWith(FeishuVcTimeoutException.class, (in, out) -> {
				HostilePeer.readRequest(in);
				out.write(ascii(JSON_HEAD + "Content-Length: 5000\r\n\r\n"));
				HostilePeer.trickle(out, new byte[5000], 250);
			});
			assertThat(elapsed).as("under two times the response timeout").isLessThan(RESPONSE_TIMEOUT.multipliedBy(2));
		}

		@Test
		void shouldEndTrickledHeaders() {
			assertFailsWith(FeishuVcTimeoutException.class, (in, out) -> {
				HostilePeer.readRequest(in);
				HostilePeer.trickle(out, ascii(JSON_HEAD + "X-Padding: " + "p".repeat(200) + "\r\n\r\n"), 250);
			});
		}

		@Test
		void shouldEndAnEndlessSlowChunkedBody() {
			assertFailsWith(FeishuVcTimeoutException.class, (in, out) -> {
				HostilePeer.readRequest(in);
				out.write(ascii(JSON_HEAD + "Transfer-Encoding: chunked\r\n\r\n"));
				while (true) {
					out.write(ascii("1\r\n \r\n"));
					out.flush();
					Thread.sleep(100);
				}
			});
		}

		@Test
		void shouldEndAHundredContinueFollowedByNothing() {
			assertFailsWith(FeishuVcTimeoutException.class, (in, out) -> {
				HostilePeer.readRequest(in);
				out.write(ascii("HTTP/1.1 100 Continue\r\n\r\n"));
				out.flush();
				Thread.sleep(60_000);
			});
		}

		@Test
		void shouldEndASilentPeer() {
			assertFailsWith(FeishuVcTimeoutException.class, (in, out) -> {
				HostilePeer.readRequest(in);
				Thread.sleep(60_000);
			});
		}

	}

	@Nested
	class BrokenPeers {

		@Test
		void shouldReportABodyShorterThanItsContentLength() {
			assertFailsWith(FeishuVcTransportException.class, (in, out) -> {
				HostilePeer.readRequest(in);
				out.write(ascii(JSON_HEAD + "Content-Length: 5000\r\n\r\n{\"code\":0,\"data\":"));
				out.flush();
			});
		}

		@Test
		void shouldReleaseWhatArrivedOfABodyWhenTheCallIsCancelled() {
			contextRunner().run((context) -> {
				ReserveOperations reserves = context.getBean(ReserveOperations.class);
				HostileServerTests.this.peer.next((in, out) -> {
					HostilePeer.readRequest(in);
					out.write(ascii(JSON_HEAD + "Content-Length: 5000\r\n\r\n{\"code\":0," + " ".repeat(3000)));
					out.flush();
					Thread.sleep(60_000);
				});

				// Cancelled once part of the body has arrived: the paranoid leak detector checks it was released.
				StepVerifier.create(reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID))
					.expectSubscription()
					.expectNoEvent(Duration.ofMillis(300))
					.thenCancel()
					.verify();

				assertThat(reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block(Duration.ofSeconds(5)).id())
					.as("the next call")
					.isEqualTo(FeishuVcEmulator.REFERENCE_RESERVE_ID);
			});
		}

		@Test
		void shouldRefuseABodyOverTheLimitThatSaysSo() {
			assertFailsWith(FeishuVcInvalidResponseException.class, (in, out) -> {
				HostilePeer.readRequest(in);
				out.write(ascii(JSON_HEAD + "Content-Length: 5000000\r\n\r\n"));
				out.flush();
				Thread.sleep(60_000);
			});
		}

		@Test
		void shouldRefuseABodyOverTheLimitThatDoesNotSaySo() {
			assertFailsWith(FeishuVcInvalidResponseException.class, (in, out) -> {
				HostilePeer.readRequest(in);
				out.write(ascii(JSON_HEAD + "Transfer-Encoding: chunked\r\n\r\n"));
				byte[] chunk = ascii("10000\r\n" + " ".repeat(0x10000) + "\r\n");
				while (true) {
					out.write(chunk);
					out.flush();
				}
			});
		}

		@Test
		void shouldNotInflateAGzipBomb() throws IOException {
			ByteArrayOutputStream bomb = new ByteArrayOutputStream();
			try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
				byte[] zeros = new byte[1 << 20];
				for (int i = 0; i < 64; i++) {
					gzip.write(zeros);
				}
			}
			byte[] compressed = bomb.toByteArray();
			assertThat(compressed.length).isLessThan(1 << 20);
			AtomicReference<String> request = new AtomicReference<>();
			Outcome outcome = outcome((in, out) -> {
				request.set(HostilePeer.readRequest(in));
				// The peer closes after each answer; saying so keeps the next call off this connection.
				out.write(ascii(JSON_HEAD + "Content-Encoding: gzip\r\nContent-Length: " + compressed.length
						+ "\r\nConnection: close\r\n\r\n"));
				out.write(compressed);
				out.flush();
			});
			assertThat(request.get().toLowerCase()).as("the request").doesNotContain("accept-encoding");
			// Read as the bytes that came, not inflated: gzip is no JSON.
			assertThat(outcome.result()).isInstanceOfSatisfying(FeishuVcInvalidResponseException.class,
					(ex) -> assertThat(ex).hasMessageContaining("not the platform's JSON"));
		}

		@Test
		void shouldRefuseAHeaderBlockPastAnySaneSize() {
			assertFailsWith(FeishuVcException.class, (in, out) -> {
				HostilePeer.readRequest(in);
				out.write(ascii(JSON_HEAD));
				byte[] header = ascii("X-Huge: " + "h".repeat(64 * 1024) + "\r\n");
				for (int i = 0; i < 64; i++) {
					out.write(header);
				}
				out.flush();
			});
		}

		@Test
		void shouldEndAResponseSentBeforeTheRequestWasRead() {
			endsInTime((in, out) -> {
				out.write(ascii(JSON_HEAD + "Content-Length: 2\r\nConnection: close\r\n\r\n{}"));
				out.flush();
			});
		}

		@Test
		void shouldReadAnHttp10BodyThatEndsWithTheConnection() {
			byte[] body = TestFeishu.referenceResponse().getBytes(StandardCharsets.UTF_8);
			Object outcome = outcome((in, out) -> {
				HostilePeer.readRequest(in);
				out.write(ascii("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n"));
				out.write(body);
				out.flush();
			}).result();
			assertThat(outcome).isInstanceOfSatisfying(Reserve.class,
					(reserve) -> assertThat(reserve.id()).isEqualTo(FeishuVcEmulator.REFERENCE_RESERVE_ID));
		}

	}

	@Nested
	class Deadlines {

		@Test
		void shouldEndACallWhoseRetriesOutlastTheCallTimeout() {
			HostileServerTests.this.peer.always(HostileServerTests::silence, 20);
			contextRunner("feishu.vc.retry.enabled=true", "feishu.vc.retry.max-attempts=10",
					"feishu.vc.retry.initial-backoff=10ms", "feishu.vc.call-timeout=2500ms")
				.run((context) -> assertEndsWithDeadline(context.getBean(ReserveOperations.class)
					.get(FeishuVcEmulator.REFERENCE_RESERVE_ID), FeishuVcTimeoutException.CALL_TIMEOUT,
						Duration.ofMillis(2500), (ex) -> assertThat(ex.attempts()).isBetween(2, 3)));
		}

		@Test
		void shouldEndACallWaitingForTheRateLimiter() {
			contextRunner("feishu.vc.rate-limit.enabled=true", "feishu.vc.rate-limit.per-second=1",
					"feishu.vc.call-timeout=300ms")
				.run((context) -> {
					ReserveOperations reserves = context.getBean(ReserveOperations.class);
					reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block(Duration.ofSeconds(5));
					assertEndsWithDeadline(reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID),
							FeishuVcTimeoutException.CALL_TIMEOUT, Duration.ofMillis(300), (ex) -> {
							});
				});
		}

		@Test
		void shouldEndACallWaitingForItsToken() {
			HostileServerTests.this.peer.next(HostileServerTests::silence);
			withTokenEndpoint("feishu.vc.response-timeout=10s", "feishu.vc.call-timeout=1s")
				.run((context) -> assertEndsWithDeadline(context.getBean(ReserveOperations.class)
					.get(FeishuVcEmulator.REFERENCE_RESERVE_ID), FeishuVcTimeoutException.CALL_TIMEOUT,
						Duration.ofSeconds(1), (ex) -> {
						}));
		}

		private void assertEndsWithDeadline(Mono<Reserve> call, String deadline, Duration timeout,
				Consumer<FeishuVcTimeoutException> more) {
			long start = System.nanoTime();
			Object outcome = call.cast(Object.class).onErrorResume(Mono::just).block(timeout.multipliedBy(3));
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			assertThat(outcome).isInstanceOfSatisfying(FeishuVcTimeoutException.class, (ex) -> {
				assertThat(ex.deadline()).isEqualTo(deadline);
				assertThat(ex.timeout()).isEqualTo(timeout);
				assertThat(ex).hasMessageContaining(deadline + " of " + timeout.toMillis() + "ms passed");
				more.accept(ex);
			});
			assertThat(elapsed).isBetween(timeout.minusMillis(50), timeout.plus(SLACK));
		}

	}

	// Helpers

	private static void silence(InputStream in, OutputStream out) throws IOException, InterruptedException {
		HostilePeer.readRequest(in);
		Thread.sleep(60_000);
	}

	/** The failure of one call to the peer behaving so, which comes in time; the next call works. */
	private Duration assertFailsWith(Class<? extends FeishuVcException> type, Behaviour behaviour) {
		Outcome outcome = outcome(behaviour);
		assertThat(outcome.result()).isInstanceOf(type);
		return outcome.elapsed();
	}

	private void endsInTime(Behaviour behaviour) {
		assertThat(outcome(behaviour).result()).satisfiesAnyOf(
				(result) -> assertThat(result).isInstanceOf(Reserve.class),
				(result) -> assertThat(result).isInstanceOf(FeishuVcException.class));
	}

	/**
	 * What one call to the peer behaving so ends with (the reservation or the failure), after checking that the next
	 * call on the same context, which the peer answers well, works.
	 */
	private Outcome outcome(Behaviour behaviour) {
		AtomicReference<Outcome> outcome = new AtomicReference<>();
		contextRunner().run((context) -> {
			ReserveOperations reserves = context.getBean(ReserveOperations.class);
			this.peer.next(behaviour);
			long start = System.nanoTime();
			Object result = reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID)
				.cast(Object.class)
				.onErrorResume(Mono::just)
				.block(RESPONSE_TIMEOUT.multipliedBy(3));
			outcome.set(new Outcome(result, Duration.ofNanos(System.nanoTime() - start)));
			assertThat(reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block(Duration.ofSeconds(5)).id())
				.as("the next call")
				.isEqualTo(FeishuVcEmulator.REFERENCE_RESERVE_ID);
		});
		assertThat(outcome.get().result()).as("an outcome in time").isNotNull();
		assertThat(outcome.get().elapsed()).as("ends within the response timeout and a little slack")
			.isLessThan(RESPONSE_TIMEOUT.plus(SLACK));
		return outcome.get();
	}

	private record Outcome(Object result, Duration elapsed) {
	}

	/** The client, with a token that needs no token endpoint. */
	private ApplicationContextRunner contextRunner(String... properties) {
		return withTokenEndpoint(properties).withBean(TenantAccessTokenProvider.class,
				() -> new FixedTenantToken("t-fixed-token"));
	}

	/** The client, fetching its tenant token from the peer. */
	private ApplicationContextRunner withTokenEndpoint(String... properties) {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FeishuVcAutoConfiguration.class))
			.withConfiguration(TestFeishu.BOOT_WEB_CLIENT)
			.withPropertyValues("feishu.vc.base-url=" + this.peer.baseUrl(), "feishu.vc.app-id=cli_hostile",
					"feishu.vc.app-secret=secret", "feishu.vc.response-timeout=" + RESPONSE_TIMEOUT.toMillis() + "ms",
					"feishu.vc.retry.enabled=false", "feishu.vc.rate-limit.enabled=false", TestFeishu.FAST_SHUTDOWN)
			.withPropertyValues(properties);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
