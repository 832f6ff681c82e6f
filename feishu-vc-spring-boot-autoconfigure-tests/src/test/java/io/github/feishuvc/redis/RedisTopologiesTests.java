package io.github.feishuvc.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.feishuvc.auth.AppTicketStore;
import io.github.feishuvc.core.FeishuVcException;
import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.support.PlainEvents;
import io.github.feishuvc.support.ReceivedEvents;
import io.github.feishuvc.support.RedisCluster;
import io.github.feishuvc.support.RedisSentinel;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.support.Windows;
import io.github.feishuvc.test.Endpoint;
import io.github.feishuvc.test.FeishuVcEmulator;
import io.github.feishuvc.test.RecordedRequest;
import io.netty.util.ResourceLeakDetector;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances of a store app sharing their state through Redis as production runs it: a cluster of three
 * primaries, and a primary with a replica behind a Sentinel, configured with Spring Data Redis's own properties only.
 * On each they share the rate limit (no 429), the app ticket the platform pushed to one of them, one fetch of each
 * token, and the ids of the events published; under Sentinel that state outlives a failover and the instances carry
 * on.
 */
@Tag("redis-topologies")
class RedisTopologiesTests {

	private static final int PER_SECOND = 20;

	private static final int PER_MINUTE = 200;

	private static final String TENANT = "t1";

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private final List<AutoCloseable> redis = new ArrayList<>();

	private FeishuVcEmulator emulator;

	private String reserveId;

	private ResourceLeakDetector.Level leakDetection;

	/** A test of timing on a small machine: the paranoid leak detector's stack traces would be most of its work. */
	@BeforeEach
	void start() {
		this.leakDetection = ResourceLeakDetector.getLevel();
		ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
		this.emulator = FeishuVcEmulator.builder().storeApp(TENANT).enforceRateLimits(PER_SECOND, PER_MINUTE).start();
		this.reserveId = this.emulator.addTenantReserve(TENANT,
				"{\"id\": \"r-t1\", \"meeting_settings\": {\"topic\": \"stand-up\"}}");
	}

	/** Null-guarded: after a failed {@link #start()}, an exception here would hide its cause. */
	@AfterEach
	void stop() throws Exception {
		if (this.leakDetection != null) {
			ResourceLeakDetector.setLevel(this.leakDetection);
		}
		this.instances.forEach(ConfigurableApplicationContext::close);
		for (AutoCloseable topology : this.redis) {
			topology.close();
		}
		if (this.emulator != null) {
			this.emulator.close();
		}
	}

	@Test
	void shouldShareTheLimitTheTicketTheTokensAndTheEventIdsOnACluster() {
		RedisCluster cluster = RedisCluster.start();
		this.redis.add(cluster);
		startInstances(3, cluster.springProperties());

		shareTheFleetsState();

		assertThat(cluster.keys()).as("every key, tagged").isNotEmpty().allSatisfy((key) -> assertThat(key)
			.matches("feishu:vc:\\{[^{}]+\\}.*"));
		assertThat(this.instances).allSatisfy((instance) -> assertThat(
				instance.getBean(RedisAvailability.class).lastFailure()).as("a failure of Redis, such as CROSSSLOT")
			.isNull());
		Properties info = new ReactiveStringRedisTemplate(
				this.instances.get(0).getBean(ReactiveRedisConnectionFactory.class))
			.execute((connection) -> connection.serverCommands().info("server"))
			.next()
			.block(Duration.ofSeconds(5));
		assertThat(info.stringPropertyNames().stream().filter((name) -> name.endsWith("redis_version")))
			.as("the versions the start-up check reads: <host>:<port>.redis_version, one a node")
			.hasSize(3);
	}

