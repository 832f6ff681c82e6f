package io.github.feishuvc.report;

import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.internal.FeishuApiCaller.Params;
import io.github.feishuvc.internal.FeishuTemplate;
import io.github.feishuvc.internal.ReportApis;
import io.github.feishuvc.internal.Violations;
import reactor.core.publisher.Flux;

/**
 * {@link AlertOperations} over a {@link FeishuVcExecutor}, as its declaration ({@link ReportApis#ALERTS}) says.
 * Immutable and thread safe.
 */
final class AlertTemplate extends FeishuTemplate<AlertOperations> implements AlertOperations {

	AlertTemplate(FeishuApiCaller caller) {
		super(caller);
	}

	@Override
	protected AlertOperations with(FeishuApiCaller caller) {
		return new AlertTemplate(caller);
	}

	@Override
	public Flux<Alert> list(AlertQuery query) {
		Violations violations = new Violations("AlertQuery");
		violations.addIf(query.from() == null || query.to() == null, "from and to are required");
		violations.addIf(query.from() != null && query.to() != null && !query.to().isAfter(query.from()),
				"to must be after from");
		violations.addIf(query.targetKind() == AlertTargetKind.UNKNOWN, "targetKind must be known");
		violations.addIf(query.targetId() != null && query.targetKind() == null, "targetId needs its targetKind");
		violations.throwIfAny();
		Params params = Params.path()
			.query("start_time", query.from().getEpochSecond())
			.query("end_time", query.to().getEpochSecond())
			.query("query_type", (query.targetKind() != null) ? query.targetKind().code() : null)
			.query("query_value", query.targetId());
		return this.caller.pages(ReportApis.ALERTS, params);
	}

}
