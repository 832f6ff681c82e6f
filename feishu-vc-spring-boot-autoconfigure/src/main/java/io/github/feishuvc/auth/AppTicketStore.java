package io.github.feishuvc.auth;

import reactor.core.publisher.Mono;

/**
 * Where a store app keeps the {@code app_ticket} the platform pushes to its event URL about every hour; the app
 * access token is fetched with it.
 *
 * <p>The starter's event endpoint saves every ticket it receives here. An application that receives its Feishu
 * events elsewhere feeds the tickets in itself with {@link #save}. The auto-configured store keeps the ticket in
 * memory; several instances of one app share one through a store of their own (see the documentation on running
 * several instances).
 */
public interface AppTicketStore {

	/**
	 * The latest ticket pushed for an app.
	 * @param appId the app id ({@code cli_...})
	 * @return the ticket, empty if none arrived yet
	 */
	Mono<String> get(String appId);

	/**
	 * Keep the latest ticket pushed for an app, replacing any earlier one.
	 * @param appId the app id ({@code cli_...})
	 * @param ticket the ticket
	 * @return completes when the ticket is kept
	 */
	Mono<Void> save(String appId, String ticket);

}
