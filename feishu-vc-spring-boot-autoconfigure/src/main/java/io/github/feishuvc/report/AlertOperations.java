package io.github.feishuvc.report;

import io.github.feishuvc.core.FeishuVcOperations;
import reactor.core.publisher.Flux;

/**
 * The alerts of the tenant's room devices, from the admin console's alert centre ({@code /open-apis/vc/v1/alerts}):
 * rooms, check-in boards, cast boxes, SIP room systems, room connectors and sensors. What applications inject.
 *
 * <p>Calls act as the app, with the tenant access token; the platform serves alerts to self-built apps only, at 100
 * calls a minute. A query whose window is empty or reversed, or that names a device without its kind, is refused with
 * an {@link IllegalArgumentException} before anything is sent.
 */
public interface AlertOperations extends FeishuVcOperations<AlertOperations> {

	/**
	 * The alerts raised in a window.
	 * @param query the window and the devices
	 * @return the alerts, page after page
	 * @throws IllegalArgumentException if the query is invalid
	 */
	Flux<Alert> list(AlertQuery query);

}
