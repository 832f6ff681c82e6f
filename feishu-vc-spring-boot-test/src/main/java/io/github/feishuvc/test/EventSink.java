package io.github.feishuvc.test;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** Where the emulated platform's events go: its pusher, to the long connection or the event URL if there is one. */
interface EventSink {

	/** Push events in order, after those pushed before, without waiting. */
	void push(String tenantKey, List<ObjectNode> events);

	/** Push events in order and wait until the application answered each. */
	void pushAndWait(String tenantKey, List<ObjectNode> events);

	/** Push an event made later, if it is still due then (the supplier gives {@code null} when it is not). */
	void pushLater(String tenantKey, Duration delay, Supplier<@Nullable ObjectNode> event);

}
