package io.github.feishuvc.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import io.github.feishuvc.core.AccessTokenSource;
import io.github.feishuvc.core.ClientRateLimiter;
import io.github.feishuvc.core.FeishuVcAuthenticationException;
import io.github.feishuvc.core.FeishuVcErrorCodes;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcRateLimitException;
import io.github.feishuvc.core.FeishuVcRetryPolicy;
import io.github.feishuvc.core.FeishuVcServerErrorException;
import io.github.feishuvc.core.RateLimit;
import io.github.feishuvc.health.FeishuVcHealthIndicator;
import io.github.feishuvc.support.EventEndpointServer;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.Endpoint;
import io.github.feishuvc.test.Fault;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link StoreAppTokenProvider} against the emulator in store-app mode, whose tickets reach the provider's
 * {@link AppTicketStore} through the starter's own event endpoint.
 */
class StoreAppTokenProviderTests {

	private static final String ENCRYPT_KEY = "store-app-encrypt-key";

	private final InMemoryAppTicketStore tickets = new InMemoryAppTicketStore();

	private FeishuVcEmulator emulator;

	private EventEndpointServer endpoint;

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.builder().storeApp("t1", "t2", "t3").encryptKey(ENCRYPT_KEY).start();
		this.endpoint = EventEndpointServer.start(this.emulator, this.tickets);
	}

	@AfterEach
	void stop() {
		this.endpoint.close();
		this.emulator.close();
	}

	@Nested
	class Tokens {

		@Test
		void shouldAskForTheTicketThenFetchOneAppTokenAndEachTenantsToken() {
			StoreAppTokenProvider provider = provider(Duration.ofSeconds(5), 100);

			String t1 = provider.forTenant("t1").getToken().block();
			String t2 = provider.forTenant("t2").getToken().block();

			assertThat(t1).startsWith("t-").isNotEqualTo(t2);
			assertThat(t2).startsWith("t-");
			assertThat(provider.forTenant("t1").getToken().block()).as("cached").isEqualTo(t1);
			assertThat(count(Endpoint.APP_TICKET_RESEND)).isEqualTo(1);
			assertThat(count(Endpoint.APP_ACCESS_TOKEN)).isEqualTo(1);
			assertThat(count(Endpoint.STORE_TENANT_ACCESS_TOKEN)).isEqualTo(2);
			assertThat(provider.lastRefresh().succeeded()).isTrue();
		}

		@Test
		void shouldUseATicketPushedBeforeAnyCallWithoutAskingAgain() {
			assertThat(StoreAppTokenProviderTests.this.emulator.pushAppTicket().accepted()).isTrue();

			assertThat(provider(Duration.ofSeconds(5), 100).forTenant("t1").getToken().block()).startsWith("t-");
			assertThat(count(Endpoint.APP_TICKET_RESEND)).isZero();
		}

		@Test
		void shouldShareOneResendOneAppTokenAndOneTokenPerTenantBetweenConcurrentColdCallers() {
			StoreAppTokenProvider provider = provider(Duration.ofSeconds(5), 100);
			List<String> tenants = List.of("t1", "t2", "t3");

			List<String> tokens = Flux.range(0, 600)
				.flatMap((i) -> provider.forTenant(tenants.get(i % 3)).getToken().subscribeOn(Schedulers.boundedElastic()),
						600)
				.collectList()
				.block(Duration.ofSeconds(30));

			assertThat(tokens).hasSize(600);
			assertThat(Set.copyOf(tokens)).hasSize(3);
			assertThat(count(Endpoint.APP_TICKET_RESEND)).isEqualTo(1);
			assertThat(count(Endpoint.APP_ACCESS_TOKEN)).isEqualTo(1);
			assertThat(count(Endpoint.STORE_TENANT_ACCESS_TOKEN)).isEqualTo(3);
		}

		/**
		 * The platform publishes no limit for its token endpoints; once it refuses a fetch, the rest queue in the rate
		 * limiter, held to the limits, instead of each drawing a 429 and failing its tenant's callers.
		 */
		@Test
		void shouldQueueTenantTokenFetchesOnceThePlatformRefusesOneSoEveryTenantGetsItsToken() {
			List<String> tenants = IntStream.rangeClosed(1, 20).mapToObj((i) -> "t" + i).toList();
			restartEmulator(FeishuVcEmulator.builder()
				.storeApp(tenants.toArray(String[]::new))
				.encryptKey(ENCRYPT_KEY)
				.limitTokenEndpoints(5, 100));
			ClientRateLimiter limiter = new ClientRateLimiter(new RateLimit(5, 100), Map.of(), Duration.ofMillis(100),
					Duration.ZERO, true, Duration.ofMillis(100), Schedulers.parallel());
			FeishuVcExecutor executor = new FeishuVcExecutor(
					TestFeishu.client(StoreAppTokenProviderTests.this.emulator.baseUrl()), FeishuVcRetryPolicy.defaults(),
					limiter, Schedulers.parallel());
			StoreAppTokenProvider provider = new StoreAppTokenProvider(executor, FeishuVcEmulator.DEFAULT_APP_ID,
					FeishuVcEmulator.DEFAULT_APP_SECRET, StoreAppTokenProviderTests.this.tickets,
					settings(Duration.ofSeconds(5), 100), Clock.systemUTC());

			List<String> tokens = Flux.fromIterable(tenants)
				.flatMap((tenant) -> provider.forTenant(tenant).getToken(), tenants.size())
				.collectList()
				.block(Duration.ofSeconds(30));

			assertThat(tokens).hasSize(20).doesNotHaveDuplicates();
			int refused = StoreAppTokenProviderTests.this.emulator.rateLimitedRequests();
			assertThat(refused).as("only fetches sent before the platform's first refusal came back").isBetween(1, 15);
			assertThat(count(Endpoint.STORE_TENANT_ACCESS_TOKEN) - refused).as("one fetch admitted per tenant")
				.isEqualTo(20);
		}

		@Test
		void shouldReplaceAnAppTokenThePlatformRejectsAndTryOnce() {
			StoreAppTokenProvider provider = provider(Duration.ofSeconds(5), 100);
			provider.forTenant("t1").getToken().block();
			StoreAppTokenProviderTests.this.emulator.expireTokens();

			assertThat(provider.forTenant("t2").getToken().block()).startsWith("t-");
			assertThat(count(Endpoint.APP_ACCESS_TOKEN)).isEqualTo(2);
			assertThat(count(Endpoint.STORE_TENANT_ACCESS_TOKEN)).isEqualTo(3);
		}

		@Test
		void shouldDropOnlyTheRejectedTenantsToken() {
			StoreAppTokenProvider provider = provider(Duration.ofSeconds(5), 100);
			AccessTokenSource t1 = provider.forTenant("t1");
			String first = t1.getToken().block();
			String t2 = provider.forTenant("t2").getToken().block();
			StoreAppTokenProviderTests.this.emulator.expireTokens();

			t1.invalidate(first);

			assertThat(t1.getToken().block()).isNotEqualTo(first);
			assertThat(provider.forTenant("t2").getToken().block()).isEqualTo(t2);
			assertThat(t1.tenantKey()).isEqualTo("t1");
		}

		@Test
		void shouldGetANewTicketWithinTheSameCallWhenThePlatformRefusesTheOneKept() {
			StoreAppTokenProviderTests.this.tickets
				.save(FeishuVcEmulator.DEFAULT_APP_ID, "a-ticket-from-long-ago", Instant.now().minus(Duration.ofHours(3)))
				.block();
			StoreAppTokenProvider provider = provider(Duration.ofSeconds(5), 100);

			assertThat(provider.forTenant("t1").getToken().block(Duration.ofSeconds(10))).startsWith("t-");
			assertThat(count(Endpoint.APP_TICKET_RESEND)).isEqualTo(1);
			assertThat(count(Endpoint.APP_ACCESS_TOKEN)).as("refused, then with the new ticket").isEqualTo(2);
			assertThat(provider.lastRefresh().succeeded()).isTrue();
		}

		@ParameterizedTest
		@EnumSource(value = Fault.class, names = { "RATE_LIMITED", "INTERNAL_ERROR", "BAD_GATEWAY_HTML" })
		void shouldKeepUsingTheTicketAfterAFailureThatSaysNothingAboutIt(Fault fault) {
			assertThat(StoreAppTokenProviderTests.this.emulator.pushAppTicket().accepted()).isTrue();
			StoreAppTokenProviderTests.this.emulator.failNext(Endpoint.APP_ACCESS_TOKEN, fault, 1);
			StoreAppTokenProvider provider = provider(Duration.ofSeconds(5), 100);

			StepVerifier.create(provider.forTenant("t1").getToken())
				.expectErrorSatisfies((ex) -> assertThat(ex).isNotInstanceOf(FeishuVcAuthenticationException.class))
				.verify(Duration.ofSeconds(10));
			assertThat(provider.forTenant("t1").getToken().block(Duration.ofSeconds(10))).startsWith("t-");
			assertThat(count(Endpoint.APP_TICKET_RESEND)).as("the ticket was still good").isZero();
			assertThat(count(Endpoint.APP_ACCESS_TOKEN)).isEqualTo(2);
		}

		@Test
		void shouldReportFailuresOfTheTokenEndpointsForWhatTheyAre() {
			assertThat(StoreAppTokenProviderTests.this.emulator.pushAppTicket().accepted()).isTrue();
			StoreAppTokenProvider provider = provider(Duration.ofSeconds(5), 100);
			StoreAppTokenProviderTests.this.emulator.failNext(Endpoint.APP_ACCESS_TOKEN, Fault.INTERNAL_ERROR, 1);
			StepVerifier.create(provider.forTenant("t1").getToken())
				.expectError(FeishuVcServerErrorException.class)
				.verify(Duration.ofSeconds(10));
			StoreAppTokenProviderTests.this.emulator.failNext(Endpoint.APP_ACCESS_TOKEN, Fault.RATE_LIMITED, 1);
			StepVerifier.create(provider.forTenant("t1").getToken())
				.expectError(FeishuVcRateLimitException.class)
				.verify(Duration.ofSeconds(10));
			StepVerifier.create(provider.forTenant("a-tenant-that-never-installed-it").getToken())
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(FeishuVcAuthenticationException.class,
						(auth) -> assertThat(auth.code()).isEqualTo(FeishuVcErrorCodes.AUTH_INVALID_PARAM)))
				.verify(Duration.ofSeconds(10));
		}

		@Test
		void shouldJudgeItsOwnHealthByTheAppTokenAndCountTheTenantsFailuresApart() {
			StoreAppTokenProvider provider = provider(Duration.ofSeconds(5), 100);
			assertThat(provider.forTenant("t1").getToken().block(Duration.ofSeconds(10))).startsWith("t-");

			for (int i = 0; i < 3; i++) {
				StepVerifier.create(provider.forTenant("typo-" + i).getToken())
					.expectError(FeishuVcAuthenticationException.class)
					.verify(Duration.ofSeconds(10));
			}

			assertThat(provider.lastRefresh().succeeded()).isTrue();
			TenantTokenFailures failures = provider.tenantFailures();
			assertThat(failures.count()).isEqualTo(3);
			assertThat(failures.lastTenantKey()).isEqualTo("typo-2");
			assertThat(failures.last().failure()).isInstanceOf(FeishuVcAuthenticationException.class);
			Health health = new FeishuVcHealthIndicator(provider, Clock.systemUTC()).health();
			assertThat(health.getStatus()).as("one tenant says nothing about the app").isEqualTo(Status.UP);
			assertThat(health.getDetails().get("tenantTokenFailures"))
				.asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsEntry("count", 3L)
				.containsEntry("lastTenantKey", "typo-2")
				.containsEntry("lastError", "FeishuVcAuthenticationException (code 10003)")
				.containsKey("lastFailure");
		}

		@Test
		void shouldCountTheTenantsWhoseTokensItKeeps() {
			StoreAppTokenProvider provider = provider(Duration.ofSeconds(5), 100);

			for (String tenant : List.of("t1", "t2", "t1")) {
				assertThat(provider.forTenant(tenant).getToken().block()).startsWith("t-");
			}

			assertThat(provider.cachedTenants()).isEqualTo(2);
		}

		@Test
		void shouldKeepTheAppTokenWhenATenantsTokenFailsForAnotherReason() {
			StoreAppTokenProvider provider = provider(Duration.ofSeconds(5), 100);
			assertThat(provider.forTenant("t1").getToken().block()).startsWith("t-");
			StoreAppTokenProviderTests.this.emulator.failNext(Endpoint.STORE_TENANT_ACCESS_TOKEN, Fault.INTERNAL_ERROR, 1);

			StepVerifier.create(provider.forTenant("t2").getToken())
				.expectError(FeishuVcServerErrorException.class)
				.verify(Duration.ofSeconds(10));

			assertThat(count(Endpoint.APP_ACCESS_TOKEN)).as("the app token, not renewed for a server error").isOne();
		}

		@Test
		void shouldRefuseSettingsThatCannotWorkAndTakeThemAtTheirEdges() {
			Duration none = Duration.ZERO;
			Duration negative = Duration.ofNanos(-1);
			Duration idle = Duration.ofNanos(1);
			assertThat(new StoreAppTokenProvider.Settings(none, "u", none, 1, idle)).isNotNull();
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new StoreAppTokenProvider.Settings(negative, "u", none, 1, idle))
				.withMessage("ticketWait must not be negative");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new StoreAppTokenProvider.Settings(none, "u", negative, 1, idle))
				.withMessage("refreshBeforeExpiry must not be negative");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new StoreAppTokenProvider.Settings(none, "u", none, 0, idle))
				.withMessage("maxTenants must be positive");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new StoreAppTokenProvider.Settings(none, "u", none, 1, none))
				.withMessage("tenantIdleTime must be positive");
		}

		@Test
		void shouldRefuseAnAppWithoutItsIdOrSecret() {
			FeishuVcExecutor executor = TestFeishu.executor(StoreAppTokenProviderTests.this.emulator.baseUrl());
			assertThatIllegalArgumentException().isThrownBy(() -> new StoreAppTokenProvider(executor, " ",
					FeishuVcEmulator.DEFAULT_APP_SECRET, StoreAppTokenProviderTests.this.tickets,
					settings(Duration.ofSeconds(5), 100), Clock.systemUTC()))
				.withMessage("appId must not be empty");
			assertThatIllegalArgumentException().isThrownBy(() -> new StoreAppTokenProvider(executor,
					FeishuVcEmulator.DEFAULT_APP_ID, "", StoreAppTokenProviderTests.this.tickets,
					settings(Duration.ofSeconds(5), 100), Clock.systemUTC()))
				.withMessage("appSecret must not be empty");
		}

		@Test
		void shouldKeepNoMoreTenantsThanAllowed() {
			StoreAppTokenProvider provider = provider(Duration.ofSeconds(5), 2);

			for (String tenant : List.of("t1", "t2", "t3", "t1", "t2", "t3")) {
				assertThat(provider.forTenant(tenant).getToken().block()).startsWith("t-");
			}

			assertThat(provider.cachedTenants()).isLessThanOrEqualTo(2);
		}

	}

	@Nested
	class NoTicket {

		@Test
		void shouldAskOnceWaitABoundedTimeAndSayWhatToFix() {
			noPushes();
			StoreAppTokenProvider provider = provider(Duration.ofMillis(500), 100);

			long start = System.nanoTime();
			List<Throwable> failures = Flux.range(0, 50)
				.flatMap((i) -> provider.forTenant("t" + (1 + i % 3)).getToken().subscribeOn(Schedulers.boundedElastic())
					.map((token) -> (Throwable) new AssertionError("got a token"))
					.onErrorResume(Mono::just), 50)
				.collectList()
				.block(Duration.ofSeconds(10));
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

			assertThat(failures).hasSize(50).allSatisfy((ex) -> assertThat(ex)
				.isInstanceOfSatisfying(FeishuVcAuthenticationException.class,
						(auth) -> assertThat(auth.code()).isEqualTo(FeishuVcErrorCodes.APP_TICKET_MISSING))
				.hasMessageContaining("no app_ticket has arrived for store app " + FeishuVcEmulator.DEFAULT_APP_ID)
				.hasMessageContaining("within 500ms")
				.hasMessageContaining("event request URL")
				.hasMessageContaining("https://example.test/feishu/events"));
			assertThat(elapsed).isLessThan(Duration.ofSeconds(3));
			assertThat(count(Endpoint.APP_TICKET_RESEND)).as("one resend for all callers").isEqualTo(1);
			assertThat(count(Endpoint.APP_ACCESS_TOKEN)).isZero();
			assertThat(provider.lastRefresh().succeeded()).isFalse();
		}

		@Test
		void shouldReportARefusedResend() {
			noPushes();
			StoreAppTokenProvider provider = new StoreAppTokenProvider(
					TestFeishu.executor(StoreAppTokenProviderTests.this.emulator.baseUrl()),
					FeishuVcEmulator.DEFAULT_APP_ID, "a-wrong-secret", StoreAppTokenProviderTests.this.tickets,
					settings(Duration.ofMillis(500), 100), Clock.systemUTC());

			StepVerifier.create(provider.forTenant("t1").getToken())
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(FeishuVcAuthenticationException.class,
						(auth) -> assertThat(auth.code()).isEqualTo(10014)))
				.verify(Duration.ofSeconds(5));
		}

		/** The platform pushes the ticket to a URL where nothing listens. */
		private void noPushes() {
			StoreAppTokenProviderTests.this.emulator.deliverEventsTo("http://127.0.0.1:9/nowhere");
		}

	}

	@Nested
	class WithoutATenant {

		@Test
		void shouldRefuseToActWithoutATenant() {
			StoreAppTokenProvider provider = provider(Duration.ofSeconds(5), 100);

			assertThatIllegalStateException().isThrownBy(provider::checkUsable).withMessageContaining("forTenant(tenantKey)");
			StepVerifier.create(provider.getToken()).expectError(IllegalStateException.class).verify();
			assertThatIllegalArgumentException().isThrownBy(() -> provider.forTenant(" "));
			assertThat(StoreAppTokenProviderTests.this.emulator.requests()).isEmpty();
		}

		@Test
		void shouldTellASelfBuiltAppThatItHasNoTenantsToName() {
			CachingTenantAccessTokenProvider selfBuilt = TestFeishu
				.tokenProvider(TestFeishu.executor(StoreAppTokenProviderTests.this.emulator.baseUrl()), Clock.systemUTC());

			assertThatIllegalStateException().isThrownBy(() -> selfBuilt.forTenant("t1"))
				.withMessageContaining("feishu.vc.app-type=store");
		}

	}

	private void restartEmulator(FeishuVcEmulator.Builder builder) {
		stop();
		this.emulator = builder.start();
		this.endpoint = EventEndpointServer.start(this.emulator, this.tickets);
	}

	private StoreAppTokenProvider provider(Duration ticketWait, long maxTenants) {
		return new StoreAppTokenProvider(TestFeishu.executor(this.emulator.baseUrl()), FeishuVcEmulator.DEFAULT_APP_ID,
				FeishuVcEmulator.DEFAULT_APP_SECRET, this.tickets, settings(ticketWait, maxTenants), Clock.systemUTC());
	}

	private static StoreAppTokenProvider.Settings settings(Duration ticketWait, long maxTenants) {
		return new StoreAppTokenProvider.Settings(ticketWait, "https://example.test/feishu/events", Duration.ofMinutes(5),
				maxTenants, Duration.ofHours(2));
	}

	private int count(Endpoint endpoint) {
		return this.emulator.requestCount(endpoint);
	}

}
