package io.github.feishuvc.support;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Netty's leak detector (paranoid in this module's tests, keeping every access of a buffer) reports while a test
 * runs. Reactor Netty's own hints are switched on meanwhile, so that a report says whether the buffer ever reached a
 * subscriber.
 * <p>
 * The mutation profile alone switches the detector off ({@code -Dio.netty.leakDetection.level=disabled}, with
 * {@code -Dfeishuvc.mutation=true} so that no other run can do it unnoticed): PIT runs the
 * tests of mutant after mutant in one JVM, where a buffer an earlier mutant leaked would be reported during a later
 * test, a kill that test did not make. There these checks pass, and the tests' other assertions decide.
 */
public final class NettyLeaks implements AutoCloseable {

	/**
	 * Collections a check makes, each followed by allocations that report what it found: a buffer that only a
	 * collection frees from what held it (a cleared weak key, say) is found by a later one.
	 */
	private static final int ROUNDS = 5;

	/** Reactor Netty's hint on a buffer that waits for a subscriber to the response's body. */
	private static final String QUEUED = "in the inbound buffer queue";

	/** Reactor Netty's hint on a buffer handed to a subscriber. */
	private static final String HANDED_ON = "] Receiver ";

	private final LogCapture reports = LogCapture.of(ResourceLeakDetector.class.getName(), Level.ERROR);

	private final LogCapture hints = LogCapture.of("_reactor.netty.channel.LeakDetection", Level.DEBUG);

	private final boolean checked;

	private NettyLeaks() {
		this.checked = !Boolean.getBoolean("feishuvc.mutation");
		if (this.checked) {
			assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
		}
	}

	public static NettyLeaks watch() {
		return new NettyLeaks();
	}

	/** Collect garbage and allocate until any leaked buffer has been reported, then check none was. */
	public void assertNoneReported() throws InterruptedException {
		assertThat(leaks()).as("leaks reported by Netty").isEmpty();
	}

	/**
	 * As {@link #assertNoneReported()}, but for the buffers of a response that Reactor Netty received for a call
	 * cancelled just then, and queued for a subscriber it never handed them to (nor a response to subscribe with):
	 * no code of ours, nor Spring's, ever saw them. Plain {@code WebClient} calls cancelled at random moments leave
	 * such buffers too (see docs/troubleshooting.md); a test that cancels at random moments asks this instead.
	 */
	public void assertNoneReportedButResponsesReactorNettyNeverHandedOn() throws InterruptedException {
		assertThat(leaks()).as("leaks reported by Netty")
			.allSatisfy((report) -> assertThat(report).contains(QUEUED).doesNotContain(HANDED_ON));
	}

	/** What the detector reported, once garbage was collected and buffers allocated to make it report. */
	public List<String> reported() throws InterruptedException {
		if (!this.checked) {
			return List.of();
		}
		// Leaks are reported when a later allocation finds a collected, unreleased buffer.
		for (int round = 0; round < ROUNDS; round++) {
			collectGarbage();
			if (round == ROUNDS - 1) {
				// The rest of the last collection's pass (see collectGarbage): the earlier ones were done by now.
				Thread.sleep(10);
			}
			for (int i = 0; i < 100; i++) {
				PooledByteBufAllocator.DEFAULT.directBuffer(64).release();
			}
		}
		return this.reports.events().stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

	/**
	 * Collect garbage, and wait until a reference of our own that the collection cleared is in its queue. The JVM's
	 * reference handler, one thread, moves what each collection cleared to the queues (Netty's detector reads its
	 * own) one collection after another: once this round's reference is in, every reference the earlier rounds'
	 * collections cleared is in too, and the rest of this round's follow within moments. Waiting for that rather than
	 * a fixed 100 ms a round (half a second a test, in classes that check for leaks after every test) is what keeps
	 * the check fast.
	 */
	private static void collectGarbage() throws InterruptedException {
		ReferenceQueue<Object> queue = new ReferenceQueue<>();
		WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
		System.gc();
		if (queue.remove(1000) == null) {
			// Not cleared (a collector that ignores System.gc()): the time the reference handler had before.
			Thread.sleep(100);
		}
		Reference.reachabilityFence(sentinel);
	}

	private List<String> leaks() throws InterruptedException {
		return reported().stream().filter((report) -> report.contains("LEAK")).toList();
	}

	@Override
	public void close() {
		this.hints.close();
		this.reports.close();
	}

}
