package io.github.feishuvc.events;

import io.github.feishuvc.core.FeishuVcJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event the platform pushed to the app's event endpoint or over its long connection, authenticated, published as a Spring
 * application event: listen with {@code @EventListener void on(FeishuEvent event)}. Each event id is published
 * once, however often the platform delivers it. The {@code app_ticket} events of a store app are not published:
 * the starter keeps those itself.
 *
 * @param type the event type, such as {@code vc.meeting.all_meeting_started_v1}
 * @param eventId the event's id ({@code header.event_id} of version 2 events, {@code uuid} of version 1), if any
 * @param tenantKey the tenant the event happened in, if the event names one; with a store app, act on it with
 * {@code reserves.forTenant(tenantKey)}
 * @param appId the app the event was sent to, if the event names it
 * @param json the decrypted event as the platform sent it, without its verification token
 */
public record FeishuEvent(String type, @Nullable String eventId, @Nullable String tenantKey, @Nullable String appId,
		String json) {

	/**
	 * The event an authenticated push holds, in either of the platform's formats, without its verification token.
	 * @param event the push's JSON: version 2 ({@code header}, {@code event}) or version 1 ({@code uuid},
	 * {@code event})
	 * @return the event, or {@code null} if the push is not an event (no type)
	 */
	public static @Nullable FeishuEvent of(ObjectNode event) {
		JsonNode header = event.get("header");
		boolean v2 = header instanceof ObjectNode;
		JsonNode body = event.path("event");
		String type = v2 ? header.path("event_type").asString("") : body.path("type").asString("");
		if (type.isEmpty() || (!v2 && !"event_callback".equals(event.path("type").asString("")))) {
			return null;
		}
		ObjectNode withoutToken = event.deepCopy();
		((ObjectNode) (v2 ? withoutToken.get("header") : withoutToken)).remove("token");
		return new FeishuEvent(type, text(v2 ? header.path("event_id") : event.path("uuid")),
				text(v2 ? header.path("tenant_key") : body.path("tenant_key")),
				text(v2 ? header.path("app_id") : body.path("app_id")),
				FeishuVcJson.mapper().writeValueAsString(withoutToken));
	}

	private static @Nullable String text(JsonNode node) {
		String value = node.asString("");
		return value.isEmpty() ? null : value;
	}

	/** Never shows the event's content. */
	@Override
	public String toString() {
		return "FeishuEvent[type=" + this.type + ", eventId=" + this.eventId + ", tenantKey=" + this.tenantKey
				+ ", appId=" + this.appId + "]";
	}

}
