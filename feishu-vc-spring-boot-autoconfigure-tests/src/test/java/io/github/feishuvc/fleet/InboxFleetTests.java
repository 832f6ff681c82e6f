package io.github.feishuvc.fleet;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.feishuvc.meeting.event.MeetingStartedEvent;
import io.github.feishuvc.redis.RedisEventInbox;
import io.github.feishuvc.support.RedisServer;
import io.github.feishuvc.test.EventDelivery;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessagesSummary;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's promise across a fleet of real processes: three instances of an application, each a JVM of its own
 * ({@link InboxFleetInstance}), share one {@code redis-server} and each takes events over its long connection from the
 * emulator, which pushes 1,000 events; one instance, holding events it read and did not acknowledge, is killed with
 * SIGKILL in the middle. Every event is handled: the listeners record 1,000 distinct event ids, none missing, those
 * the killed instance held included, taken over by the others after {@code claim-after}, and those in flight to it
 * as it died, pushed again by the platform if no instance acknowledged them at first.
 *
 * <p>Three JVMs on a small machine take most of a minute: tagged {@code redis-topologies}, it runs in that profile,
 * not in the default build. Each instance's output is in {@code target/inbox-fleet/}.
 */
@Tag("redis-topologies")
class InboxFleetTests {

	private static final int EVENTS = 1000;

	/** The threads pushing the events at once, each waiting for its event's acknowledgement. */
	private static final int PUSHERS = 4;

	/** The events the instance to be killed handles before its listener holds every further one. */
	private static final int HOLD_AFTER = 20;

	private static final String STREAM = "feishu:vc:{" + FeishuVcEmulator.DEFAULT_APP_ID + "}:events:inbox";

	private static final Path LOGS = Path.of("target", "inbox-fleet");

