package io.github.feishuvc.report;

import java.time.Clock;

import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.internal.FeishuApiCaller.Params;
import io.github.feishuvc.internal.FeishuTemplate;
import io.github.feishuvc.internal.MeetingDataChecks;
import io.github.feishuvc.internal.ReportApis;
import reactor.core.publisher.Flux;

/**
 * {@link MeetingDataOperations} over a {@link FeishuVcExecutor}: validates each query, which the executor then
 * authenticates, rate-limits, sends and retries as its declaration ({@link ReportApis}) says. Immutable and thread
 * safe; {@link #withUserIdType}, {@link #forTenant} and {@link #withUserAccessToken} return views.
 */
final class MeetingDataTemplate extends FeishuTemplate<MeetingDataOperations> implements MeetingDataOperations {

	private final Clock clock;

	MeetingDataTemplate(FeishuApiCaller caller, Clock clock) {
		super(caller);
		this.clock = clock;
	}

	@Override
	protected MeetingDataOperations with(FeishuApiCaller caller) {
		return new MeetingDataTemplate(caller, this.clock);
	}

	@Override
	public Flux<MeetingRecord> meetings(MeetingListQuery query) {
		MeetingDataChecks.check(query, false);
		Params params = Params.path()
			.query("start_time", query.from().getEpochSecond())
			.query("end_time", query.to().getEpochSecond())
			.query("meeting_status", (query.status() != null) ? query.status().code() : null)
			.query("meeting_no", query.meetingNo())
			.query("user_id", query.userId())
			.query("room_id", query.roomId())
			.query("meeting_type", (query.meetingType() != null) ? query.meetingType().code() : null)
			.query("include_external_meetings", query.withExternalMeetings() ? true : null)
			.query("include_webinar", query.withWebinars() ? true : null);
		MeetingDataChecks.notInFuture(this.clock, query.from(), "MeetingListQuery", "from");
		return this.caller.pages(ReportApis.MEETING_LIST, params);
	}

	@Override
	public Flux<ParticipantRecord> participants(ParticipantQuery query) {
		MeetingDataChecks.check(query, false);
		Params params = Params.path()
			.query("meeting_start_time", query.meetingStart().getEpochSecond())
			.query("meeting_end_time", query.meetingEnd().getEpochSecond())
			.query("meeting_status", (query.status() != null) ? query.status().code() : null)
			.query("meeting_no", query.meetingNo())
			.query("user_id", query.userId())
			.query("room_id", query.roomId())
			.query("webinar_user_role", query.webinarUserRole());
		MeetingDataChecks.notInFuture(this.clock, query.meetingStart(), "ParticipantQuery", "meetingStart");
		return this.caller.pages(ReportApis.PARTICIPANT_LIST, params);
	}

	@Override
	public Flux<ParticipantQuality> participantQuality(ParticipantQualityQuery query) {
		MeetingDataChecks.check(query);
		Params params = Params.path()
			.query("meeting_start_time", query.meetingStart().getEpochSecond())
			.query("meeting_end_time", query.meetingEnd().getEpochSecond())
			.query("meeting_no", query.meetingNo())
			.query("join_time", query.joinTime().getEpochSecond())
			.query("user_id", query.userId())
			.query("room_id", query.roomId());
		MeetingDataChecks.notInFuture(this.clock, query.meetingStart(), "ParticipantQualityQuery", "meetingStart");
		return this.caller.pages(ReportApis.PARTICIPANT_QUALITY_LIST, params);
	}

}
