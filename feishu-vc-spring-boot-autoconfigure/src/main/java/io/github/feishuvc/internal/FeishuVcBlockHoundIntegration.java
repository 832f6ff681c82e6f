package io.github.feishuvc.internal;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What the starter does on a non-blocking thread that BlockHound would take for blocking, and why it is not: loaded
 * by BlockHound itself ({@code META-INF/services}) in applications that test under it, as Spring's and Reactor's own
 * modules ship theirs. Not API.
 */
public final class FeishuVcBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		// The event endpoint and the long connection hand each event to the listener pool on the event loop that
		// received it: the pool's queue takes its lock for an offer only, which never waits for room (a full queue
		// refuses the event, and the platform is answered so that it pushes it again). The lock parks a thread only
		// when a listener thread holds it at that instant to take an event; Reactor allows its own schedulers'
		// queues the same way.
		builder.allowBlockingCallsInside("io.github.feishuvc.events.EventListenerPool", "execute");
	}

}
