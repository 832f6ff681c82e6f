package io.github.feishuvc.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.github.feishuvc.internal.FeishuApis;
import io.github.feishuvc.support.Windows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ClientRateLimiter} on virtual time: no test waits.
 */
class ClientRateLimiterTests {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	@AfterEach
	void dispose() {
		this.time.dispose();
	}

	@Test
	void shouldLetTheFirstFiftyGoAtOnceAndTheRestAsTheWindowSlides() {
		ClientRateLimiter limiter = new ClientRateLimiter(50, 1000, Duration.ofMinutes(1), this.time);
		List<Long> passed = acquire(limiter, "reserve.get", 120);

		this.time.advanceTimeBy(Duration.ZERO);
		assertThat(passed).hasSize(50);
		this.time.advanceTimeBy(Duration.ofMillis(999));
		assertThat(passed).hasSize(50);
		this.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(passed).hasSize(100);
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(passed).hasSize(120);
	}

	@Test
	void shouldHoldTheMinuteLimitToo() {
		ClientRateLimiter limiter = new ClientRateLimiter(50, 100, Duration.ofMinutes(2), this.time);
		List<Long> passed = acquire(limiter, "reserve.apply", 150);

		this.time.advanceTimeBy(Duration.ofSeconds(59));
		assertThat(passed).hasSize(100);
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(passed).hasSize(150);
	}

	/** Exact windows, and the margins and pacing the starter configures by default, with busy spells and idle gaps. */
	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void shouldNeverLetMoreThanTheLimitsIntoAnyWindowWhateverTheArrivals(boolean asByDefault) {
		ClientRateLimiter limiter = asByDefault
				? new ClientRateLimiter(new RateLimit(50, 1000), Map.of(), Duration.ofMillis(30), Duration.ofMillis(150),
						true, Duration.ofMinutes(30), this.time)
				: new ClientRateLimiter(50, 1000, Duration.ofMinutes(30), this.time);
		Random random = new Random(42);
		List<Long> passed = Collections.synchronizedList(new ArrayList<>());
		for (int i = 0; i < 5000; i++) {
			this.time.advanceTimeBy(Duration.ofMillis(random.nextInt(random.nextBoolean() ? 2 : 60)));
			limiter.acquire("reserve.get", 1).subscribe(null, null, () -> passed.add(this.time.now(TimeUnit.NANOSECONDS)));
		}
		this.time.advanceTimeBy(Duration.ofHours(1));

		assertThat(passed).hasSize(5000);
		assertThat(Windows.maxInAnyWindow(passed, TimeUnit.SECONDS.toNanos(1))).isLessThanOrEqualTo(50);
		assertThat(Windows.maxInAnyWindow(passed, TimeUnit.MINUTES.toNanos(1))).isLessThanOrEqualTo(1000);
	}

	@Test
	void shouldRefuseAWaitLongerThanTheMaximumWithoutTakingAPermit() {
		ClientRateLimiter limiter = new ClientRateLimiter(2, 1000, Duration.ofMillis(500), this.time);
		assertThat(acquire(limiter, "reserve.get", 2)).hasSize(2);

		StepVerifier.create(limiter.acquire("reserve.get", 3))
			.expectErrorSatisfies((ex) -> assertThat(ex)
				.isInstanceOfSatisfying(FeishuVcClientRateLimitException.class, (refused) -> {
					assertThat(refused.waitRequired()).isEqualTo(Duration.ofSeconds(1));
					assertThat(refused.operation()).isEqualTo("reserve.get");
					assertThat(refused.attempts()).isEqualTo(3);
					assertThat(refused.httpStatus()).isZero();
				})
				.hasMessageContaining("2/s and 1000/min for reserve.get")
				.hasMessageContaining("more than the maximum wait of 500ms"))
			.verify();

		this.time.advanceTimeBy(Duration.ofMillis(600));
		List<Long> passed = acquire(limiter, "reserve.get", 1);
		assertThat(passed).isEmpty();
		this.time.advanceTimeBy(Duration.ofMillis(400));
		assertThat(passed).as("the refused caller left its slot to the next").hasSize(1);
	}

	@Test
	void shouldLimitEachOperationOnItsOwn() {
		ClientRateLimiter limiter = new ClientRateLimiter(1, 1000, Duration.ofSeconds(5), this.time);

		List<Long> gets = acquire(limiter, "reserve.get", 1);
		List<Long> deletes = acquire(limiter, "reserve.delete", 1);

		assertThat(gets).hasSize(1);
		assertThat(deletes).hasSize(1);
	}

