package io.github.feishuvc.export;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.feishuvc.core.CallInfo;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcInvalidResponseException;
import io.github.feishuvc.core.FeishuVcTimeoutException;
import io.github.feishuvc.internal.Downloads;
import io.github.feishuvc.internal.ExportApis;
import io.github.feishuvc.internal.ExportRequests.MeetingListExport;
import io.github.feishuvc.internal.ExportRequests.ParticipantListExport;
import io.github.feishuvc.internal.ExportRequests.ParticipantQualityListExport;
import io.github.feishuvc.internal.ExportRequests.ReservationListExport;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.internal.FeishuApiCaller.Params;
import io.github.feishuvc.internal.FeishuTemplate;
import io.github.feishuvc.internal.MeetingDataChecks;
import io.github.feishuvc.internal.Violations;
import io.github.feishuvc.report.MeetingListQuery;
import io.github.feishuvc.report.ParticipantQualityQuery;
import io.github.feishuvc.report.ParticipantQuery;
import io.github.feishuvc.room.RoomReservationQuery;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.util.Assert;

/**
 * {@link ExportOperations} over a {@link FeishuVcExecutor}: validates each call, which the executor then
 * authenticates, rate-limits, sends and retries as its declaration ({@link ExportApis}) says; waits for tasks on a
 * scheduler's clock, and hands files on through {@link Downloads}. Immutable and thread safe; {@link #withUserIdType},
 * {@link #forTenant} and {@link #withUserAccessToken} return views.
 */
final class ExportTemplate extends FeishuTemplate<ExportOperations> implements ExportOperations {

	/** The name of a file written into a directory when the platform names none. */
	static final String FALLBACK_NAME = "feishu-vc-export.xlsx";

	private static final String AWAIT_TIMEOUT = "feishu.vc.export.await-timeout";

	private final ExportTiming timing;

	private final Clock clock;

	private final Scheduler scheduler;

	ExportTemplate(FeishuApiCaller caller, ExportTiming timing, Clock clock, Scheduler scheduler) {
		super(caller);
		this.timing = timing;
		this.clock = clock;
		this.scheduler = scheduler;
	}

	@Override
	protected ExportOperations with(FeishuApiCaller caller) {
		return new ExportTemplate(caller, this.timing, this.clock, this.scheduler);
	}

	@Override
	public Mono<String> meetings(MeetingListQuery query) {
		MeetingDataChecks.check(query, true);
		MeetingListExport body = new MeetingListExport(query.from(), query.to(),
				(query.status() != null) ? query.status().code() : null, query.meetingNo(), query.userId(),
				query.roomId(), (query.meetingType() != null) ? query.meetingType().code() : null);
		MeetingDataChecks.notInFuture(this.clock, query.from(), "MeetingListQuery", "from");
		return this.caller.call(ExportApis.MEETING_LIST, Params.path().body(body));
	}

	@Override
	public Mono<String> participants(ParticipantQuery query) {
		MeetingDataChecks.check(query, true);
		ParticipantListExport body = new ParticipantListExport(query.meetingStart(), query.meetingEnd(),
				(query.status() != null) ? query.status().code() : null, query.meetingNo(), query.userId(),
				query.roomId());
		MeetingDataChecks.notInFuture(this.clock, query.meetingStart(), "ParticipantQuery", "meetingStart");
		return this.caller.call(ExportApis.PARTICIPANT_LIST, Params.path().body(body));
	}

	@Override
	public Mono<String> participantQuality(ParticipantQualityQuery query) {
		MeetingDataChecks.check(query);
		ParticipantQualityListExport body = new ParticipantQualityListExport(query.meetingStart(), query.meetingEnd(),
				query.meetingNo(), query.joinTime(), query.userId(), query.roomId());
		MeetingDataChecks.notInFuture(this.clock, query.meetingStart(), "ParticipantQualityQuery", "meetingStart");
		return this.caller.call(ExportApis.PARTICIPANT_QUALITY_LIST, Params.path().body(body));
	}

