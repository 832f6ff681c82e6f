package io.github.feishuvc.meeting;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.AccessTokenSource;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.core.FeishuVcOperations;
import io.github.feishuvc.core.UserIdType;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The meetings of the Feishu VC API ({@code /open-apis/vc/v1/meetings}): read a meeting and who attended, list the
 * meetings of a time range, find the meetings a meeting number (such as a reservation's) held, invite, remove, rename
 * participants, hand over the host, end a meeting, read its subtitles; as a signed-in user, search the ended meetings
 * they may see, hear when any meeting they joined ends, and hear of their audio recordings. What applications
 * inject.
 *
 * <p>A meeting's id ({@code meeting_id}) exists once the meeting has started: it comes from the {@code vc.meeting.*}
 * events, from {@link io.github.feishuvc.reserve.ReserveOperations#getActiveMeeting} or from {@link #listByNo}.
 *
 * <p>Calls are made as the app, with the tenant access token, unless {@link #withUserAccessToken(String)} (or {@link #withUserAccessToken(AccessTokenSource)}) says
 * otherwise; each method says which token the platform accepts, and a call made with the other kind fails at once
 * with an {@link IllegalStateException} that says which it needs. Calls are non-blocking and lazy; failures arrive as
 * {@link io.github.feishuvc.core.FeishuVcException} subclasses (a meeting that does not exist as
 * {@link io.github.feishuvc.core.FeishuVcNotFoundException}, one whose state does not allow the operation as
 * {@link io.github.feishuvc.core.FeishuVcMeetingStateException}); invalid arguments are refused with an
 * {@link IllegalArgumentException} naming the field, before anything is sent. Writes (invite, kickout, set host,
 * end) are never repeated once they may have reached the platform.
 *
 * @see MeetingTemplate
 */
public interface MeetingOperations extends FeishuVcOperations<MeetingOperations> {

	/**
	 * Operations acting as the app over an executor, as the auto-configuration provides them: for an application that
	 * builds its own.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls
	 * @return the operations
	 */
	static MeetingOperations create(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType) {
		return create(executor, tenantTokens, userIdType, Clock.systemUTC());
	}

	/**
	 * Operations acting as the app over an executor, as the auto-configuration provides them: for an application that
	 * builds its own.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls
	 * @param clock the clock that decides how far back a search may go
	 * @return the operations
	 */
	static MeetingOperations create(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType, Clock clock) {
		return new MeetingTemplate(FeishuApiCaller.app(executor, tenantTokens, userIdType), clock);
	}

	/**
	 * Get a meeting the caller owns (of the last 90 days), without its participants. Tenant or user access token.
	 * @param meetingId the meeting's id
	 * @return the meeting
	 * @throws IllegalArgumentException if the id is null or blank
	 */
	Mono<Meeting> get(String meetingId);

	/**
	 * Get a meeting the caller owns (of the last 90 days), with its participants or what was used in it. Tenant or
	 * user access token; {@link MeetingQuery#withMeetingAbility()} with the tenant access token only.
	 * @param meetingId the meeting's id
	 * @param query what to include
	 * @return the meeting
	 * @throws IllegalArgumentException if the id is null or blank, or the query null
	 * @throws IllegalStateException if the meeting ability is asked for with a user access token
	 */
	Mono<Meeting> get(String meetingId, MeetingQuery query);

	/**
	 * What a meeting produced: its AI notes and verbatim transcript documents. Tenant or user access token.
	 * @param meetingId the meeting's id
	 * @return the artifacts
	 * @throws IllegalArgumentException if the id is null or blank
	 */
	Mono<MeetingArtifacts> getArtifacts(String meetingId);

	/**
	 * The meetings a meeting number held in a time range (of the last 90 days), as briefs (id, topic, url, number,
	 * password, interconnection, notes id), following the platform's pages (20 a page) until the last. Tenant or user
	 * access token. The platform allows this call 100 times a minute; each page is a call.
	 * @param meetingNo the 9-digit meeting number, such as a reservation's
	 * @param from the start of the range
	 * @param to the end of the range, after {@code from}
	 * @return the meetings; an {@link IllegalArgumentException} if, when subscribed, {@code from} is more than 90 days
	 * ago
	 * @throws IllegalArgumentException if the number is not 9 digits, or the range is empty
	 */
	Flux<Meeting> listByNo(String meetingNo, Instant from, Instant to);

	/**
	 * Invite users into a meeting in progress: at most 10 per call. User access token only: the inviting user must
	 * be in the meeting. A successful call may still have failed for some users; see each result's status.
	 * @param meetingId the meeting's id
	 * @param invitees the users to invite, 1 to 10
	 * @return one result per user
	 * @throws IllegalArgumentException if the id is blank, or the users empty, more than 10 or without ids
	 * @throws IllegalStateException acting as the app
	 */
	Mono<List<MeetingInviteResult>> invite(String meetingId, List<MeetingUser> invitees);

	/**
	 * Remove participants from a meeting in progress. Tenant access token only. A successful call may still have
	 * failed for some users; see each result's status.
	 * @param meetingId the meeting's id
	 * @param users the participants to remove, at least one
	 * @return one result per user
	 * @throws IllegalArgumentException if the id is blank, or the users empty or without ids
	 * @throws IllegalStateException acting as a user
	 */
	Mono<List<MeetingKickoutResult>> kickout(String meetingId, List<MeetingUser> users);

	/**
	 * Make someone the host of a meeting in progress. Tenant or user access token (a user must be the current host).
	 * With the host the caller last saw, the platform sets the new one only if that is still the host, else it fails
	 * with {@link io.github.feishuvc.core.FeishuVcConflictException}: read the meeting again and retry.
	 * @param meetingId the meeting's id
	 * @param host the new host
	 * @param currentHost the host the caller last saw, or {@code null} to set the host whoever it is now
	 * @return the host now
	 * @throws IllegalArgumentException if the id is blank or the new host has no id
	 */
	Mono<MeetingUser> setHost(String meetingId, MeetingUser host, @Nullable MeetingUser currentHost);

	/**
	 * End a meeting in progress. User access token only: the user must be its current host.
	 * @param meetingId the meeting's id
	 * @return completes when ended
	 * @throws IllegalArgumentException if the id is blank
	 * @throws IllegalStateException acting as the app
	 */
	Mono<Void> end(String meetingId);

	/**
	 * Search the ended meetings the signed-in user may see, page after page (at most 150 in all, as the platform
	 * answers). User access token and self-built apps only. Unlike the rest of the API, the platform reads times here
	 * as ISO 8601 with their offset; its code {@code 121001} is a bad parameter here
	 * ({@link io.github.feishuvc.core.FeishuVcInvalidParameterException}, not retried, though it comes with HTTP 500).
	 * @param request the keyword and filters
	 * @return the meetings found
	 * @throws IllegalArgumentException if the keyword is not 1 to 50 characters, a filter names more than 128 ids, or
	 * the window ends before it starts
	 * @throws IllegalStateException acting as the app, or as a store app
	 */
	Flux<MeetingSearchItem> search(MeetingSearchRequest request);

	/**
	 * Subscribe the signed-in user to {@code vc.meeting.participant_meeting_ended_v1}: the app then hears
	 * ({@link io.github.feishuvc.meeting.event.ParticipantMeetingEndedEvent}) when any meeting the user joined ends,
	 * not only those reserved through the API. The event must also be added to the app's event subscriptions in the
	 * developer console. User access token and self-built apps only; repeating it is harmless.
	 * @return completes when subscribed
	 * @throws IllegalStateException acting as the app, or as a store app
	 */
	Mono<Void> subscribe();

	/**
	 * End the signed-in user's subscription to {@code vc.meeting.participant_meeting_ended_v1}.
	 * @return completes when unsubscribed
	 * @throws IllegalStateException acting as the app, or as a store app
	 */
	Mono<Void> unsubscribe();

	/**
	 * The meetings that started in a time range, in one status, optionally held in one room, following the platform's
	 * pages until the last ({@code GET /meetings}). Tenant or user access token. The endpoint has no public page (the
	 * official Node SDK's contract): the status values are assumed to be those of {@link #get}.
	 * @param from the start of the range
	 * @param to the end of the range, after {@code from}
	 * @param status the meetings' status
	 * @param roomId the room's id, or {@code null} for meetings anywhere
	 * @return the meetings
	 * @throws IllegalArgumentException if the range is empty, the status unknown or the room id blank
	 */
	Flux<Meeting> list(Instant from, Instant to, MeetingStatus status, @Nullable String roomId);

	/**
	 * Set the names participants of a meeting in progress are shown by ({@code change_name}). Tenant or user access
	 * token. The endpoint has no public page (the official Node SDK's contract); a successful call may still have
	 * failed for some participants: see each result.
	 * @param meetingId the meeting's id
	 * @param names the participants and their new names, at least one
	 * @return one result per participant
	 * @throws IllegalArgumentException if the id is blank, or the names empty, without ids or without names
	 */
	Mono<List<MeetingNameResult>> changeNames(String meetingId, List<ParticipantName> names);

	/**
	 * A meeting's subtitles for a subscribed user and device, every page in order ({@code pull_subtitle}). Tenant or
	 * user access token. The endpoint has no public page (the official Node SDK's contract): how to obtain the user
	 * and device it takes is not documented; the emulator takes a user who attended the meeting and any device.
	 * @param meetingId the meeting's id
	 * @param subscriberId the subscribed user ({@code uid})
	 * @param deviceId the subscribed device ({@code did})
	 * @return the subtitles
	 * @throws IllegalArgumentException if an argument is blank
	 */
	Flux<MeetingSubtitle> subtitles(String meetingId, String subscriberId, String deviceId);

	/**
	 * Subscribe the signed-in user to the three {@code vc.recording.*} events of their audio recordings (录音 made on
	 * a Feishu recorder, not a meeting's recording): {@link io.github.feishuvc.meeting.event.AudioRecordingEvent}.
	 * One call per type, as the platform's CLI does; the events must also be added in the developer console. User
	 * access token and self-built apps only. The endpoint has no public page (the official Node SDK's contract).
	 * @return completes when subscribed to all three
	 * @throws IllegalStateException acting as the app, or as a store app
	 */
	Mono<Void> subscribeAudioRecordings();

	/**
	 * End the signed-in user's subscriptions to the three {@code vc.recording.*} events.
	 * @return completes when unsubscribed from all three
	 * @throws IllegalStateException acting as the app, or as a store app
	 */
	Mono<Void> unsubscribeAudioRecordings();

}
