package io.github.feishuvc.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.internal.FeishuApiCaller.Params;
import io.github.feishuvc.internal.FeishuTemplate;
import io.github.feishuvc.internal.ReportApis;
import io.github.feishuvc.internal.Violations;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * {@link ReportOperations} over a {@link FeishuVcExecutor}: validates each call, which the executor then
 * authenticates, rate-limits, sends and retries as its declaration ({@link ReportApis}) says. Immutable and thread
 * safe; {@link #withUserIdType}, {@link #forTenant} and {@link #withUserAccessToken} return views.
 */
final class ReportTemplate extends FeishuTemplate<ReportOperations> implements ReportOperations {

	/** The platform keeps 90 days of reports. */
	private static final Duration KEPT = Duration.ofDays(90);

	private static final int MOST_USERS = 100;

	private final Clock clock;

	ReportTemplate(FeishuApiCaller caller, Clock clock) {
		super(caller);
		this.clock = clock;
	}

	@Override
	protected ReportOperations with(FeishuApiCaller caller) {
		return new ReportTemplate(caller, this.clock);
	}

	@Override
	public Mono<DailyReport> daily(Instant from, Instant to, @Nullable DataRegion region) {
		Violations violations = new Violations("daily report");
		window(violations, from, to);
		region(violations, region);
		violations.throwIfAny();
		Params params = Params.path()
			.query("start_time", from.getEpochSecond())
			.query("end_time", to.getEpochSecond())
			.query("unit", (region != null) ? region.code() : null);
		Mono<DailyReport> call = this.caller.call(ReportApis.DAILY, params);
		return Mono.defer(() -> kept(from, "daily report", call));
	}

	@Override
	public Mono<List<TopUser>> topUsers(TopUserQuery query) {
		Violations violations = new Violations("TopUserQuery");
		window(violations, query.from(), query.to());
		violations.addIf(query.limit() < 1 || query.limit() > MOST_USERS,
				"limit must be between 1 and " + MOST_USERS + ", was " + query.limit());
		violations.addIf(query.orderBy() == null || query.orderBy() == TopUserOrder.UNKNOWN, "orderBy is required");
		region(violations, query.region());
		violations.throwIfAny();
		Params params = Params.path()
			.query("start_time", query.from().getEpochSecond())
			.query("end_time", query.to().getEpochSecond())
			.query("limit", query.limit())
			.query("order_by", query.orderBy().code())
			.query("unit", (query.region() != null) ? query.region().code() : null);
		Mono<List<TopUser>> call = this.caller.call(ReportApis.TOP_USERS, params);
		return Mono.defer(() -> kept(query.from(), "TopUserQuery", call));
	}

	private <T> Mono<T> kept(Instant from, String name, Mono<T> call) {
		Instant now = this.clock.instant();
		if (from.isBefore(now.minus(KEPT))) {
			return Mono.error(new IllegalArgumentException(
					"Invalid " + name + ": the platform keeps the last 90 days only, the window starts " + from));
		}
		return call;
	}

	private static void window(Violations violations, @Nullable Instant from, @Nullable Instant to) {
		violations.addIf(from == null, "from is required");
		violations.addIf(to == null, "to is required");
		violations.addIf(from != null && to != null && !to.isAfter(from), "to must be after from");
	}

	private static void region(Violations violations, @Nullable DataRegion region) {
		violations.addIf(region == DataRegion.UNKNOWN, "region must be known");
	}

}
