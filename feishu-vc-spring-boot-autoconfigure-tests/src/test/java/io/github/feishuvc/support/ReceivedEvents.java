package io.github.feishuvc.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.feishuvc.events.FeishuEvent;

import org.springframework.context.event.EventListener;

/** A listener bean of the application under test that keeps every {@link FeishuEvent} it is handed. */
public final class ReceivedEvents {

	private final List<FeishuEvent> received = new CopyOnWriteArrayList<>();

	@EventListener
	void on(FeishuEvent event) {
		this.received.add(event);
	}

	/** The events received so far, in the order they came; the list grows as more arrive. */
	public List<FeishuEvent> received() {
		return this.received;
	}

}