	@Test
	void shouldHoldAnOperationToItsDocumentedLimitAndTheOthersToTheDefaults() {
		ClientRateLimiter limiter = new ClientRateLimiter(new RateLimit(50, 1000), FeishuApis.rateLimits(),
				Duration.ZERO, Duration.ZERO, false, Duration.ofMinutes(2), this.time);
		List<Long> listed = acquire(limiter, "meeting.list_by_no", 101);
		List<Long> read = acquire(limiter, "meeting.get", 101);

		this.time.advanceTimeBy(Duration.ofSeconds(59));
		assertThat(listed).as("list_by_no: 100 a minute").hasSize(100);
		assertThat(read).hasSize(101);
		assertThat(limiter.limit("meeting.list_by_no")).isEqualTo(new RateLimit(50, 100));
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(listed).hasSize(101);
	}

	@Test
	void shouldLimitEachTenantOnItsOwnAsThePlatformCounts() {
		ClientRateLimiter limiter = new ClientRateLimiter(2, 1000, Duration.ofSeconds(5), this.time);
		List<Long> passed = Collections.synchronizedList(new ArrayList<>());
		for (String tenant : new String[] { "t1", "t1", "t1", "t2", "t2", null, null }) {
			limiter.acquire(tenant, "reserve.get", 1)
				.subscribe(null, (ex) -> passed.add(-1L), () -> passed.add(this.time.now(TimeUnit.NANOSECONDS)));
		}

		this.time.advanceTimeBy(Duration.ZERO);
		assertThat(passed).as("two of t1, both of t2 and both of the app's own tenant").hasSize(6);
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(passed).hasSize(7);
	}

	@Test
	void shouldGiveNoPermitOfARefusedTenantsOperationBeforeThePlatformsReset() {
		ClientRateLimiter limiter = new ClientRateLimiter(50, 1000, Duration.ofSeconds(5), this.time);
		limiter.refusedNow(hold("t1", "reserve.get"), Duration.ofMillis(700));

		List<Long> held = acquireFor(limiter, "t1", "reserve.get", 2);
		List<Long> others = acquireFor(limiter, "t2", "reserve.get", 1);
		others.addAll(acquireFor(limiter, "t1", "reserve.apply", 1));

		assertThat(held).isEmpty();
		assertThat(others).hasSize(2);
		this.time.advanceTimeBy(Duration.ofMillis(699));
		assertThat(held).isEmpty();
		this.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(held).hasSize(2);
	}

	@Test
	void shouldGiveARefusedCallsPermitBackSoThatAStrayRefusalCostsItsResetNotTheMinute() {
		ClientRateLimiter limiter = new ClientRateLimiter(50, 100, Duration.ofMinutes(2), this.time);
		List<FeishuVcRateLimiter.Permit> permits = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			limiter.acquire("t1", "reserve.get", 1).subscribe(permits::add);
			this.time.advanceTimeBy(Duration.ofMillis(100));
		}
		assertThat(permits).hasSize(100);

		StepVerifier.create(limiter.refused(permits.get(99), Duration.ofMillis(500))).verifyComplete();
		List<Long> retried = acquireFor(limiter, "t1", "reserve.get", 1);