	@Override
	public Mono<String> roomReservations(RoomReservationQuery query) {
		Violations violations = new Violations("RoomReservationQuery");
		violations.addIf(query.roomLevelId() == null || query.roomLevelId().isBlank(), "roomLevelId is required");
		violations.addIf(query.exclude() && query.roomIds().isEmpty(), "roomIds must name the rooms to leave out");
		MeetingDataChecks.window(violations, query.from(), query.to(), Duration.ofDays(365), "a year");
		violations.throwIfAny();
		ReservationListExport body = new ReservationListExport(query.roomLevelId(), query.withTopic(), query.from(),
				query.to(), query.roomIds(), query.exclude());
		return this.caller.call(ExportApis.RESERVATION_LIST, Params.path().body(body));
	}

	@Override
	public Mono<ExportTask> get(String taskId) {
		return this.caller.call(ExportApis.GET, taskId)
			.map((data) -> new ExportTask(taskId, data.status(), data.fileToken(), data.failMsg(), data.url()));
	}

	@Override
	public Mono<ExportTask> awaitFile(String taskId) {
		return awaitFile(taskId, this.timing.awaitTimeout());
	}

	@Override
	public Mono<ExportTask> awaitFile(String taskId, Duration timeout) {
		Assert.isTrue(taskId != null && !taskId.isBlank(), "taskId must not be blank");
		Assert.isTrue(timeout != null && timeout.compareTo(Duration.ZERO) > 0, "timeout must be positive");
		return poll(taskId, this.timing.pollInterval()).timeout(timeout, this.scheduler)
			.onErrorMap(TimeoutException.class, (ex) -> new FeishuVcTimeoutException(
					CallInfo.noResponse(ExportApis.GET.operation(), 1), "export task " + taskId, AWAIT_TIMEOUT,
					timeout));
	}

	private Mono<ExportTask> poll(String taskId, Duration wait) {
		return get(taskId).flatMap((task) -> {
			if (task.isFailed()) {
				return Mono.error(new ExportFailedException(new CallInfo(ExportApis.GET.operation(), 1, 200, null,
						null), taskId, task.failMessage()));
			}
			if (task.isDone()) {
				return (task.fileToken() != null && !task.fileToken().isBlank()) ? Mono.just(task)
						: Mono.error(new FeishuVcInvalidResponseException(CallInfo.noResponse(
								ExportApis.GET.operation(), 1), "a finished task without a file_token", new byte[0]));
			}
			if (task.status() != ExportStatus.PROCESSING) {
				// Neither done, failed nor processing: waiting would not make it one of them.
				return Mono.error(new FeishuVcInvalidResponseException(CallInfo.noResponse(ExportApis.GET.operation(), 1),
						"export task " + taskId + ((task.statusCode() != null)
								? " has status " + task.statusCode() + ", which this version does not know"
								: " has no status"), new byte[0]));
			}
			Duration next = wait.multipliedBy(2);
			return Mono.delay(wait, this.scheduler)
				.then(Mono.defer(() -> poll(taskId,
						(next.compareTo(this.timing.maxPollInterval()) > 0) ? this.timing.maxPollInterval() : next)));
		});
	}

	@Override
	public Flux<DataBuffer> download(String fileToken) {
		return Downloads.stream(this.caller.downloader(ExportApis.DOWNLOAD, fileParams(fileToken),
				this.timing.downloadTimeout()));
	}

	@Override
	public Mono<Path> downloadTo(String fileToken, Path target) {
		Params params = fileParams(fileToken);
		Assert.notNull(target, "target must not be null");
		return Downloads.write(target, FALLBACK_NAME, ExportApis.DOWNLOAD.operation(), Schedulers.boundedElastic(),
				this.caller.downloader(ExportApis.DOWNLOAD, params, this.timing.downloadTimeout()));
	}

	private static Params fileParams(String fileToken) {
		Assert.isTrue(fileToken != null && !fileToken.isBlank(), "fileToken must not be blank");
		return Params.path().query("file_token", fileToken);
	}

}
