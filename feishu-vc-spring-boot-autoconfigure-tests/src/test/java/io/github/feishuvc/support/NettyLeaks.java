package io.github.feishuvc.support;

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
		for (int round = 0; round < 5; round++) {
			System.gc();
			Thread.sleep(100);
			for (int i = 0; i < 100; i++) {
				PooledByteBufAllocator.DEFAULT.directBuffer(64).release();
			}
		}
		return this.reports.events().stream().map(ILoggingEvent::getFormattedMessage).toList();
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
