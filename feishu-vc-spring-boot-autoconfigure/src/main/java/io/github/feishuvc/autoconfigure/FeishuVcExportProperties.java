package io.github.feishuvc.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Settings of the meeting data's exports ({@code feishu.vc.export.*}): how long to wait for a task and a file.
 */
@ConfigurationProperties(FeishuVcExportProperties.PREFIX)
public final class FeishuVcExportProperties {

	/** Prefix of the properties. */
	public static final String PREFIX = "feishu.vc.export";

	/**
	 * How long waiting for an export task's file lasts before it fails.
	 */
	private final Duration awaitTimeout;

	/**
	 * First wait between two reads of an export task; each next one is twice as long.
	 */
	private final Duration pollInterval;

	/**
	 * Longest wait between two reads of an export task.
	 */
	private final Duration maxPollInterval;

	/**
	 * Deadline of a whole download of an export's file, or of a minute's transcript or media, retries included
	 * (each wait for more bytes is bounded by the response timeout).
	 */
	private final Duration downloadTimeout;

	/**
	 * Bind the properties; a default applies to each one that is not set.
	 * @param awaitTimeout how long waiting for an export task's file lasts before it fails.
	 * @param pollInterval first wait between two reads of an export task; each next one is twice as long.
	 * @param maxPollInterval longest wait between two reads of an export task.
	 * @param downloadTimeout deadline of a whole download of an export's file, or of a minute's transcript or
	 * media, retries included (each wait for more bytes is bounded by the response timeout).
	 */
	public FeishuVcExportProperties(@DefaultValue("10m") Duration awaitTimeout,
			@DefaultValue("1s") Duration pollInterval,
			@DefaultValue("30s") Duration maxPollInterval, @DefaultValue("30m") Duration downloadTimeout) {
		FeishuVcProperties.positive(awaitTimeout, "export.await-timeout");
		FeishuVcProperties.positive(pollInterval, "export.poll-interval");
		Assert.isTrue(maxPollInterval.compareTo(pollInterval) >= 0,
				"feishu.vc.export.max-poll-interval must be at least feishu.vc.export.poll-interval");
		FeishuVcProperties.positive(downloadTimeout, "export.download-timeout");
		this.awaitTimeout = awaitTimeout;
		this.pollInterval = pollInterval;
		this.maxPollInterval = maxPollInterval;
		this.downloadTimeout = downloadTimeout;
	}

	/**
	 * {@return how long waiting for an export task's file lasts before it fails}
	 */
	public Duration getAwaitTimeout() {
		return this.awaitTimeout;
	}

	/**
	 * {@return first wait between two reads of an export task}
	 */
	public Duration getPollInterval() {
		return this.pollInterval;
	}

	/**
	 * {@return longest wait between two reads of an export task}
	 */
	public Duration getMaxPollInterval() {
		return this.maxPollInterval;
	}

	/**
	 * {@return deadline of a whole download of an export's file}
	 */
	public Duration getDownloadTimeout() {
		return this.downloadTimeout;
	}

	@Override
	public String toString() {
		return "FeishuVcExportProperties[awaitTimeout=" + this.awaitTimeout + ", pollInterval=" + this.pollInterval
				+ ", maxPollInterval=" + this.maxPollInterval + ", downloadTimeout=" + this.downloadTimeout + "]";
	}

}
