package io.github.feishuvc.events;

import org.jspecify.annotations.Nullable;

/**
 * An event the platform pushed to the app's event endpoint, decrypted and verified, published as a Spring
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

	/** Never shows the event's content. */
	@Override
	public String toString() {
		return "FeishuEvent[type=" + this.type + ", eventId=" + this.eventId + ", tenantKey=" + this.tenantKey
				+ ", appId=" + this.appId + "]";
	}

}
