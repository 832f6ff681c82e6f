package io.github.feishuvc.meeting.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The meeting an event is about ({@code meeting_event_meeting}). It carries no reservation id: correlate it with the
 * reservation by its meeting number ({@link io.github.feishuvc.reserve.Reserve#meetingNo()}), or read the meeting
 * with {@link io.github.feishuvc.meeting.MeetingOperations#get} by its id. The recording-ready event carries fewer
 * fields (no host, times or calendar event).
 *
 * @param id the meeting's id
 * @param topic the meeting's topic
 * @param meetingNo the 9-digit meeting number
 * @param meetingSourceCode the raw {@code meeting_source} code; see {@link #meetingSource()}
 * @param startTime when the meeting started
 * @param endTime when the meeting ended
 * @param hostUser the host
 * @param owner the owner
 * @param calendarEventId the calendar event's id (meeting started and ended events only)
 * @param meetingSubTypeCode the raw {@code meeting_sub_type} code; see {@link #meetingSubType()}
 * @param securitySetting who may join
 * @param webinarSetting the webinar's settings, for a webinar
 */
public record EventMeeting(@Nullable String id, @Nullable String topic, @Nullable String meetingNo,
		@Nullable Integer meetingSourceCode, @Nullable Instant startTime, @Nullable Instant endTime,
		@Nullable EventUser hostUser, @Nullable EventUser owner, @Nullable String calendarEventId,
		@Nullable Integer meetingSubTypeCode, @Nullable SecuritySetting securitySetting,
		@Nullable WebinarSetting webinarSetting) {

	/**
	 * How the meeting was created.
	 * @return the source, {@link MeetingSource#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable MeetingSource meetingSource() {
		return MeetingSource.fromCode(this.meetingSourceCode);
	}

	/**
	 * The meeting's sub-type.
	 * @return the sub-type, {@link MeetingSubType#UNKNOWN} for a code this version does not know, {@code null} if
	 * absent
	 */
	public @Nullable MeetingSubType meetingSubType() {
		return MeetingSubType.fromCode(this.meetingSubTypeCode);
	}

}