		this.time.advanceTimeBy(Duration.ofMillis(499));
		assertThat(retried).as("held until the reset").isEmpty();
		this.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(retried).as("the refused call's permit is the retry's, not one of the next minute").hasSize(1);
		List<Long> next = acquireFor(limiter, "t1", "reserve.get", 1);
		assertThat(next).as("the minute is full again").isEmpty();
	}

	@Test
	void shouldGiveBackARefusedCallsPermitWhenItIsTheOnlyOneKept() {
		ClientRateLimiter limiter = new ClientRateLimiter(1, 100, Duration.ofMinutes(2), this.time);
		List<FeishuVcRateLimiter.Permit> permits = new ArrayList<>();
		limiter.acquire("t1", "reserve.get", 1).subscribe(permits::add);
		assertThat(permits).hasSize(1);

		StepVerifier.create(limiter.refused(permits.get(0), Duration.ZERO)).verifyComplete();

		assertThat(acquireFor(limiter, "t1", "reserve.get", 1)).as("the second's one permit, given back").hasSize(1);
	}

	@Test
	void shouldKeepAHoldLongerThanAMinuteAcrossTheSweep() {
		ClientRateLimiter limiter = new ClientRateLimiter(50, 1000, Duration.ofMinutes(5), this.time);
		limiter.refusedNow(hold("t1", "reserve.get"), Duration.ofMinutes(2));

		this.time.advanceTimeBy(Duration.ofSeconds(61));
		limiter.acquire("t2", "reserve.get", 1).block();
		List<Long> held = acquireFor(limiter, "t1", "reserve.get", 1);

		assertThat(held).isEmpty();
		this.time.advanceTimeBy(Duration.ofSeconds(59));
		assertThat(held).hasSize(1);
	}

	@Test
	void shouldKeepTokenFetchesHeldToTheLimitsOnceRefusedAcrossTheSweep() {
		ClientRateLimiter limiter = new ClientRateLimiter(5, 1000, Duration.ZERO, false, Duration.ofMillis(100),
				this.time);
		limiter.refusedNow(hold(null, "auth.tenant_access_token"), Duration.ofMillis(1));

		this.time.advanceTimeBy(Duration.ofMinutes(3));
		limiter.acquire("t2", "reserve.get", 1).block();
		List<Long> fetches = acquireFor(limiter, null, "auth.tenant_access_token", 6);

		assertThat(fetches).as("still five a second").hasSize(5);
	}

	@Test
	void shouldLetTokenFetchesGoAsAskedUntilThePlatformRefusesOneThenHoldThemToTheLimits() {
		ClientRateLimiter limiter = new ClientRateLimiter(5, 1000, Duration.ZERO, true, Duration.ofMillis(100),
				this.time);

		assertThat(acquireFor(limiter, "t1", "auth.tenant_access_token", 20)).as("no published limit").hasSize(20);
		limiter.refusedNow(hold("t1", "auth.tenant_access_token"), Duration.ofMillis(300));
		List<Long> queued = acquireFor(limiter, "t1", "auth.tenant_access_token", 10);

		assertThat(queued).isEmpty();
		this.time.advanceTimeBy(Duration.ofMillis(999));
		assertThat(queued).as("the last five of the burst are a second old only now").isEmpty();
		this.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(queued).as("then paced, five a second, waiting longer than maxWait rather than failing")
			.hasSize(1)
			.doesNotContain(-1L);
		this.time.advanceTimeBy(Duration.ofSeconds(2));
		assertThat(queued).hasSize(10).doesNotContain(-1L);
		assertThat(Windows.maxInAnyWindow(queued, TimeUnit.SECONDS.toNanos(1))).isLessThanOrEqualTo(5);
	}

	@Test
	void shouldLengthenEachWindowByTheMargin() {
		ClientRateLimiter limiter = new ClientRateLimiter(10, 1000, Duration.ofMillis(50), false,
				Duration.ofSeconds(5), this.time);
		List<Long> passed = acquire(limiter, "reserve.get", 20);

		assertThat(passed).hasSize(10);
		this.time.advanceTimeBy(Duration.ofMillis(1049));
		assertThat(passed).hasSize(10);
		this.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(passed).hasSize(20);
	}

	@Test
	void shouldSpacePacedPermitsByHalfTheirShareOfTheLengthenedSecond() {
		ClientRateLimiter limiter = new ClientRateLimiter(10, 1000, Duration.ofMillis(50), true, Duration.ofSeconds(5),
				this.time);
		List<Long> passed = acquire(limiter, "reserve.get", 21);

		assertThat(passed).hasSize(1);
		this.time.advanceTimeBy(Duration.ofMillis(52));
		assertThat(passed).hasSize(1);
		this.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(passed).as("52.5ms apart").hasSize(2);
		this.time.advanceTimeBy(Duration.ofMillis(420));
		assertThat(passed).as("a second's ten in half of it").hasSize(10);
		this.time.advanceTimeBy(Duration.ofMillis(576));
		assertThat(passed).hasSize(10);
		this.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(passed).as("the eleventh a second and the margin after the first").hasSize(11);
		this.time.advanceTimeBy(Duration.ofMillis(1050));
		assertThat(passed).hasSize(21);
		assertThat(Windows.maxInAnyWindow(passed, 1_050_000_000L)).isEqualTo(10);
	}

	@Test
	void shouldCountTheFirstSecondOfABusySpellLaterByTheColdMarginOnce() {
		ClientRateLimiter limiter = new ClientRateLimiter(new RateLimit(10, 1000), Map.of(), Duration.ofMillis(50),
				Duration.ofMillis(300), true, Duration.ofSeconds(10), this.time);
		List<Long> passed = acquire(limiter, "reserve.get", 30);

		this.time.advanceTimeBy(Duration.ofMillis(473));
		assertThat(passed).as("paced from the permits' own times, 52.5ms apart").hasSize(10);
		this.time.advanceTimeBy(Duration.ofMillis(876));
		assertThat(passed).hasSize(10);
		this.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(passed).as("the spell's first ten count 300ms late: the eleventh goes at 1350ms").hasSize(11);
		this.time.advanceTimeBy(Duration.ofMillis(1522));
		assertThat(passed).as("then a window after those: the cold margin is paid once").hasSize(29);
		this.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(passed).hasSize(30);
		assertThat(Windows.maxInAnyWindow(passed, 1_050_000_000L)).isEqualTo(10);
	}

	@Test
	void shouldForgetTheWindowsOfIdleTenants() {
		ClientRateLimiter limiter = new ClientRateLimiter(50, 1000, Duration.ofMillis(50), true, Duration.ofSeconds(5),
				this.time);
		for (int tenant = 0; tenant < 500; tenant++) {
			limiter.acquire("tenant-" + tenant, "reserve.get", 1).block();
		}
		assertThat(limiter.windowCount()).isEqualTo(500);

		this.time.advanceTimeBy(Duration.ofMinutes(2));
		limiter.acquire("tenant-0", "reserve.get", 1).block();

		assertThat(limiter.windowCount()).isEqualTo(1);
	}

	@Test
	void shouldKeepAFewSlotsForALightTenantAndGrowAndShrinkWithUse() {
		ClientRateLimiter limiter = new ClientRateLimiter(50, 1000, Duration.ofMinutes(2), this.time);
		for (int tenant = 0; tenant < 10_000; tenant++) {
			for (int call = 0; call < 3; call++) {
				limiter.acquire("tenant-" + tenant, "reserve.get", 1).subscribe();
			}
		}
		this.time.advanceTimeBy(Duration.ZERO);
		assertThat(limiter.slotCount()).as("4 slots a light tenant").isEqualTo(40_000);

		for (int call = 0; call < 1000; call++) {
			limiter.acquire("busy", "reserve.get", 1).subscribe();
		}
		this.time.advanceTimeBy(Duration.ofSeconds(30));
		assertThat(limiter.slotCount()).as("a minute's limit for the busy one").isEqualTo(40_000 + 1000);

		this.time.advanceTimeBy(Duration.ofSeconds(51));
		for (int call = 0; call < 8; call++) {
			this.time.advanceTimeBy(Duration.ofSeconds(1));
			limiter.acquire("busy", "reserve.get", 1).block();
		}
		assertThat(limiter.windowCount()).as("the light tenants' windows swept").isEqualTo(1);
		assertThat(limiter.slotCount()).as("shrunk as its use fell").isLessThanOrEqualTo(16);
	}

	@Test
	void shouldHoldBothWindowsWhileItsSlotsGrowAndShrink() {
		ClientRateLimiter limiter = new ClientRateLimiter(5, 40, Duration.ofDays(1), this.time);
		Random random = new Random(7);
		List<Long> passed = Collections.synchronizedList(new ArrayList<>());
		for (int i = 0; i < 3000; i++) {
			int pause = random.nextInt(100);
			this.time.advanceTimeBy((pause == 0) ? Duration.ofSeconds(61 + random.nextInt(30))
					: Duration.ofMillis(random.nextInt((pause < 50) ? 3 : 400)));
			limiter.acquire("reserve.get", 1).subscribe(null, null, () -> passed.add(this.time.now(TimeUnit.NANOSECONDS)));
		}
		this.time.advanceTimeBy(Duration.ofDays(1));

		assertThat(passed).hasSize(3000);
		assertThat(Windows.maxInAnyWindow(passed, TimeUnit.SECONDS.toNanos(1))).isLessThanOrEqualTo(5);
		assertThat(Windows.maxInAnyWindow(passed, TimeUnit.MINUTES.toNanos(1))).isLessThanOrEqualTo(40);
	}

	/** A permit of no window, which only holds: as a refusal of a call this limiter did not let through. */
	private static FeishuVcRateLimiter.Permit hold(String tenant, String operation) {
		return new FeishuVcRateLimiter.Permit(tenant, operation, Duration.ZERO, null);
	}

	private List<Long> acquire(ClientRateLimiter limiter, String operation, int count) {
		return acquireFor(limiter, null, operation, count);
	}

	private List<Long> acquireFor(ClientRateLimiter limiter, String tenant, String operation, int count) {
		List<Long> passed = Collections.synchronizedList(new ArrayList<>());
		for (int i = 0; i < count; i++) {
			limiter.acquire(tenant, operation, 1)
				.subscribe(null, (ex) -> passed.add(-1L), () -> passed.add(this.time.now(TimeUnit.NANOSECONDS)));
		}
		this.time.advanceTimeBy(Duration.ZERO);
		return passed;
	}

}