	@Test
	void shouldShareTheLimitTheTicketTheTokensAndTheEventIdsBehindASentinelAndKeepThemThroughAFailover() {
		RedisSentinel sentinel = RedisSentinel.start();
		this.redis.add(sentinel);
		startInstances(3, sentinel.springProperties());
		shareTheFleetsState();
		String ticket = this.instances.get(0)
			.getBean(AppTicketStore.class)
			.get(this.emulator.appId())
			.block(Duration.ofSeconds(5));

		sentinel.awaitReplicated();
		sentinel.failover();

		String window = "feishu:vc:{" + this.emulator.appId() + ":" + TENANT + "}:rate-limit:reserve.get";
		assertThat(sentinel.primary().command("ZCARD", window)).as("the rate-limit window's permits, on the new primary")
			.isEqualTo(":100");
		// Each instance reserves its next permit on the new primary: its connection followed the failover.
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			long before = permits(sentinel, window);
			assertThat(call(instances(), 3)).as("a call on each instance").containsExactly(Map.entry("succeeded", 3L));
			assertThat(permits(sentinel, window) - before).as("permits the new primary gave").isEqualTo(3);
			assertThat(this.instances).allSatisfy((instance) -> assertThat(
					instance.getBean(RedisAvailability.class).isAvailable()).as("Redis, on its new primary").isTrue());
		});
		// An instance that starts now finds what the fleet shared before the failover.
		ConfigurableApplicationContext late = startInstances(1, sentinel.springProperties()).get(0);
		assertThat(late.getBean(AppTicketStore.class).get(this.emulator.appId()).block(Duration.ofSeconds(5)))
			.as("the ticket").isEqualTo(ticket);
		assertThat(call(List.of(late.getBean(ReserveOperations.class)), 5)).containsExactly(Map.entry("succeeded", 5L));
		assertThat(this.emulator.requestCount(Endpoint.APP_ACCESS_TOKEN)).as("app token fetches").isEqualTo(1);
		assertThat(this.emulator.requestCount(Endpoint.STORE_TENANT_ACCESS_TOKEN)).as("tenant token fetches")
			.isEqualTo(1);
		assertThat(this.emulator.requestCount(Endpoint.APP_TICKET_RESEND)).isZero();
		assertDuplicate(late, "ev-shared", "ev-after-failover");
		assertThat(late.getBean(RedisAvailability.class).lastFailure()).isNull();
	}

	/**
	 * The ticket pushed to the first instance, 100 calls spread over three at once, then an event pushed to the
	 * first and pushed again to the second.
	 */
	private void shareTheFleetsState() {
		this.emulator.deliverEventsTo(eventUrl(this.instances.get(0)));
		assertThat(this.emulator.pushAppTicket().accepted()).isTrue();

		Map<String, Long> outcomes = call(instances(), 100);

		assertThat(outcomes).containsExactly(Map.entry("succeeded", 100L));
		assertThat(this.emulator.rateLimitedRequests()).as("429s").isZero();
		List<Long> arrivals = this.emulator.requests()
			.stream()
			.filter((request) -> "reserve.get".equals(request.operation()))
			.map(RecordedRequest::receivedAt)
			.map((at) -> at.getEpochSecond() * 1_000_000_000L + at.getNano())
			.toList();
		assertThat(Windows.maxInAnyWindow(arrivals, 1_000_000_000L)).as("arrivals in any second")
			.isLessThanOrEqualTo(PER_SECOND);
		assertThat(this.emulator.requestCount(Endpoint.APP_TICKET_RESEND)).as("tickets asked for again").isZero();
		assertThat(this.emulator.requestCount(Endpoint.APP_ACCESS_TOKEN)).as("app token fetches").isEqualTo(1);
		assertThat(this.emulator.requestCount(Endpoint.STORE_TENANT_ACCESS_TOKEN)).as("tenant token fetches")
			.isEqualTo(1);

		assertThat(PlainEvents.push(eventUrl(this.instances.get(0)), "ev-shared")).isEqualTo(200);
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> receivedByTheFleet().contains("ev-shared"));
		assertDuplicate(this.instances.get(1), "ev-shared", "ev-after");
	}

	/**
	 * An event pushed again to an instance that never saw it is a duplicate there: a later event, which it does
	 * publish, shows that the first would have arrived by then.
	 */
	private void assertDuplicate(ConfigurableApplicationContext instance, String duplicate, String later) {
		assertThat(PlainEvents.push(eventUrl(instance), duplicate)).as("answered as received").isEqualTo(200);
		assertThat(PlainEvents.push(eventUrl(instance), later)).isEqualTo(200);
		// Through the inbox (on by default with Redis) any instance's reader may hand an event to its listeners.
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> receivedByTheFleet().contains(later));
		assertThat(receivedByTheFleet()).as("published once by the fleet").containsOnlyOnce(duplicate);
	}

	private static long permits(RedisSentinel sentinel, String window) {
		return Long.parseLong(sentinel.primary().command("ZCARD", window).substring(1));
	}

	/** The ids of the events every instance's listeners received, an id as often as it was received. */
	private List<String> receivedByTheFleet() {
		return this.instances.stream()
			.flatMap((instance) -> instance.getBean(ReceivedEvents.class).received().stream())
			.map(FeishuEvent::eventId)
			.toList();
	}

	private List<ReserveOperations> instances() {
		return this.instances.stream().map((instance) -> instance.getBean(ReserveOperations.class)).toList();
	}

	/** Calls for the tenant spread round robin over the instances, all at once. */
	private Map<String, Long> call(List<ReserveOperations> reserves, int calls) {
		Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
		Flux.range(0, calls)
			.flatMap((i) -> reserves.get(i % reserves.size())
				.forTenant(TENANT)
				.get(this.reserveId)
				.map((reserve) -> "succeeded")
				.onErrorResume((ex) -> Mono.just((ex instanceof FeishuVcException) ? ex.getClass().getSimpleName()
						: "untyped " + ex))
				.timeout(Duration.ofSeconds(60), Mono.just("hung")), calls)
			.doOnNext((outcome) -> outcomes.computeIfAbsent(outcome, (key) -> new LongAdder()).increment())
			.blockLast(Duration.ofSeconds(90));
		Map<String, Long> counts = new HashMap<>();
		outcomes.forEach((outcome, count) -> counts.put(outcome, count.sum()));
		return counts;
	}

	/** Web applications, each with its event endpoint; Redis named by the topology's Spring properties alone. */
	private List<ConfigurableApplicationContext> startInstances(int count, List<String> redisProperties) {
		List<ConfigurableApplicationContext> started = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ConfigurableApplicationContext context = TestFeishu
				.webApplication(Instance.class, WebApplicationType.REACTIVE, this.emulator)
				.properties("feishu.vc.shared-state.type=redis", "feishu.vc.rate-limit.per-second=" + PER_SECOND,
						"feishu.vc.rate-limit.per-minute=" + PER_MINUTE, "feishu.vc.rate-limit.margin=300ms",
						"feishu.vc.rate-limit.max-wait=60s", "feishu.vc.call-timeout=60s")
				.properties(redisProperties.toArray(String[]::new))
				.run();
			this.instances.add(context);
			started.add(context);
		}
		return started;
	}

	private static String eventUrl(ConfigurableApplicationContext instance) {
		return TestFeishu.url(instance, "/feishu/events");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Instance {

		@Bean
		ReceivedEvents events() {
			return new ReceivedEvents();
		}

	}

}
