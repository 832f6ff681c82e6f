package io.github.feishuvc.report;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.core.FeishuVcOperations;
import io.github.feishuvc.core.UserIdType;
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
	 * Operations acting as the app over an executor, as the auto-configuration provides them: for an application that
	 * builds its own.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls (alerts name no users)
	 * @return the operations
	 */
	static AlertOperations create(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType) {
		return new AlertTemplate(FeishuApiCaller.app(executor, tenantTokens, userIdType));
	}

	/**
	 * The alerts raised in a window.
	 * @param query the window and the devices
	 * @return the alerts, page after page
	 * @throws IllegalArgumentException if the query is invalid
	 */
	Flux<Alert> list(AlertQuery query);

}
