package io.github.feishuvc.auth;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * An {@link AppTicketStore} in this instance's memory: right for an app that runs as one instance.
 */
public final class InMemoryAppTicketStore implements AppTicketStore {

	private final Map<String, PushedTicket> tickets = new ConcurrentHashMap<>();

	@Override
	public Mono<String> get(String appId) {
		return Mono.fromSupplier(() -> {
			PushedTicket ticket = this.tickets.get(appId);
			return (ticket != null) ? ticket.value() : null;
		});
	}

	@Override
	public Mono<Void> save(String appId, String ticket, Instant pushedAt) {
		Assert.hasText(appId, "appId must not be empty");
		Assert.hasText(ticket, "ticket must not be empty");
		Assert.notNull(pushedAt, "pushedAt must not be null");
		return Mono.fromRunnable(() -> keep(appId, new PushedTicket(ticket, pushedAt)));
	}

	/**
	 * The newest ticket kept for an app, with its time.
	 * @param appId the app id
	 * @return the ticket, or {@code null}
	 */
	public @Nullable PushedTicket find(String appId) {
		return this.tickets.get(appId);
	}

	/**
	 * Keep a ticket unless a newer one is kept.
	 * @param appId the app id
	 * @param ticket the ticket
	 * @return the ticket kept now: this one, or the newer one
	 */
	public PushedTicket keep(String appId, PushedTicket ticket) {
		return this.tickets.merge(appId, ticket, (kept, pushed) -> pushed.isNewerThan(kept) ? pushed : kept);
	}

	/** Never shows a ticket. */
	@Override
	public String toString() {
		return "InMemoryAppTicketStore[apps=" + this.tickets.keySet() + "]";
	}

	/**
	 * A ticket and when the platform pushed it; {@code toString()} never shows the ticket.
	 *
	 * @param value the ticket
	 * @param pushedAt when it was pushed
	 */
	public record PushedTicket(String value, Instant pushedAt) {

		/**
		 * Whether this ticket replaces another: pushed later, or at the same time (a resend of the same moment).
		 * @param other the other ticket
		 * @return whether this one wins
		 */
		public boolean isNewerThan(PushedTicket other) {
			return !this.pushedAt.isBefore(other.pushedAt);
		}

		@Override
		public String toString() {
			return "PushedTicket[pushedAt=" + this.pushedAt + "]";
		}

	}

}
