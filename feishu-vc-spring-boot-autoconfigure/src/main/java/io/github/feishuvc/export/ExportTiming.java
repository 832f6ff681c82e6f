package io.github.feishuvc.export;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How long {@link ExportTemplate} waits for a task and a file: {@code feishu.vc.export.*}.
 *
 * @param awaitTimeout how long {@link ExportOperations#awaitFile(String)} waits for a task to finish
 * @param pollInterval the first wait between two reads of a task; each next one is twice as long
 * @param maxPollInterval the longest wait between two reads of a task
 * @param downloadTimeout the deadline of a whole download, retries included
 */
public record ExportTiming(Duration awaitTimeout, Duration pollInterval, Duration maxPollInterval,
		Duration downloadTimeout) {

	/**
	 * Create the timing.
	 * @param awaitTimeout how long to wait for a task
	 * @param pollInterval the first wait between reads
	 * @param maxPollInterval the longest wait between reads
	 * @param downloadTimeout the deadline of a download
	 */
	public ExportTiming {
		Assert.isTrue(awaitTimeout.compareTo(Duration.ZERO) > 0, "awaitTimeout must be positive");
		Assert.isTrue(pollInterval.compareTo(Duration.ZERO) > 0, "pollInterval must be positive");
		Assert.isTrue(maxPollInterval.compareTo(pollInterval) >= 0, "maxPollInterval must be at least pollInterval");
		Assert.isTrue(downloadTimeout.compareTo(Duration.ZERO) > 0, "downloadTimeout must be positive");
	}

	/**
	 * The defaults: wait 10 minutes for a task, reading it after 1 s, then up to every 30 s; 30 minutes per download.
	 * @return the defaults
	 */
	public static ExportTiming defaults() {
		return new ExportTiming(Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(30),
				Duration.ofMinutes(30));
	}

}
