package io.github.feishuvc.report;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.core.FeishuVcOperations;
import io.github.feishuvc.core.UserIdType;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The tenant's meeting reports ({@code /open-apis/vc/v1/reports}): its use day by day, and its heaviest users. What
 * applications inject.
 *
 * <p>Calls act as the app, with the tenant access token, the only one the platform accepts here, and read at most the
 * last 90 days; a window outside them, or a limit outside 1-100, is refused with an {@link IllegalArgumentException}
 * before anything is sent. Mind the units: the daily report counts seconds, the top users minutes (both are
 * {@link java.time.Duration}s here). The platform's limit for reports is not published; the client's limiter holds
 * them to the standard one. Asking for top users' ids as {@code user_id} fails with
 * {@link io.github.feishuvc.core.FeishuVcInvalidParameterException} (code {@code 122359}) when the list holds a room,
 * which has none: keep {@code open_id} or {@code union_id} here.
 */
public interface ReportOperations extends FeishuVcOperations<ReportOperations> {

	/**
	 * Operations acting as the app over an executor, as the auto-configuration provides them: for an application that
	 * builds its own.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls
	 * @param clock the clock that decides which days the platform still keeps
	 * @return the operations
	 */
	static ReportOperations create(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType, Clock clock) {
		return new ReportTemplate(FeishuApiCaller.app(executor, tenantTokens, userIdType), clock);
	}

	/**
	 * The tenant's meeting use, day by day.
	 * @param from the window's start, within the last 90 days
	 * @param to the window's end, after {@code from}
	 * @return the report
	 * @throws IllegalArgumentException if the window is empty or reversed
	 */
	default Mono<DailyReport> daily(Instant from, Instant to) {
		return daily(from, to, null);
	}

	/**
	 * The tenant's meeting use in one data region, day by day.
	 * @param from the window's start, within the last 90 days
	 * @param to the window's end, after {@code from}
	 * @param region the data region, or {@code null} for the tenant's own
	 * @return the report
	 * @throws IllegalArgumentException if the window is empty or reversed
	 */
	Mono<DailyReport> daily(Instant from, Instant to, @Nullable DataRegion region);

	/**
	 * The tenant's heaviest meeting users, most first.
	 * @param query the window, the ranking and how many
	 * @return the users
	 * @throws IllegalArgumentException if the window is empty or reversed, or the limit outside 1-100
	 */
	Mono<List<TopUser>> topUsers(TopUserQuery query);

}
