package io.github.feishuvc.support;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Netty's leak detector (paranoid in this module's tests) reports while a test runs.
 */
public final class NettyLeaks implements AutoCloseable {

	private final LogCapture reports = LogCapture.of(ResourceLeakDetector.class.getName(), Level.ERROR);

	private NettyLeaks() {
		assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
	}

	public static NettyLeaks watch() {
		return new NettyLeaks();
	}

	/** Collect garbage and allocate until any leaked buffer has been reported, then check none was. */
	public void assertNoneReported() throws InterruptedException {
		assertThat(reported()).as("leaks reported by Netty").noneSatisfy((report) -> assertThat(report).contains("LEAK"));
	}

	/** What the detector reported, once garbage was collected and buffers allocated to make it report. */
	public List<String> reported() throws InterruptedException {
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

	@Override
	public void close() {
		this.reports.close();
	}

}
