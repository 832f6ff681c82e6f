package io.github.feishuvc.test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.feishuvc.internal.ReportApis;
import io.github.feishuvc.test.Replies.Reply;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.first;
import static io.github.feishuvc.test.EmulatedJson.seconds;

/**
 * The alert centre of the emulated platform ({@code vc-reports-exports.md} §10): the alerts a test raised
 * ({@link EmulatorAlerts}), which {@code GET /alerts} answers per tenant, in a window, for a room if asked.
 */
final class EmulatedAlerts implements VcRoutes.Endpoints {

	private final Replies replies;

	private final Clock clock;

	private final List<Raised> alerts = new CopyOnWriteArrayList<>();

	EmulatedAlerts(Replies replies, Clock clock) {
		this.replies = replies;
		this.clock = clock;
	}

	@Override
	public void serve(VcRoutes routes) {
		routes.handle(ReportApis.ALERTS, (caller, call) -> alerts(caller, call.query()));
	}

	/** Raise an alert in a tenant: the platform's fields, the id and time filled in when missing. */
	String raise(String tenantKey, ObjectNode alert) {
		if (!alert.hasNonNull("alert_id")) {
			alert.put("alert_id", this.replies.randomDigits(19));
		}
		if (!alert.hasNonNull("alert_time")) {
			alert.put("alert_time", Long.toString(this.clock.instant().getEpochSecond()));
		}
		this.alerts.add(new Raised(tenantKey, alert.deepCopy()));
		return alert.path("alert_id").asString();
	}

	private Reply alerts(Caller caller, Map<String, List<String>> query) {
		Instant start = seconds(first(query, "start_time"));
		Instant end = seconds(first(query, "end_time"));
		String type = first(query, "query_type");
		String value = first(query, "query_value");
		if (start == null || end == null || end.isBefore(start) || (type != null && !type.matches("[1-3]"))) {
			return this.replies.paramError();
		}
		List<ObjectNode> found = new ArrayList<>();
		for (Raised raised : this.alerts) {
			Instant time = seconds(raised.alert().path("alert_time").asString(""));
			boolean target = value == null || value.equals(raised.alert().path("monitor_target_room_id").asString(""));
			if (raised.tenantKey().equals(caller.tenantKey()) && time != null && !time.isBefore(start)
					&& !time.isAfter(end) && target) {
				found.add(raised.alert());
			}
		}
		return this.replies.paged(found, "items", first(query, "page_size"), first(query, "page_token"), 100, 1, 200);
	}

	/** An alert a test raised in a tenant. */
	private record Raised(String tenantKey, ObjectNode alert) {
	}

}
