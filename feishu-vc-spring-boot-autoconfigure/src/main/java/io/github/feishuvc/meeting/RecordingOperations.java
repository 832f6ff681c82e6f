package io.github.feishuvc.meeting;

import java.util.List;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.AccessTokenSource;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.core.FeishuVcOperations;
import io.github.feishuvc.core.UserIdType;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The recordings of meetings ({@code /open-apis/vc/v1/meetings/:meeting_id/recording}): start and stop recording a
 * meeting in progress, read the recording once it is ready, share it. What applications inject.
 *
 * <p>A recording can be read and shared once the meeting has ended and the {@code vc.meeting.recording_ready_v1}
 * event arrived ({@link io.github.feishuvc.meeting.event.RecordingReadyEvent}); before that the platform answers
 * {@link io.github.feishuvc.core.FeishuVcRecordingNotReadyException}. A meeting reserved with
 * {@code autoRecord(true)} records itself, with no host's token needed.
 *
 * <p>Each method says which token the platform accepts; a call made with the other kind fails at once with an
 * {@link IllegalStateException} that says which it needs. Invalid arguments are refused with an
 * {@link IllegalArgumentException} naming the field; writes are never repeated once they may have reached the
 * platform.
 *
 * @see RecordingTemplate
 */
public interface RecordingOperations extends FeishuVcOperations<RecordingOperations> {

	/**
	 * Operations acting as the app over an executor, as the auto-configuration provides them: for an application that
	 * builds its own.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls
	 * @return the operations
	 */
	static RecordingOperations create(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType) {
		return new RecordingTemplate(FeishuApiCaller.app(executor, tenantTokens, userIdType));
	}

	/**
	 * Get a meeting's recording. Tenant access token (any recording of the tenant) or user access token (the
	 * meeting's owner only: for a reserved meeting, its owner).
	 * @param meetingId the meeting's id
	 * @return the recording
	 * @throws IllegalArgumentException if the id is null or blank
	 */
	Mono<Recording> get(String meetingId);

	/**
	 * Share a recording, or stop sharing it. User access token only: the meeting's owner.
	 * @param meetingId the meeting's id
	 * @param objects who gains or loses access, at least one; users and chats named by id, the tenant and the public
	 * without one
	 * @param action whether to grant or revoke
	 * @return completes when done
	 * @throws IllegalArgumentException if the id is blank, the objects are empty or break the rules above, or the
	 * action is null or unknown
	 * @throws IllegalStateException acting as the app
	 */
	Mono<Void> setPermission(String meetingId, List<RecordingPermissionObject> objects,
			RecordingPermissionAction action);

	/**
	 * Start recording a meeting in progress. User access token only: the current host.
	 * @param meetingId the meeting's id
	 * @param timezone the UTC offset in hours (-12 to 12) of the times shown in the recording, or {@code null} for
	 * the platform's default
	 * @return completes when recording
	 * @throws IllegalArgumentException if the id is blank or the offset out of range
	 * @throws IllegalStateException acting as the app
	 */
	Mono<Void> start(String meetingId, @Nullable Integer timezone);

	/**
	 * Stop recording a meeting. User access token only: the current host.
	 * @param meetingId the meeting's id
	 * @return completes when stopped
	 * @throws IllegalArgumentException if the id is blank
	 * @throws IllegalStateException acting as the app
	 */
	Mono<Void> stop(String meetingId);

}
