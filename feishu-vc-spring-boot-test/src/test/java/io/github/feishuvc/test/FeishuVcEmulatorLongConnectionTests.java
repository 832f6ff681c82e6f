package io.github.feishuvc.test;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.vc.VcService;
import com.lark.oapi.service.vc.v1.model.P2MeetingStartedV1;
import com.lark.oapi.ws.Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's long connection, proven with the official SDK's own long-connection client: it asks the endpoint for
 * the URL, connects, pings, and receives and acknowledges an event the emulator pushes, in one frame or in fragments.
 */
class FeishuVcEmulatorLongConnectionTests {

	private final FeishuVcEmulator emulator = FeishuVcEmulator.builder()
		.longConnectionPingInterval(Duration.ofSeconds(1))
		.start();

	private final List<Client> sdks = new ArrayList<>();

	@AfterEach
	void stop() throws Exception {
		for (Client sdk : this.sdks) {
			// The SDK's client has no way to stop: its connection and its never-ending ping loop are reached as the
			// Spring integrations of it do, by reflection.
			Field executor = Client.class.getDeclaredField("executor");
			executor.setAccessible(true);
			((ExecutorService) executor.get(sdk)).shutdownNow();
			Field autoReconnect = Client.class.getDeclaredField("autoReconnect");
			autoReconnect.setAccessible(true);
			autoReconnect.set(sdk, false);
		}
		this.emulator.close();
	}

	@Test
	void shouldDeliverAnEventTheOfficialSdksClientDecodesAndAcknowledges() throws Exception {
		CompletableFuture<P2MeetingStartedV1> received = connectSdk();

		EventDelivery delivery = this.emulator.pushEvent("vc.meeting.meeting_started_v1",
				FeishuVcEmulator.DEFAULT_TENANT_KEY, "{\"meeting\": {\"id\": \"6911188411934433028\", \"topic\": \"ws\"}}");

		assertThat(delivery.accepted()).as(delivery.body()).isTrue();
		assertThat(delivery.body()).contains("\"code\":200");
		P2MeetingStartedV1 event = received.get(5, TimeUnit.SECONDS);
		assertThat(event.getEvent().getMeeting().getId()).isEqualTo("6911188411934433028");
		assertThat(event.getHeader().getTenantKey()).isEqualTo(FeishuVcEmulator.DEFAULT_TENANT_KEY);
		assertThat(this.emulator.requestCount(Endpoint.LONG_CONNECTION_ENDPOINT)).isOne();
	}

	@Test
	void shouldSplitAnEventIntoFragmentsTheOfficialSdksClientReassembles() throws Exception {
		CompletableFuture<P2MeetingStartedV1> received = connectSdk();
		this.emulator.splitEventsInto(4);

		assertThat(this.emulator.pushEvent("vc.meeting.meeting_started_v1", FeishuVcEmulator.DEFAULT_TENANT_KEY,
				"{\"meeting\": {\"id\": \"7\", \"topic\": \"" + "x".repeat(500) + "\"}}").accepted()).isTrue();

		assertThat(received.get(5, TimeUnit.SECONDS).getEvent().getMeeting().getTopic()).hasSize(500);
	}

	@Test
	void shouldAnswerTheOfficialSdksPings() throws Exception {
		connectSdk();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.emulator.longConnectionPings() == 0 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}

		assertThat(this.emulator.longConnectionPings()).isPositive();
	}

	@Test
	void shouldHandAnEventWhoseHandlingFailedToAnotherConnection() throws Exception {
		AtomicInteger failed = new AtomicInteger();
		connectSdk((event) -> {
			failed.incrementAndGet();
			throw new IllegalStateException("this instance's database is away");
		});
		CompletableFuture<P2MeetingStartedV1> received = connectSdk();

		// Tried first on the failing connection half of the time: each time, the second try must go to the other.
		for (int push = 0; push < 10; push++) {
			EventDelivery delivery = this.emulator.pushEvent("vc.meeting.meeting_started_v1",
					FeishuVcEmulator.DEFAULT_TENANT_KEY, "{\"meeting\": {\"id\": \"" + push + "\"}}");
			assertThat(delivery.accepted()).as(delivery.body()).isTrue();
		}

		assertThat(received.get(5, TimeUnit.SECONDS).getEvent().getMeeting().getId()).isNotNull();
		assertThat(failed).as("no push was tried twice on the failing connection").hasValueLessThanOrEqualTo(10);
		assertThat(this.emulator.pendingDeliveries()).isEmpty();
	}

	private CompletableFuture<P2MeetingStartedV1> connectSdk() throws Exception {
		CompletableFuture<P2MeetingStartedV1> received = new CompletableFuture<>();
		connectSdk(received::complete);
		return received;
	}

	private void connectSdk(Consumer<P2MeetingStartedV1> handler) throws Exception {
		EventDispatcher dispatcher = EventDispatcher.newBuilder("", "")
			.onP2MeetingStartedV1(new VcService.P2MeetingStartedV1Handler() {
				@Override
				public void handle(P2MeetingStartedV1 event) {
					handler.accept(event);
				}
			})
			.build();
		Client sdk = new Client.Builder(this.emulator.appId(), this.emulator.appSecret())
			.domain(this.emulator.baseUrl())
			.eventHandler(dispatcher)
			.autoReconnect(false)
			.build();
		handleFramesInOrder(sdk);
		this.sdks.add(sdk);
		sdk.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.emulator.longConnectionCount() < this.sdks.size() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.emulator.longConnectionCount()).as("the SDK's clients connected").isEqualTo(this.sdks.size());
	}

	/**
	 * The SDK's client hands each frame to a pool of {@code 2 * cores + 1} threads, and joins fragments with a
	 * look-up and a put that are not atomic: two fragments handled at once each start a new set, and the event is never
	 * whole (the cause of this class's one flaky failure, on a loaded two-core machine). Its pool is replaced before
	 * it starts by one of two threads, one for its endless ping loop and one that handles frames in their order, as
	 * the platform sends them: what is tested is the frames the emulator sends, not that race.
	 */
	private static void handleFramesInOrder(Client sdk) throws ReflectiveOperationException {
		Field executor = Client.class.getDeclaredField("executor");
		executor.setAccessible(true);
		((ExecutorService) executor.get(sdk)).shutdownNow();
		executor.set(sdk, Executors.newFixedThreadPool(2));
	}

}
