package io.github.feishuvc.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * An {@link AppTicketStore} in this instance's memory: right for an app that runs as one instance.
 */
public final class InMemoryAppTicketStore implements AppTicketStore {

	private final Map<String, String> tickets = new ConcurrentHashMap<>();

	@Override
	public Mono<String> get(String appId) {
		return Mono.fromSupplier(() -> this.tickets.get(appId));
	}

	@Override
	public Mono<Void> save(String appId, String ticket) {
		Assert.hasText(appId, "appId must not be empty");
		Assert.hasText(ticket, "ticket must not be empty");
		return Mono.fromRunnable(() -> this.tickets.put(appId, ticket));
	}

	/** Never shows a ticket. */
	@Override
	public String toString() {
		return "InMemoryAppTicketStore[apps=" + this.tickets.keySet() + "]";
	}

}
