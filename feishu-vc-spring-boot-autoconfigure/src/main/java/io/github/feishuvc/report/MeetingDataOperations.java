package io.github.feishuvc.report;

import java.time.Clock;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.core.FeishuVcOperations;
import io.github.feishuvc.core.UserIdType;
import reactor.core.publisher.Flux;

/**
 * The tenant's meeting data, as its administrators see it in the admin console ({@code /open-apis/vc/v1/meeting_list},
 * {@code participant_list}, {@code participant_quality_list}): every meeting in a window, whoever held it, who took
 * part in one, and the quality of one participant's join, minute by minute. What applications inject.
 *
 * <p>Calls act as the app (tenant access token) or, with {@link #withUserAccessToken(String)}, as a user; either way
 * the platform answers only when the app's creator (or the user) holds the admin console's meeting management
 * privilege. Each method reads every page, as the subscriber asks for them, at 100 calls a minute per tenant. The
 * documented rules (a window of at most a year, or a day for one meeting; one filter; a 9-digit meeting number; a
 * window that does not start in the future) are checked before anything is sent, with an
 * {@link IllegalArgumentException} naming the field.
 */
public interface MeetingDataOperations extends FeishuVcOperations<MeetingDataOperations> {

	/**
	 * Operations acting as the app over an executor, as the auto-configuration provides them: for an application that
	 * builds its own.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls
	 * @param clock the clock that decides whether a window starts in the future
	 * @return the operations
	 */
	static MeetingDataOperations create(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType, Clock clock) {
		return new MeetingDataTemplate(FeishuApiCaller.app(executor, tenantTokens, userIdType), clock);
	}

	/**
	 * The tenant's meetings that started in a window.
	 * @param query the window and filter
	 * @return the meetings, page after page
	 * @throws IllegalArgumentException if the query breaks a documented rule
	 */
	Flux<MeetingRecord> meetings(MeetingListQuery query);

	/**
	 * Who took part in one meeting.
	 * @param query the meeting and filter
	 * @return the participants, page after page
	 * @throws IllegalArgumentException if the query breaks a documented rule
	 */
	Flux<ParticipantRecord> participants(ParticipantQuery query);

	/**
	 * The media quality of one participant's join in an ended meeting, one item a minute.
	 * @param query the meeting, the participant and the join
	 * @return the minutes, page after page
	 * @throws IllegalArgumentException if the query breaks a documented rule
	 */
	Flux<ParticipantQuality> participantQuality(ParticipantQualityQuery query);

}
