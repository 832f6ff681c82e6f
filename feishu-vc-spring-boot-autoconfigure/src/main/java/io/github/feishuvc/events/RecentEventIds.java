package io.github.feishuvc.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the latest events published, so that a redelivered event is published once; bounded, the oldest id
 * forgotten first. The platform redelivers an event it got no answer for within hours, long before thousands of
 * newer events push its id out.
 */
final class RecentEventIds {

	private final Map<String, Boolean> ids;

	RecentEventIds(int capacity) {
		this.ids = new LinkedHashMap<>(16, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > capacity;
			}

		};
	}

	/** Remember an id; {@code false} if it was already known. */
	synchronized boolean add(String eventId) {
		return this.ids.putIfAbsent(eventId, Boolean.TRUE) == null;
	}

}
