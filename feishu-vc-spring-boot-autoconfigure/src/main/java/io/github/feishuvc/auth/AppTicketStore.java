package io.github.feishuvc.auth;

import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * Where a store app keeps the {@code app_ticket} the platform pushes to its event URL about every hour; the app
 * access token is fetched with it.
 *
 * <p>The starter's event endpoint saves every ticket it receives here, with the time the platform pushed it: a newer
 * ticket always replaces an older one, never the other way round, however late the older one arrives. An application
 * that receives its Feishu events elsewhere feeds the tickets in itself with {@link #save}. The auto-configured store
 * keeps the ticket in memory; several instances of one app share it through Redis (see the documentation on running
 * several instances).
 */
public interface AppTicketStore {

	/**
	 * The newest ticket pushed for an app.
	 * @param appId the app id ({@code cli_...})
	 * @return the ticket, empty if none arrived yet
	 */
	Mono<String> get(String appId);

	/**
	 * Keep a ticket pushed for an app, unless a newer one is kept already.
	 * @param appId the app id ({@code cli_...})
	 * @param ticket the ticket
	 * @param pushedAt when the platform pushed it (the {@code ts} of its event)
	 * @return completes when the ticket is kept, or found older than the one kept
	 */
	Mono<Void> save(String appId, String ticket, Instant pushedAt);

	/**
	 * Keep a ticket that arrived just now.
	 * @param appId the app id ({@code cli_...})
	 * @param ticket the ticket
	 * @return completes when the ticket is kept
	 */
	default Mono<Void> save(String appId, String ticket) {
		return save(appId, ticket, Instant.now());
	}

}
