package io.github.feishuvc.events.longconnection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Fragments}: events reassembled whatever the order of their parts, and bounded whatever the peer
 * sends.
 */
class FragmentsTests {

	private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

	private final Fragments fragments = new Fragments(100, 4, Duration.ofSeconds(30));

	@Test
	void shouldPassAWholeEventThrough() {
		assertThat(this.fragments.add(null, 1, 0, bytes("whole"), NOW)).asString(StandardCharsets.UTF_8)
			.isEqualTo("whole");
		assertThat(this.fragments.partialCount()).isZero();
	}

	@Test
	void shouldReassembleAnEventWhosePartsArriveOutOfOrder() {
		assertThat(this.fragments.add("m", 3, 2, bytes("c"), NOW)).isNull();
		assertThat(this.fragments.add("m", 3, 0, bytes("a"), NOW)).isNull();
		assertThat(this.fragments.bufferedBytes()).isEqualTo(2);

		assertThat(this.fragments.add("m", 3, 1, bytes("b"), NOW)).asString(StandardCharsets.UTF_8).isEqualTo("abc");
		assertThat(this.fragments.partialCount()).isZero();
		assertThat(this.fragments.bufferedBytes()).isZero();
	}

	@Test
	void shouldIgnoreADuplicatePartAndAPartOutOfRange() {
		this.fragments.add("m", 2, 0, bytes("a"), NOW);

		assertThat(this.fragments.add("m", 2, 0, bytes("A"), NOW)).isNull();
		assertThat(this.fragments.add("m", 2, 2, bytes("z"), NOW)).isNull();
		assertThat(this.fragments.add("m", 2, -1, bytes("z"), NOW)).isNull();
		assertThat(this.fragments.add("m", 3, 1, bytes("z"), NOW)).as("another sum for the same id").isNull();
		assertThat(this.fragments.bufferedBytes()).isEqualTo(1);
		assertThat(this.fragments.add("m", 2, 1, bytes("b"), NOW)).asString(StandardCharsets.UTF_8).isEqualTo("ab");
	}

	@Test
	void shouldRefuseMorePartsThanAnEventMayHaveWithoutAllocatingThem() {
		assertThat(this.fragments.add("m", Fragments.MAX_PARTS + 1, 0, bytes("a"), NOW)).isNull();
		assertThat(this.fragments.add("m", Integer.MAX_VALUE, 0, bytes("a"), NOW)).isNull();
		assertThat(this.fragments.add(null, 2, 0, bytes("a"), NOW)).as("no message id").isNull();
		assertThat(this.fragments.partialCount()).isZero();
	}

	@Test
	void shouldDropAnEventLargerThanTheLimit() {
		this.fragments.add("m", 2, 0, new byte[60], NOW);

		assertThat(this.fragments.add("m", 2, 1, new byte[41], NOW)).isNull();
		assertThat(this.fragments.partialCount()).isZero();
		assertThat(this.fragments.bufferedBytes()).isZero();
		assertThat(this.fragments.add(null, 1, 0, new byte[101], NOW)).as("a whole event too large").isNull();
	}

	@Test
	void shouldBoundTheBytesBufferedAcrossEveryPartialEventDroppingTheOldest() {
		this.fragments.add("old", 2, 0, new byte[60], NOW);
		this.fragments.add("new", 2, 0, new byte[30], NOW);

		this.fragments.add("newer", 2, 0, new byte[20], NOW);

		assertThat(this.fragments.bufferedBytes()).isEqualTo(50).isLessThanOrEqualTo(100);
		assertThat(this.fragments.add("old", 2, 1, bytes("x"), NOW)).as("dropped to make room").isNull();
		assertThat(this.fragments.add("new", 2, 1, new byte[5], NOW)).hasSize(35);
	}

	@Test
	void shouldKeepAtMostTheLimitOfPartialEventsDroppingTheOldest() {
		for (int i = 0; i < 6; i++) {
			this.fragments.add("m" + i, 2, 0, bytes("a"), NOW);
		}

		assertThat(this.fragments.partialCount()).isEqualTo(4);
		assertThat(this.fragments.add("m0", 2, 1, bytes("b"), NOW)).as("evicted, so this starts a new one").isNull();
		assertThat(this.fragments.add("m5", 2, 1, bytes("b"), NOW)).asString(StandardCharsets.UTF_8).isEqualTo("ab");
	}

	@Test
	void shouldForgetPartsThatWaitedLongerThanTheExpiry() {
		this.fragments.add("m", 2, 0, bytes("a"), NOW);

		assertThat(this.fragments.add("other", 2, 0, bytes("x"), NOW.plusSeconds(30))).isNull();

		assertThat(this.fragments.partialCount()).isOne();
		assertThat(this.fragments.bufferedBytes()).isOne();
		assertThat(this.fragments.add("m", 2, 1, bytes("b"), NOW.plusSeconds(30))).isNull();
	}

	@Test
	void shouldCountPartsRatherThanScanThem() {
		Fragments large = new Fragments(1 << 20, 4, Duration.ofSeconds(30));
		int sum = Fragments.MAX_PARTS;
		for (int seq = sum - 1; seq > 0; seq--) {
			assertThat(large.add("m", sum, seq, bytes("p"), NOW)).isNull();
		}
		assertThat(large.add("m", sum, 0, bytes("p"), NOW)).hasSize(sum);
	}

	@Test
	void shouldTakeWhatFitsExactlyTheBounds() {
		assertThat(this.fragments.add(null, 1, 0, new byte[100], NOW)).as("a whole event of the largest size")
			.hasSize(100);
		this.fragments.add("old", 2, 0, new byte[60], NOW);
		this.fragments.add("new", 2, 0, new byte[40], NOW);

		assertThat(this.fragments.bufferedBytes()).as("both fit, nothing dropped").isEqualTo(100);
		assertThat(this.fragments.partialCount()).isEqualTo(2);
		assertThat(this.fragments.add("new", 2, 1, new byte[0], NOW.plusMillis(29_999)))
			.as("the largest event, a moment before its parts expire").hasSize(40);
		assertThat(this.fragments.add("old", 2, 1, new byte[40], NOW)).as("the largest event in parts").hasSize(100);
	}

	@Test
	void shouldRefuseBoundsThatHoldNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Fragments(0, 1, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new Fragments(1, 0, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new Fragments(1, 1, Duration.ZERO));
		assertThat(new Fragments(1, 1, Duration.ofNanos(1)).add(null, 1, 0, new byte[1], NOW)).hasSize(1);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
