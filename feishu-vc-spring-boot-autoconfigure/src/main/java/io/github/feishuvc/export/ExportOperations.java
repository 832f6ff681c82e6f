package io.github.feishuvc.export;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.core.FeishuVcOperations;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.report.MeetingListQuery;
import io.github.feishuvc.report.ParticipantQualityQuery;
import io.github.feishuvc.report.ParticipantQuery;
import io.github.feishuvc.room.RoomReservationQuery;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * The meeting data as spreadsheets ({@code /open-apis/vc/v1/exports}): a task per export, read until it is done, and
 * its file downloaded, the one answer of the API that is not JSON. What applications inject.
 *
 * <pre>{@code
 * exports.meetings(MeetingListQuery.between(from, to))
 *     .flatMap(exports::awaitFile)
 *     .flatMap((task) -> exports.downloadTo(task.fileToken(), Path.of("exports")))
 * }</pre>
 *
 * <p>Calls act as the app (tenant access token) or, with {@link #withUserAccessToken(String)}, as a user, which the
 * platform recommends: with the app's token only the app's creator may export and download. 100 calls a minute per
 * tenant, shared by a task's reads while waiting. A file is never held whole: {@link #download} hands its buffers on
 * as they are consumed, {@link #downloadTo} writes them to disk as they arrive. A JSON answer to a download is an
 * error whatever its HTTP status. A download is retried until its first byte arrives, never after; a file cut
 * mid-way fails with {@link io.github.feishuvc.core.FeishuVcInvalidResponseException}.
 */
public interface ExportOperations extends FeishuVcOperations<ExportOperations> {

	/**
	 * Operations acting as the app over an executor, as the auto-configuration provides them: for an application that
	 * builds its own.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls
	 * @param timing how long to wait for tasks and files
	 * @param clock the clock that decides whether a window starts in the future
	 * @param scheduler the scheduler whose clock times the waits between reads of a task
	 * @return the operations
	 */
	static ExportOperations create(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType, ExportTiming timing, Clock clock, Scheduler scheduler) {
		return new ExportTemplate(FeishuApiCaller.app(executor, tenantTokens, userIdType), timing, clock, scheduler);
	}

	/**
	 * Operations acting as the app over an executor, as the auto-configuration provides them: for an application that
	 * builds its own, with the default timing.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls
	 * @return the operations
	 */
	static ExportOperations create(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType) {
		return create(executor, tenantTokens, userIdType,
				ExportTiming.defaults(), Clock.systemUTC(), Schedulers.parallel());
	}

	/**
	 * Export the tenant's meetings ({@code POST /exports/meeting_list}); upcoming ones too, unlike the read.
	 * @param query the window and filter; without external meetings or webinars
	 * @return the task's id
	 * @throws IllegalArgumentException if the query breaks a documented rule
	 */
	Mono<String> meetings(MeetingListQuery query);

	/**
	 * Export one meeting's participants ({@code POST /exports/participant_list}).
	 * @param query the meeting and filter; without a webinar role
	 * @return the task's id
	 * @throws IllegalArgumentException if the query breaks a documented rule
	 */
	Mono<String> participants(ParticipantQuery query);

	/**
	 * Export the quality of one participant's join ({@code POST /exports/participant_quality_list}).
	 * @param query the meeting, the participant and the join
	 * @return the task's id
	 * @throws IllegalArgumentException if the query breaks a documented rule
	 */
	Mono<String> participantQuality(ParticipantQualityQuery query);

	/**
	 * Export the bookings of rooms ({@code POST /exports/resource_reservation_list}); the rooms may be left empty
	 * here, for the whole level.
	 * @param query the level, the window and the rooms
	 * @return the task's id
	 * @throws IllegalArgumentException if the level is blank or the window empty
	 */
	Mono<String> roomReservations(RoomReservationQuery query);

	/**
	 * Read a task.
	 * @param taskId the task's id
	 * @return the task
	 * @throws IllegalArgumentException if the id is null or blank
	 */
	Mono<ExportTask> get(String taskId);

	/**
	 * Wait for a task's file, within {@code feishu.vc.export.await-timeout}.
	 * @param taskId the task's id
	 * @return the finished task, which names its file; {@link ExportFailedException} if the platform reports it
	 * failed; {@link io.github.feishuvc.core.FeishuVcTimeoutException} if it is still processing at the deadline; a
	 * {@link io.github.feishuvc.core.FeishuVcInvalidResponseException} at once for a task with no status or one this
	 * version does not know
	 * @see #awaitFile(String, Duration)
	 */
	Mono<ExportTask> awaitFile(String taskId);

	/**
	 * Wait for a task's file, reading the task after {@code feishu.vc.export.poll-interval}, then twice as long each
	 * time up to {@code max-poll-interval}.
	 * @param taskId the task's id
	 * @param timeout how long to wait
	 * @return the finished task, which names its file; {@link ExportFailedException} if the platform reports it
	 * failed; {@link io.github.feishuvc.core.FeishuVcTimeoutException} if it is still processing at the deadline; a
	 * {@link io.github.feishuvc.core.FeishuVcInvalidResponseException} at once for a task with no status or one this
	 * version does not know
	 */
	Mono<ExportTask> awaitFile(String taskId, Duration timeout);

	/**
	 * A task's file, as its buffers arrive: read no faster than they are consumed, never held whole.
	 * @param fileToken the file's token ({@link ExportTask#fileToken()})
	 * @return the file's buffers, each to be released by the subscriber (as
	 * {@link org.springframework.core.io.buffer.DataBufferUtils#write} does)
	 * @throws IllegalArgumentException if the token is null or blank
	 */
	Flux<DataBuffer> download(String fileToken);

	/**
	 * Write a task's file to disk: to a temporary file beside the target, put in place once whole, so that a failed
	 * or cancelled download leaves no file behind. The target is looked at before anything is sent: a missing or
	 * unwritable directory fails at once. A file that is written gets the permissions of any new file (the process's
	 * umask). Any failure of the file system is a {@link io.github.feishuvc.core.FeishuVcLocalFileException}, which is
	 * never retried.
	 * @param fileToken the file's token ({@link ExportTask#fileToken()})
	 * @param target the file to write, replaced if it exists (atomically where the file system can); or an existing
	 * directory, in which the file is written under the name the platform gives it ({@code Content-Disposition}), else
	 * {@code feishu-vc-export.xlsx}, and never replaces a file there: if the name is taken, the first free one of
	 * {@code name (1).xlsx}, {@code name (2).xlsx}... is used, as a browser does. A file target that is a symbolic
	 * link is replaced by the file (the file it pointed to is left as it was); a directory target that is a link is
	 * followed
	 * @return the path written
	 * @throws IllegalArgumentException if the token is null or blank
	 */
	Mono<Path> downloadTo(String fileToken, Path target);

}
