package io.github.feishuvc.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The bookkeeping of {@link ClientRateLimiter}'s windows on virtual time, to the nanosecond: which permit a limit
 * counts back to, which permit a refusal gives back, when a busy spell's first calls count late, when idle windows are
 * forgotten and when a window's slots shrink. The mutation run (docs/testing.md) showed each of these could change
 * without {@link ClientRateLimiterTests} noticing.
 */
class ClientRateLimiterWindowTests {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final List<Long> passed = Collections.synchronizedList(new ArrayList<>());

	@AfterEach
	void dispose() {
		this.time.dispose();
	}

	@Test
	void shouldRefuseANegativeMarginColdMarginOrMaximumWait() {
		RateLimit limit = new RateLimit(50, 1000);
		Duration negative = Duration.ofMillis(-1);

		assertThatIllegalArgumentException().isThrownBy(() -> new ClientRateLimiter(limit, Map.of(), negative,
				Duration.ZERO, false, Duration.ZERO, this.time));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientRateLimiter(limit, Map.of(), Duration.ZERO,
				negative, false, Duration.ZERO, this.time));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientRateLimiter(limit, Map.of(), Duration.ZERO,
				Duration.ZERO, false, negative, this.time))
			.withMessage("margin, coldMargin and maxWait must not be negative");
	}

	@Test
	void shouldDescribeItsWindowsAndWhichOperationsHaveLimitsOfTheirOwn() {
		ClientRateLimiter limiter = new ClientRateLimiter(new RateLimit(50, 1000),
				Map.of("meeting.list_by_no", RateLimit.perMinute(100)), Duration.ofMillis(50), Duration.ofMillis(150),
				false, Duration.ofSeconds(1), this.time);

		assertThat(limiter.secondWindow()).isEqualTo(Duration.ofMillis(1050));
		assertThat(limiter.minuteWindow()).isEqualTo(Duration.ofMillis(60_050));
		assertThat(limiter.coldMargin()).isEqualTo(Duration.ofMillis(150));
		assertThat(limiter).hasToString(
				"ClientRateLimiter[50/s and 1000/min per operation (of each tenant), fewer for meeting.list_by_no]");
		assertThat(new ClientRateLimiter(50, 1000, Duration.ofSeconds(1), this.time))
			.hasToString("ClientRateLimiter[50/s and 1000/min per operation (of each tenant)]");
	}

	@Test
	void shouldGrantAWaitOfExactlyTheMaximum() {
		ClientRateLimiter limiter = new ClientRateLimiter(1, 1000, Duration.ofSeconds(1), this.time);

		acquire(limiter, "t1", 2);

		assertThat(this.passed).containsExactly(0L);
		advance(Duration.ofSeconds(1));
		assertThat(this.passed).as("waited the maximum, not refused").containsExactly(0L, seconds(1));
	}

	/** A minute's limit under the ring's smallest size (four slots), with a margin: the oldest permit decides. */
	@Test
	void shouldCountAMinuteLimitBackToItsOldestPermitAndDropItOnceFull() {
		ClientRateLimiter limiter = new ClientRateLimiter(50, 3, Duration.ofMillis(50), false, Duration.ofMinutes(2),
				this.time);
		acquire(limiter, "t1", 1);
		advance(Duration.ofSeconds(10));
		acquire(limiter, "t1", 1);
		advance(Duration.ofSeconds(10));
		acquire(limiter, "t1", 1);
		advance(Duration.ofSeconds(10));

		acquire(limiter, "t1", 3);

		assertThat(this.passed).hasSize(3);
		advanceTo(millis(60_049));
		assertThat(this.passed).hasSize(3);
		advance(Duration.ofMillis(100_000));
		assertThat(this.passed).as("a minute and the margin after each of the first three")
			.containsExactly(0L, seconds(10), seconds(20), millis(60_050), millis(70_050), millis(80_050));
	}

	@Test
	void shouldGiveBackTheRefusedPermitItselfNotAnother() {
		ClientRateLimiter limiter = new ClientRateLimiter(50, 3, Duration.ofMinutes(2), this.time);
		List<FeishuVcRateLimiter.Permit> permits = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			limiter.acquire("t1", "reserve.get", 1).subscribe(permits::add);
			advance(Duration.ofSeconds(10));
		}

		StepVerifier.create(limiter.refused(permits.get(0), Duration.ZERO)).verifyComplete();
		acquire(limiter, "t1", 2);

		assertThat(this.passed).as("the oldest permit's slot is free again").containsExactly(seconds(30));
		advance(Duration.ofSeconds(60));
		assertThat(this.passed).as("then a minute after the second, as the first was given back")
			.containsExactly(seconds(30), seconds(70));
	}

	@Test
	void shouldGiveBackTheNewestPermitOfAFullRingWithoutDisturbingTheOthers() {
		ClientRateLimiter limiter = new ClientRateLimiter(4, 1000, Duration.ofMinutes(2), this.time);
		List<FeishuVcRateLimiter.Permit> permits = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			limiter.acquire("t1", "reserve.get", 1).subscribe(permits::add);
			advance(Duration.ofMillis(100));
		}

		StepVerifier.create(limiter.refused(permits.get(3), Duration.ZERO)).verifyComplete();
		acquire(limiter, "t1", 2);

		assertThat(this.passed).as("the refused permit's place").containsExactly(millis(400));
		advanceTo(millis(999));
		assertThat(this.passed).hasSize(1);
		advance(Duration.ofMillis(1));
		assertThat(this.passed).as("a second after the oldest permit, still at 0")
			.containsExactly(millis(400), seconds(1));
	}

	/**
	 * A call whose second window held fewer than a second's limit in the two seconds before counts the cold margin
	 * late; one whose second-back permit is exactly two windows old does not.
	 */
	@Test
	void shouldCountACallLateOnlyWhenItsSecondBackPermitIsOverTwoWindowsOld() {
		ClientRateLimiter limiter = new ClientRateLimiter(new RateLimit(3, 1000), Map.of(), Duration.ZERO,
				Duration.ofMillis(300), false, Duration.ofMinutes(2), this.time);
		acquire(limiter, "t1", 1);
		advance(Duration.ofMillis(100));
		acquire(limiter, "t1", 1);
		advance(Duration.ofMillis(100));
		acquire(limiter, "t1", 1);
		advanceTo(millis(2300));

		acquire(limiter, "t1", 4);

		assertThat(this.passed).as("counted at 300, 400 and 500: the first three are cold")
			.containsExactly(0L, millis(100), millis(200), millis(2300), millis(2300), millis(2300));
		advanceTo(millis(3299));
		assertThat(this.passed).hasSize(6);
		advance(Duration.ofMillis(1));
		assertThat(this.passed).as("a second after the call at 2300, which 300 exactly two seconds back left warm")
			.endsWith(millis(3300));
	}

	/** The permit a second's limit back from a busy call is found, not another of the ring's slots. */
	@Test
	void shouldJudgeABusySpellByThePermitASecondsLimitBack() {
		ClientRateLimiter limiter = new ClientRateLimiter(new RateLimit(3, 1000), Map.of(), Duration.ZERO,
				Duration.ofMillis(300), false, Duration.ofMinutes(2), this.time);
		acquire(limiter, "t1", 1);
		advanceTo(seconds(4));
		acquire(limiter, "t1", 2);
		advanceTo(seconds(5));

		acquire(limiter, "t1", 4);

		advanceTo(millis(6299));
		assertThat(this.passed).as("the call at 5s starts a spell (the permit three back is from 0s): it counts at 5.3s")
			.containsExactly(0L, seconds(4), seconds(4), seconds(5), millis(5300), millis(5300));
		advance(Duration.ofMillis(1));
		assertThat(this.passed).endsWith(millis(6300));
	}

	/**
	 * A warm call right after a cold one counts no earlier than it (a window's times never go backwards), so a refusal
	 * of the cold call finds its permit and gives it back.
	 */
	@Test
	void shouldGiveBackTheRefusedPermitOfAColdCallFollowedAtOnceByAWarmOne() {
		ClientRateLimiter limiter = new ClientRateLimiter(new RateLimit(2, 1000), Map.of(), Duration.ZERO,
				Duration.ofMillis(300), false, Duration.ofMinutes(2), this.time);
		acquire(limiter, "t1", 1);
		advanceTo(millis(1500));
		List<FeishuVcRateLimiter.Permit> permits = new ArrayList<>();
		limiter.acquire("t1", "reserve.get", 1).subscribe(permits::add);
		limiter.acquire("t1", "reserve.get", 1).subscribe(permits::add);
		advance(Duration.ZERO);
		assertThat(permits).as("the second cold (counted at 1800), the third warm (at 1500, raised to 1800)").hasSize(2);

		StepVerifier.create(limiter.refused(permits.get(0), Duration.ZERO)).verifyComplete();
		acquire(limiter, "t1", 1);

		assertThat(this.passed).as("the refused call's permit given back: two in the second again")
			.containsExactly(0L, millis(1500));
	}

	/**
	 * The sweep runs at most once a minute (a minute after the last, to the nanosecond) and forgets the windows whose
	 * last permit is older than a minute window and whose hold has ended.
	 */
	@Test
	void shouldSweepOnceAMinuteTheWindowsIdleForLongerThanAMinuteWindow() {
		ClientRateLimiter limiter = new ClientRateLimiter(50, 1000, Duration.ofSeconds(5), this.time);
		acquire(limiter, "a", 1);
		advanceTo(seconds(30));
		acquire(limiter, "b", 1);
		advanceTo(seconds(60));
		limiter.refusedNow(new FeishuVcRateLimiter.Permit("held", "reserve.get", Duration.ZERO, null),
				Duration.ofSeconds(61));

		advanceTo(seconds(61));
		acquire(limiter, "c", 1);
		assertThat(limiter.windowCount()).as("a forgotten; b, held and c kept").isEqualTo(3);

		advanceTo(seconds(95));
		acquire(limiter, "d", 1);
		assertThat(limiter.windowCount()).as("no sweep within a minute of the last").isEqualTo(4);

		advanceTo(seconds(121));
		acquire(limiter, "e", 1);
		assertThat(limiter.windowCount())
			.as("b forgotten, and held now that its hold ended; c's permit is exactly a window old: kept")
			.isEqualTo(3);
	}

	@Test
	void shouldShrinkTheSlotsOfAWindowStillInUseAsItsUseFalls() {
		ClientRateLimiter limiter = new ClientRateLimiter(50, 1000, Duration.ofMinutes(1), this.time);
		acquire(limiter, "busy", 1000);
		advance(Duration.ofSeconds(20));
		assertThat(limiter.slotCount()).isEqualTo(1000);
		advanceTo(seconds(61));

		for (int call = 0; call < 12; call++) {
			acquire(limiter, "busy", 1);
			advance(Duration.ofSeconds(10));
		}

		assertThat(limiter.windowCount()).as("in use all along: never swept").isEqualTo(1);
		assertThat(limiter.slotCount()).as("about the last minute's seven calls").isLessThanOrEqualTo(16);
	}

	private void acquire(ClientRateLimiter limiter, String tenant, int count) {
		for (int i = 0; i < count; i++) {
			limiter.acquire(tenant, "reserve.get", 1)
				.subscribe(null, (ex) -> this.passed.add(-1L),
						() -> this.passed.add(this.time.now(TimeUnit.NANOSECONDS)));
		}
		advance(Duration.ZERO);
	}

	private void advance(Duration duration) {
		this.time.advanceTimeBy(duration);
	}

	private void advanceTo(long nanos) {
		this.time.advanceTimeBy(Duration.ofNanos(nanos - this.time.now(TimeUnit.NANOSECONDS)));
	}

	private static long seconds(long seconds) {
		return TimeUnit.SECONDS.toNanos(seconds);
	}

	private static long millis(long millis) {
		return TimeUnit.MILLISECONDS.toNanos(millis);
	}

}
