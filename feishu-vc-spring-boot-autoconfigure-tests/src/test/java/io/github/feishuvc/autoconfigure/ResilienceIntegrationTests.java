package io.github.feishuvc.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.FeishuVcTransportException;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.support.FixedTenantToken;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.support.Windows;
import io.github.feishuvc.test.Endpoint;
import io.github.feishuvc.test.Fault;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import reactor.test.StepVerifier;


import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured client against the emulator over real loopback HTTP: rate limiting, timeouts of the token
 * call, the connection pool bound and cancellation.
 */
class ResilienceIntegrationTests {

	private FeishuVcEmulator emulator;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.builder().slowResponseDelay(Duration.ofSeconds(2)).start();
		this.contextRunner = TestFeishu.contextRunner(this.emulator);
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void shouldTakeAtLeastTheTimeTheRateLimitImpliesFor120ConcurrentCalls() {
		List<Long> sent = new CopyOnWriteArrayList<>();
		FeishuVcWebClientCustomizer recordSends = (builder) -> builder.filter((request, next) -> {
			if (request.url().getPath().startsWith("/open-apis/vc/")) {
				sent.add(System.nanoTime());
			}
			return next.exchange(request);
		});
		this.contextRunner.withBean(FeishuVcWebClientCustomizer.class, () -> recordSends).run((context) -> {
			ReserveOperations reserves = context.getBean(ReserveOperations.class);
			long start = System.nanoTime();

			List<?> results = Flux.range(0, 120)
				.flatMap((i) -> reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID), 120)
				.collectList()
				.block(Duration.ofSeconds(30));

			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			assertThat(results).hasSize(120);
			assertThat(this.emulator.requestCount("reserve.get")).isEqualTo(120);
			// 50 go at once, 50 a second later, the last 20 two seconds later.
			assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(1950));
			assertThat(sent).hasSize(120);
			// Sends are stamped a hair after their permits, on several threads: allow 10ms of that.
			assertThat(Windows.maxInAnyWindow(sent, TimeUnit.MILLISECONDS.toNanos(990))).isLessThanOrEqualTo(50);
		});
	}

	@Test
	void shouldTimeOutASlowTokenCallAndRetryIt() {
		this.emulator.failNext(Endpoint.TENANT_ACCESS_TOKEN, Fault.SLOW_RESPONSE, 1);
		this.contextRunner.withPropertyValues("feishu.vc.response-timeout=300ms").run((context) -> {
			StepVerifier.create(context.getBean(ReserveOperations.class).get(FeishuVcEmulator.REFERENCE_RESERVE_ID))
				.expectNextCount(1)
				.verifyComplete();
			assertThat(this.emulator.requestCount(Endpoint.TENANT_ACCESS_TOKEN)).isEqualTo(2);
		});
	}

	@Test
	void shouldBoundTheConnectionPool() {
		this.contextRunner
			.withPropertyValues("feishu.vc.pool.max-connections=1", "feishu.vc.pool.pending-acquire-timeout=200ms",
					"feishu.vc.retry.enabled=false")
			.run((context) -> {
				assertThat(context.getBean("feishuVcConnectionProvider", ConnectionProvider.class).maxConnections())
					.isEqualTo(1);
				ReserveOperations reserves = context.getBean(ReserveOperations.class);
				reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block();
				this.emulator.failNext("reserve.get", Fault.SLOW_RESPONSE, 2);

				List<Object> outcomes = Flux.range(0, 2)
					.flatMap((i) -> reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID)
						.cast(Object.class)
						.onErrorResume(Mono::just), 2)
					.collectList()
					.block(Duration.ofSeconds(10));

				assertThat(outcomes).filteredOn(FeishuVcTransportException.class::isInstance)
					.singleElement()
					.satisfies((failure) -> assertThat((Throwable) failure)
						.hasMessageContaining("Pool#acquire(Duration) has been pending for more than the configured timeout of 200ms"));
			});
	}

	@Test
	void shouldCancelTheHttpExchangeWhenTheSubscriptionIsCancelled() throws InterruptedException {
		CountDownLatch received = new CountDownLatch(1);
		CountDownLatch closed = new CountDownLatch(1);
		// Loops of its own: on Reactor Netty's global ones, still busy with an earlier test's load, its disposal could
		// wait for them longer than any bound.
		LoopResources loops = LoopResources.create("silent-server", 1, true);
		DisposableServer silent = HttpServer.create().runOn(loops).host("127.0.0.1").port(0).handle((req, res) -> {
			req.withConnection((connection) -> connection.onDispose(closed::countDown));
			received.countDown();
			return Mono.never();
		}).bindNow();
		try {
			this.contextRunner.withPropertyValues("feishu.vc.base-url=http://127.0.0.1:" + silent.port())
				.withBean(TenantAccessTokenProvider.class, () -> new FixedTenantToken("t-fixed"))
				.run((context) -> {
					Disposable call = context.getBean(ReserveOperations.class).get("1").subscribe();
					assertThat(received.await(5, TimeUnit.SECONDS)).isTrue();

					call.dispose();

					assertThat(closed.await(5, TimeUnit.SECONDS)).as("server saw the connection closed").isTrue();
				});
		}
		finally {
			silent.disposeNow(Duration.ofSeconds(10));
			loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
		}
	}


}