	@Test
	void shouldHandleEachOfAThousandEventsWhenOneOfThreeInstancesIsKilledInTheMiddle() throws Exception {
		List<Process> instances = new ArrayList<>();
		ExecutorService pushers = Executors.newFixedThreadPool(PUSHERS);
		try (FeishuVcEmulator emulator = FeishuVcEmulator.builder()
			.longConnectionPingInterval(Duration.ofSeconds(1))
			.start(); RedisServer redis = RedisServer.start()) {
			try {
				ReactiveStringRedisTemplate template = redis.connect();
				Files.createDirectories(LOGS);
				instances.add(startInstance(emulator, redis, "killed", HOLD_AFTER));
				instances.add(startInstance(emulator, redis, "survivor-1", -1));
				instances.add(startInstance(emulator, redis, "survivor-2", -1));
				await().atMost(Duration.ofSeconds(45))
					.failFast("an instance ended (see " + LOGS + ")",
							() -> instances.stream().anyMatch((instance) -> !instance.isAlive()))
					.until(() -> emulator.longConnectionCount() == 3);
				Process killed = instances.get(0);
				List<String> refused = new CopyOnWriteArrayList<>();

				awaitAll(push(emulator, pushers, 0, EVENTS / 2, refused));
				// In the middle of its work: it handled its share and holds more, read and not acknowledged.
				await().alias("the instance to be killed handled " + HOLD_AFTER + " events")
					.until(() -> handlings(template).get(Long.toString(killed.pid())),
							(handled) -> String.valueOf(HOLD_AFTER).equals(handled));
				List<Future<?>> secondHalf = push(emulator, pushers, EVENTS / 2, EVENTS, refused);
				String killedConsumer = await().alias("the instance to be killed holds events")
					.until(() -> consumerOf(template, killed), (name) -> name != null);
				List<String> heldEvents = eventIds(template,
						template.opsForStream()
							.pending(STREAM, Consumer.from(RedisEventInbox.GROUP, killedConsumer), Range.unbounded(),
									100)
							.block()
							.stream()
							.map(PendingMessage::getId)
							.toList());
				killed.destroyForcibly();
				assertThat(killed.waitFor(10, TimeUnit.SECONDS)).isTrue();
				assertThat(killed.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
				awaitAll(secondHalf);

				// An event the killed instance had claimed and not confirmed when it died is acknowledged by no other
				// instance (its claim is neither confirmed nor given up): the platform pushes it again after 15 s, when
				// the claim has lapsed (PublishedEventIds.CLAIM_TTL, 10 s).
				await().atMost(Duration.ofSeconds(40))
					.alias("every event acknowledged to the platform, pushed again if it was not at first")
					.until(() -> emulator.pendingDeliveries().isEmpty());
				await().alias("every event handled").until(() -> template.opsForSet()
					.size(InboxFleetInstance.HANDLED)
					.block() >= EVENTS);
				await().alias("every entry acknowledged").until(() -> template.opsForStream()
					.pending(STREAM, RedisEventInbox.GROUP)
					.map(PendingMessagesSummary::getTotalPendingMessages)
					.block() == 0L);

				assertThat(refused).as("pushes not acknowledged at first: only those in flight at the kill")
					.hasSizeLessThanOrEqualTo(PUSHERS);
				Set<String> handled = template.opsForSet()
					.members(InboxFleetInstance.HANDLED)
					.collect(Collectors.toSet())
					.block();
				Map<String, String> meetingsById = handled.stream()
					.map((entry) -> entry.split(" "))
					.collect(Collectors.toMap((entry) -> entry[0], (entry) -> entry[1]));
				assertThat(meetingsById).as("1,000 distinct event ids").hasSize(EVENTS);
				assertThat(Set.copyOf(meetingsById.values())).as("none missing")
					.isEqualTo(IntStream.range(0, EVENTS)
						.mapToObj(InboxFleetTests::meetingId)
						.collect(Collectors.toSet()));
				assertThat(heldEvents).as("the events the killed instance held, taken over").isNotEmpty()
					.allSatisfy((eventId) -> assertThat(meetingsById).containsKey(eventId));
				assertThat(handlings(template))
					.as("events handled by each instance, the killed one's before its listener held")
					.containsEntry(Long.toString(killed.pid()), Integer.toString(HOLD_AFTER))
					.hasSize(3);
			}
			finally {
				pushers.shutdownNow();
				for (Process instance : instances) {
					instance.destroyForcibly();
				}
				for (Process instance : instances) {
					instance.waitFor(10, TimeUnit.SECONDS);
				}
			}
		}
	}

	/**
	 * An instance as a JVM of its own, on this JVM's class path, its output in a file.
	 * @param holdAfter the events its listener handles before holding every further one, or {@code -1}
	 */
	private static Process startInstance(FeishuVcEmulator emulator, RedisServer redis, String name, int holdAfter)
			throws IOException {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
				InboxFleetInstance.class.getName()));
		emulator.springProperties().forEach((key, value) -> command.add("--" + key + "=" + value));
		redis.springProperties().forEach((property) -> command.add("--" + property));
		command.addAll(List.of("--feishu.vc.events.mode=long-connection", "--feishu.vc.shared-state.type=redis",
				"--feishu.vc.events.inbox.claim-after=2s", "--feishu.vc.events.inbox.backoff=10ms",
				"--spring.main.banner-mode=off", "--fleet.hold-after=" + holdAfter));
		File log = LOGS.resolve(name + ".log").toFile();
		// Standard input stays a pipe from this JVM, which never writes to it: its end ends the instance too.
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
	}

	/** Push events numbered {@code from} to {@code to}, on the pushers' threads at once. */
	private static List<Future<?>> push(FeishuVcEmulator emulator, ExecutorService pushers, int from, int to,
			List<String> refused) {
		return IntStream.range(from, to).<Future<?>>mapToObj((n) -> pushers.submit(() -> {
			EventDelivery delivery = emulator.pushEvent(MeetingStartedEvent.TYPE, FeishuVcEmulator.DEFAULT_TENANT_KEY,
					"{\"meeting\": {\"id\": \"" + meetingId(n) + "\", \"topic\": \"fleet\"}}");
			if (!delivery.accepted()) {
				refused.add(meetingId(n) + ": " + delivery);
			}
		})).toList();
	}

	private static String meetingId(int n) {
		return "fleet-" + n;
	}

	private static void awaitAll(List<Future<?>> pushes) throws Exception {
		for (Future<?> push : pushes) {
			push.get(30, TimeUnit.SECONDS);
		}
	}

	/**
	 * The name of the process's consumer in the inbox's group ({@code instance-<pid>-<random>}), if it holds entries
	 * read and not acknowledged.
	 */
	private static String consumerOf(ReactiveStringRedisTemplate template, Process process) {
		PendingMessagesSummary summary = template.opsForStream().pending(STREAM, RedisEventInbox.GROUP).block();
		return summary.getPendingMessagesPerConsumer()
			.keySet()
			.stream()
			.filter((name) -> name.startsWith("instance-" + process.pid() + "-"))
			.findFirst()
			.orElse(null);
	}

	/** {@return how many events each instance handled, by process id} */
	private static Map<String, String> handlings(ReactiveStringRedisTemplate template) {
		return template.<String, String>opsForHash()
			.entries(InboxFleetInstance.HANDLINGS)
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.block();
	}

	/** The event ids of inbox entries. */
	private static List<String> eventIds(ReactiveStringRedisTemplate template, List<RecordId> entries) {
		return entries.stream()
			.map((id) -> template.opsForStream()
				.range(STREAM, Range.closed(id.getValue(), id.getValue()))
				.blockFirst()
				.getValue()
				.get("id")
				.toString())
			.toList();
	}

	/** Polled often: the test's time is mostly waiting. */
	private static ConditionFactory await() {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(50));
	}

}
