package io.github.feishuvc.test;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import tools.jackson.databind.node.ObjectNode;

/**
 * The alert centre of a {@link FeishuVcEmulator} ({@link FeishuVcEmulator#alerts()}): alerts a test raises, which
 * {@code GET /alerts} then answers, in the app's own tenant.
 */
public final class EmulatorAlerts {

	/** The platform's alerts, read at each call: a reset replaces them. */
	private final Supplier<EmulatedAlerts> alerts;

	private final Replies replies;

	private final EmulatedApp app;

	EmulatorAlerts(Supplier<EmulatedAlerts> alerts, Replies replies, EmulatedApp app) {
		this.alerts = alerts;
		this.replies = replies;
		this.app = app;
	}

	/**
	 * Raise an alert, as the platform documents one ({@code alert} of {@code GET /alerts}, with its camel-case
	 * {@code notifyMethods} and {@code alertRule}); {@code alert_id} and {@code alert_time} (now) are filled in
	 * when missing.
	 * @param alertJson the alert
	 * @return its id
	 * @throws IllegalArgumentException if the JSON is not an object
	 */
	public String raise(String alertJson) {
		ObjectNode alert = this.replies.parseObject(alertJson.getBytes(StandardCharsets.UTF_8));
		if (alert == null) {
			throw new IllegalArgumentException("An alert is a JSON object");
		}
		return this.alerts.get().raise(this.app.defaultTenant(), alert);
	}

}
