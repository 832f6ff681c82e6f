package io.github.feishuvc.events.longconnection;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.feishuvc.events.EventDispatcher;
import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.events.InMemoryPublishedEventIds;
import io.github.feishuvc.meeting.event.MeetingStartedEvent;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.Endpoint;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's {@code ReconnectCount}, read as the official Node SDK's {@code WSClient} reads it, against the
 * emulator's long connection, with the waits between attempts on virtual time: after a drop at least one attempt, and
 * no more failed attempts in a row than the count; {@code -1} for no end.
 */
class ReconnectCountTests {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final List<FeishuEvent> published = new CopyOnWriteArrayList<>();

	private FeishuVcEmulator emulator;

	private FeishuLongConnection connection;

	@AfterEach
	void stop() {
		this.connection.stop();
		this.emulator.close();
		this.time.dispose();
	}

	@Test
	void shouldConnectAgainOnceAfterADropWhenThePlatformAllowsNoAttempt() {
		start(0);

		this.emulator.dropLongConnections();

		// The one attempt the Node SDK makes even at 0.
		awaitConnectedAgain(2);
		this.emulator.pushEvent(MeetingStartedEvent.TYPE, FeishuVcEmulator.DEFAULT_TENANT_KEY,
				"{\"meeting\": {\"id\": \"after-the-drop\"}}");
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> this.published.size() == 1);
		assertThat(this.connection.isRunning()).isTrue();
	}

	@Test
	void shouldGiveUpAfterOneFailedAttemptWhenThePlatformAllowsNoAttempt() {
		start(0);
		this.emulator.refuseLongConnections(true);

		this.emulator.dropLongConnections();

		awaitGivenUp();
		assertThat(this.emulator.requestCount(Endpoint.LONG_CONNECTION_ENDPOINT)).as("the first, and one attempt")
			.isEqualTo(2);
		assertThat(this.connection.state().reason())
			.isEqualTo("gave up after 1 failed attempts to connect again, as the platform's ReconnectCount (0) asks");
	}

	@Test
	void shouldGiveUpAfterAsManyFailedAttemptsAsThePlatformAllows() {
		start(3);
		this.emulator.refuseLongConnections(true);

		this.emulator.dropLongConnections();

		awaitGivenUp();
		assertThat(this.emulator.requestCount(Endpoint.LONG_CONNECTION_ENDPOINT)).isEqualTo(1 + 3);
		assertThat(this.connection.state().down()).isTrue();
		this.time.advanceTimeBy(Duration.ofHours(1));
		assertThat(this.emulator.requestCount(Endpoint.LONG_CONNECTION_ENDPOINT)).as("nothing after").isEqualTo(4);

		// Started again (the context stopped and started), it connects anew, with a count of its own.
		this.emulator.refuseLongConnections(false);
		this.connection.start();
		awaitConnected(5);
	}

	@Test
	void shouldCountAgainOnceAConnectionWasAlive() {
		start(1);

		for (int drop = 0; drop < 3; drop++) {
			this.emulator.dropLongConnections();
			awaitConnectedAgain(2 + drop);
			// Alive once anything arrived down it: the pong of its first ping.
			int pings = drop + 1;
			awaitAdvancing(() -> this.emulator.longConnectionPings() >= pings);
		}

		assertThat(this.connection.isRunning()).isTrue();
	}

	@Test
	void shouldNeverGiveUpWhenThePlatformSetsNoEnd() {
		start(-1);
		this.emulator.refuseLongConnections(true);

		this.emulator.dropLongConnections();

		awaitAdvancing(() -> this.emulator.requestCount(Endpoint.LONG_CONNECTION_ENDPOINT) > 20);
		assertThat(this.connection.state().status()).isEqualTo(LongConnectionState.Status.RECONNECTING);
		this.emulator.refuseLongConnections(false);
		awaitAdvancing(() -> this.connection.state().status() == LongConnectionState.Status.CONNECTED);
	}

	/** Connects to an emulator that sends this {@code ReconnectCount}, a ping a second and no jitter. */
	private void start(int reconnectCount) {
		this.emulator = FeishuVcEmulator.builder()
			.longConnectionReconnectCount(reconnectCount)
			.longConnectionPingInterval(Duration.ofSeconds(1))
			.start();
		EventDispatcher dispatcher = new EventDispatcher(new InMemoryPublishedEventIds(),
				(event) -> this.published.add((FeishuEvent) event), Runnable::run);
		// A handshake deadline no virtual wait reaches: the attempts' ends are the emulator's alone.
		FeishuLongConnection.Settings settings = new FeishuLongConnection.Settings(TestFeishu.APP_ID,
				TestFeishu.APP_SECRET, 1 << 20, Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(1),
				Duration.ofMinutes(5));
		this.connection = new FeishuLongConnection(settings, TestFeishu.client(this.emulator.baseUrl()),
				HttpClient.create(ConnectionProvider.newConnection()), dispatcher, Clock.systemUTC(), this.time);
		this.connection.start();
		awaitConnected(1);
	}

	private void awaitConnected(int endpointRequests) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.connection.state().status() == LongConnectionState.Status.CONNECTED
					&& this.emulator.longConnectionCount() == 1);
		assertThat(this.emulator.requestCount(Endpoint.LONG_CONNECTION_ENDPOINT)).isEqualTo(endpointRequests);
	}

	/** Moves virtual time past the wait before the next attempt, until the connection is open again. */
	private void awaitConnectedAgain(int endpointRequests) {
		awaitAdvancing(() -> this.emulator.requestCount(Endpoint.LONG_CONNECTION_ENDPOINT) == endpointRequests
				&& this.connection.state().status() == LongConnectionState.Status.CONNECTED
				&& this.emulator.longConnectionCount() == 1);
	}

	private void awaitGivenUp() {
		awaitAdvancing(() -> this.connection.state().status() == LongConnectionState.Status.REFUSED);
		assertThat(this.connection.isRunning()).isFalse();
	}

	/**
	 * Moves virtual time a second at a time until the condition holds: each wait is scheduled once the attempt before
	 * ended over the network, so the test cannot know when to move it by just the wait.
	 */
	private void awaitAdvancing(Callable<Boolean> condition) {
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
			this.time.advanceTimeBy(Duration.ofSeconds(1));
			return condition.call();
		});
	}

}
