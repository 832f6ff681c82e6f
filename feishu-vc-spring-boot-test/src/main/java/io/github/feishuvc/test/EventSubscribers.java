package io.github.feishuvc.test;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users of each tenant who subscribed to a user-scoped event type ({@code .../subscription}): only they get the
 * event. One per family that has such events, keyed by tenant and event type.
 */
final class EventSubscribers {

	private final Map<String, Set<String>> subscribers = new ConcurrentHashMap<>();

	/** Subscribe a user, or end their subscription. */
	void set(String tenantKey, String eventType, String userId, boolean subscribed) {
		Set<String> users = this.subscribers.computeIfAbsent(key(tenantKey, eventType),
				(key) -> ConcurrentHashMap.newKeySet());
		if (subscribed) {
			users.add(userId);
		}
		else {
			users.remove(userId);
		}
	}

	/** The users of a tenant who subscribed to an event type. */
	Set<String> of(String tenantKey, String eventType) {
		return this.subscribers.getOrDefault(key(tenantKey, eventType), Set.of());
	}

	private static String key(String tenantKey, String eventType) {
		return tenantKey + '/' + eventType;
	}

}
